import type { MessageCatalogue } from '../i18n/locale.ts';

/** Printable documents and their verification: listed by the documents manifest. */
const zh = {
  'what.document': '文书',
  'documents.already_revoked': '该文书已于 {at} 作废',
  'documents.reason_required': '请填写作废原因（2–200 字）',
  'documents.not_this_module': '该文书不属于此业务',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.document': 'document',
  'documents.already_revoked': 'This document was revoked on {at}',
  'documents.reason_required': 'Give the reason for revoking (2–200 characters)',
  'documents.not_this_module': 'This document does not belong here',
};

export const documentsMessages = { zh, en } satisfies MessageCatalogue;
