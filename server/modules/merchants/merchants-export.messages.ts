import type { MessageCatalogue } from '../../platform/module.ts';

/** The registry's Excel export: its one refusal. Declared in the manifest; en is typed against zh. */
const zh = {
  'merchants.export.too_large': '符合条件的商户有 {total} 户，超过单次导出上限 {limit} 户，请缩小筛选范围',
} as const;

const en: Record<keyof typeof zh, string> = {
  'merchants.export.too_large': '{total} merchants match, more than the {limit} one export may hold; narrow the filter',
};

export const merchantsExportMessages = { zh, en } satisfies MessageCatalogue;
