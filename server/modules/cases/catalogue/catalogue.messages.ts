import type { MessageCatalogue } from '../../../platform/module.ts';

/** Case-catalogue messages. Declared in the manifest; en is typed against zh's keys. */
const zh = {
  'what.cases_catalogue': '案件分类目录',
  'what.cases_category': '案件类别',
  'cases_catalogue.unknown_tag': '没有这个专项标签',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.cases_catalogue': 'Case catalogue',
  'what.cases_category': 'Case category',
  'cases_catalogue.unknown_tag': 'No such campaign tag',
};

export const catalogueMessages = { zh, en } satisfies MessageCatalogue;
