import { createHash } from 'node:crypto';
import type { auditEvent } from '../../db/schema/audit.ts';

/** A stored audit row, as drizzle reads it. */
export type AuditRow = typeof auditEvent.$inferSelect;
export type AuditRowWithoutHash = Omit<AuditRow, 'hash'>;

/** The `prev_hash` of a county's first row: nothing came before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The bytes a row's hash covers: every stored field but `hash`, in a fixed order, as JSON. Rows written when
 * the county had one chain have no `prev_seq` (their predecessor is seq − 1 on chain 0) and keep the form
 * they were hashed in; every later row also covers its chain and `prevSeq`, so moving a row to another chain
 * or relinking it changes its hash. Timestamps are ISO
 * strings with milliseconds (what both a JS Date and timestamptz round-trip exactly) and absent values are
 * null. `details` is stored as jsonb, which does not keep key order, so its keys are sorted at every depth;
 * the same bytes then come out of a fresh row and one read back years later, on either engine.
 */
export function canonicalAuditRow(row: AuditRowWithoutHash): string {
  return JSON.stringify({
    regionCode: row.regionCode,
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId ?? null,
    actorName: row.actorName ?? null,
    actorRoles: row.actorRoles,
    sessionId: row.sessionId ?? null,
    requestId: row.requestId ?? null,
    sourceIp: row.sourceIp ?? null,
    userAgent: row.userAgent ?? null,
    eventType: row.eventType,
    objectType: row.objectType ?? null,
    objectId: row.objectId ?? null,
    action: row.action,
    outcome: row.outcome,
    reasonCode: row.reasonCode ?? null,
    details: sortKeysDeep(row.details),
    prevHash: row.prevHash,
    ...(row.prevSeq === null || row.prevSeq === undefined
      ? {}
      : { chain: Number(row.chain), prevSeq: Number(row.prevSeq) }),
  });
}

/** AUD-03: `hash = SHA-256(prev_hash ‖ canonical(row))`, hex. Changing any field, or the link, changes it. */
export function hashAuditRow(row: AuditRowWithoutHash): string {
  return createHash('sha256').update(row.prevHash).update(canonicalAuditRow(row)).digest('hex');
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(sorted, key, {
      value: sortKeysDeep((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}
