import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import type { AnyDocumentKind } from './document-kind.ts';
import { chineseDate } from './document-model.ts';
import type { IssuedDocumentDto } from './documents.schema.ts';
import { findIssuedByCode, markRevoked } from './documents.store.ts';
import { parseVerificationCode } from './verification-code.ts';
import { presentIssued } from './verify-document.ts';

/**
 * Revokes an issued document of one of `kinds` (the module's own): the kind's revoke permission, the record
 * still in the actor's scope (the kind's loader: an audited 404 otherwise), a reason, and an audit row in the
 * same transaction. The verification page then shows 已作废 with the date and reason; the row stays.
 */
export async function revokeDocument(
  ctx: Ctx,
  input: { code: string; reason: string },
  kinds: readonly AnyDocumentKind[],
): Promise<IssuedDocumentDto> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const actor = ctx.actor;
  const reason = input.reason.trim();
  if (reason.length < 2) throw AppError.field('reason', 'documents.reason_required');
  const code = parseVerificationCode(input.code);
  const row = code ? await findIssuedByCode(ctx.db, ctx.countyCode, code) : undefined;
  const kind = row && kinds.find((k) => k.key === row.kind);
  if (!row || !kind) throw AppError.notFound('what.document');
  if (!actor.permissions.has(kind.revokePermission)) throw AppError.forbidden();
  await kind.load(ctx, row.subjectRef);
  if (row.status === 'revoked') throw alreadyRevoked(row.revokedAt);
  return tx(ctx, async (t) => {
    const revoked = await markRevoked(t.db, t.countyCode, row.id, { at: t.clock(), by: actor.id, reason });
    if (!revoked) throw alreadyRevoked(t.clock());
    await recordAudit(t, {
      eventType: 'documents.revoke',
      action: 'revoke',
      objectType: 'document',
      objectId: row.id,
      details: { kind: kind.key, subjectType: kind.subjectType, subjectRef: row.subjectRef, reason },
    });
    return presentIssued(revoked, kinds, actor.permissions);
  });
}

function alreadyRevoked(at: Date | null): AppError {
  return new AppError(409, 'already_revoked', 'documents.already_revoked', { at: at ? chineseDate(at) : '' });
}
