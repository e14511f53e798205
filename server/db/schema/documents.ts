import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/** A field the document's kind declares as shown on the public verification page, as it stood at issue. */
export interface IssuedPublicField {
  label: { zh: string; en: string };
  value: string;
}

/**
 * Every printed document the platform issued (platform/documents): what it is, who issued it, for which record,
 * the SHA-256 of its canonical content (the same for its PDF and its .docx), and the unguessable code its QR
 * carries to the public verification page. Revoking keeps the row and says who, when and why.
 */
export const documentsIssued = pgTable(
  'documents_issued',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    /** base32 of 20 random bytes (160 bits), lower case: what /verify/<code> looks up. */
    code: text('code').notNull(),
    /** The kind's key, module first: 'cases.case-file'. */
    kind: text('kind').notNull(),
    /** The document's own title as printed. */
    title: text('title').notNull(),
    /** The record it was printed from: its type and the reference people know it by (a case number). */
    subjectType: text('subject_type').notNull(),
    subjectRef: text('subject_ref').notNull(),
    contentSha256: text('content_sha256').notNull(),
    /** The issuing organ (机关) and department as printed; names, not people. */
    issuerOrgan: text('issuer_organ').notNull(),
    issuerDepartment: text('issuer_department'),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: at('issued_at').notNull(),
    /** What the kind declares publicly shown (none by default), captured at issue. */
    publicFields: jsonb('public_fields').$type<IssuedPublicField[]>().notNull(),
    status: text('status').notNull(),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('documents_issued_code_key').on(t.regionCode, t.code),
    index('documents_issued_subject_idx').on(t.regionCode, t.subjectType, t.subjectRef, t.kind, t.issuedAt),
    check('documents_issued_status', sql`${t.status} in ('issued', 'revoked')`),
    check(
      'documents_issued_revocation',
      sql`(${t.status} = 'revoked') = (${t.revokedAt} is not null and ${t.revokeReason} is not null)`,
    ),
  ],
);
