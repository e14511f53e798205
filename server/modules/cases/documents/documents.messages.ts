import type { MessageCatalogue } from '../../../platform/module.ts';

/** The case documents' refusals; listed by the cases manifest. */
const zh = {
  'cases.documents.no_department': '案件 {caseNo} 尚未派遣到处置部门，不能出具整改通知书',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cases.documents.no_department':
    'Case {caseNo} has not been dispatched to a department yet, so no rectification notice can be issued',
};

export const caseDocumentMessages = { zh, en } satisfies MessageCatalogue;
