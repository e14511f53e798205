import type { MessageCatalogue } from '../../platform/module.ts';

/** Messages of the citizen's report form (public-report.ts). Declared in the manifest; en is typed against zh's keys. */
const zh = {
  'cases.public.place_required': '请选择问题所在的乡镇，或提供位置',
  'cases.public.address_required': '请填写详细地点',
  'cases.public.address_vague': '没有定位时，请写清路名、门牌号或附近的标志性建筑（至少 {min} 个字）',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cases.public.place_required': 'Choose the township where the problem is, or share the location',
  'cases.public.address_required': 'Say where the problem is',
  'cases.public.address_vague':
    'Without a location, name the street, the house number or a landmark nearby (at least {min} characters)',
};

export const publicReportMessages = { zh, en } satisfies MessageCatalogue;
