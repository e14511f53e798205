import type { verifyZh } from '../zh/verify.ts';

export const verifyEn: Record<keyof typeof verifyZh, string> = {
  'verify.title': 'Verify a document',
  'verify.intro':
    'Scan the QR code on a printed document, or type the code at its foot, to check that this platform issued it and that it still stands.',
  'verify.codeLabel': 'Verification code',
  'verify.codePlaceholder': 'e.g. abcd-efgh-… (32 letters and digits)',
  'verify.codeRequired': 'Enter the verification code',
  'verify.submit': 'Verify',
  'verify.another': 'Verify another document',
  'verify.notFound': 'No document has this code. Check the code: a forged or altered document does not verify.',
  'verify.valid': 'Valid · issued by this platform',
  'verify.revoked': '已作废 Revoked',
  'verify.revokedDetail': 'Revoked on {at} · Reason: {reason}',
  'verify.kind': 'Kind',
  'verify.documentTitle': 'Title',
  'verify.issuer': 'Issued by',
  'verify.department': 'Department',
  'verify.issuedAt': 'Issued on',
  'verify.hash': 'Content digest (SHA-256)',
  'verify.hashHelp': "The document's fingerprint: its PDF and Word versions have the same digest.",
  'verify.code': 'Code',
  'verify.privacy': 'To protect personal data this page shows only what this kind of document may show publicly.',
};
