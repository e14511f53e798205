import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import type { AnyDocumentKind } from './document-kind.ts';
import type { IssuedDocumentDto, VerificationDto } from './documents.schema.ts';
import { findIssuedByCode, type IssuedDocument } from './documents.store.ts';
import { parseVerificationCode } from './verification-code.ts';

const kindTitleOf = (kinds: readonly AnyDocumentKind[], row: IssuedDocument) =>
  kinds.find((k) => k.key === row.kind)?.title ?? { zh: row.title, en: row.title };

/**
 * The public answer for a code: kind, issuer (organ and department, never the person), date, content hash,
 * status with the revocation's date and reason, and only the fields the kind declared public. A malformed
 * code and an unknown one are the same 404: the endpoint tells nothing about which codes exist.
 */
export async function verifyDocument(
  ctx: Ctx,
  input: string,
  kinds: readonly AnyDocumentKind[],
): Promise<VerificationDto> {
  const code = parseVerificationCode(input);
  const row = code ? await findIssuedByCode(ctx.db, ctx.countyCode, code) : undefined;
  if (!row) throw AppError.notFound('what.document');
  return {
    code: row.code,
    kind: row.kind,
    kindTitle: kindTitleOf(kinds, row),
    title: row.title,
    issuer: { organ: row.issuerOrgan, department: row.issuerDepartment },
    issuedAt: row.issuedAt.toISOString(),
    contentSha256: row.contentSha256,
    status: row.status === 'revoked' ? 'revoked' : 'issued',
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
    publicFields: row.publicFields,
  };
}

/** A row as the record's staff page lists it. */
export function presentIssued(
  row: IssuedDocument,
  kinds: readonly AnyDocumentKind[],
  permissions: ReadonlySet<string>,
): IssuedDocumentDto {
  const kind = kinds.find((k) => k.key === row.kind);
  return {
    code: row.code,
    kind: row.kind,
    kindTitle: kindTitleOf(kinds, row),
    title: row.title,
    issuedAt: row.issuedAt.toISOString(),
    contentSha256: row.contentSha256,
    status: row.status === 'revoked' ? 'revoked' : 'issued',
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
    revocable: row.status === 'issued' && kind !== undefined && permissions.has(kind.revokePermission),
  };
}
