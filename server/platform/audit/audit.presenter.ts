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
