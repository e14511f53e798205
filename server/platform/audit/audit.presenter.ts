import type { Ctx } from '../context.ts';
import { auditDisplayer } from './audit-display.ts';
import type { AuditEventDto } from './audit.schema.ts';
import type { AuditRow } from './chain.ts';

/** The stored fields as stored (timestamps as ISO UTC): the API, the archive files and the exports share it. */
export function presentAuditEvent(row: AuditRow): AuditEventDto {
  return {
    regionCode: row.regionCode,
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorRoles: row.actorRoles,
    sessionId: row.sessionId,
    requestId: row.requestId,
    sourceIp: row.sourceIp,
    userAgent: row.userAgent,
    eventType: row.eventType,
    objectType: row.objectType,
    objectId: row.objectId,
    action: row.action,
    outcome: row.outcome,
    reasonCode: row.reasonCode,
    details: row.details,
    chain: Number(row.chain),
    prevSeq: row.prevSeq === null ? null : Number(row.prevSeq),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** A page of the search: each row as stored, with its words in the reader's language beside it. */
export async function presentAuditPage(ctx: Ctx, rows: readonly AuditRow[]) {
  const displayer = auditDisplayer(ctx.db, ctx.countyCode, ctx.locale);
  await displayer.prepare(rows);
  return rows.map((row) => ({ ...presentAuditEvent(row), display: displayer.display(row) }));
}
