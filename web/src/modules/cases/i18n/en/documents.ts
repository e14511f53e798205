import type { caseDocumentsZh } from '../zh/documents.ts';

export const caseDocumentsEn: Record<keyof typeof caseDocumentsZh, string> = {
  'cases.documents.title': 'Documents',
  'cases.documents.caseFile': 'Print case file',
  'cases.documents.notice': 'Rectification notice',
  'cases.documents.pdf': 'PDF',
  'cases.documents.docx': 'Word',
  'cases.documents.noticeNeedsDepartment': 'A rectification notice can be issued once the case is dispatched',
  'cases.documents.intro':
    'Each document carries a code and a QR code for the verification page; printing unchanged content again keeps its code.',
  'cases.documents.issued': 'Issued',
  'cases.documents.none': 'No documents issued yet',
  'cases.documents.statusIssued': 'Valid',
  'cases.documents.statusRevoked': 'Revoked',
  'cases.documents.verify': 'Verification page',
  'cases.documents.revoke': 'Revoke',
  'cases.documents.revokeTitle': 'Revoke document',
  'cases.documents.revokeNotice':
    'Once revoked, scanning its QR code shows "revoked" with the reason. This is audited and cannot be undone.',
  'cases.documents.revokeReason': 'Reason',
  'cases.documents.revokeReasonRequired': 'Give the reason',
  'cases.documents.revoked': 'Document revoked',
};
