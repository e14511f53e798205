import { bigint, index, jsonb, pgSequence, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/** Seqs of audit rows, every county's: they order a county's rows by when they were appended. */
export const auditEventSeq = pgSequence('audit_event_seq');

/**
 * The audit trail (AUD-02): append-only (a trigger refuses UPDATE and DELETE), hash-chained (`hash =
 * SHA-256(prev_hash ‖ canonical row)`) on one of the county's parallel chains (platform/audit/chain-head.store.ts),
 * written in the same transaction as the change it records.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    regionCode: regionCode('region_code').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    occurredAt: at('occurred_at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    actorRoles: jsonb('actor_roles').$type<string[]>().notNull(),
    sessionId: text('session_id'),
    requestId: text('request_id'),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    /** e.g. 'auth.login', 'access.denied', 'pii.reveal', 'cases.register'. */
    eventType: text('event_type').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    reasonCode: text('reason_code'),
    /** Context without raw sensitive values (field names, not contents). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    chain: smallint('chain').notNull().default(0),
    /** The row before on the same chain; null on rows from the one-chain days, whose predecessor is seq − 1. */
    prevSeq: bigint('prev_seq', { mode: 'number' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.seq] }),
    index('audit_event_time_idx').on(t.regionCode, t.occurredAt),
    index('audit_event_type_idx').on(t.regionCode, t.eventType, t.occurredAt),
    index('audit_event_actor_idx').on(t.regionCode, t.actorId, t.occurredAt),
    index('audit_event_object_idx').on(t.regionCode, t.objectType, t.objectId),
  ],
);

/** The end of each of a county's chains. Appending locks one of them, so writers on a chain extend it in turn. */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    regionCode: regionCode('region_code').notNull(),
    chain: smallint('chain').notNull().default(0),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.chain] })],
);

/** Archives exported before rows past retention were purged: the anchor from which verification continues. */
export const auditArchive = pgTable(
  'audit_archive',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    fromSeq: bigint('from_seq', { mode: 'number' }).notNull(),
    toSeq: bigint('to_seq', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
    /** Each chain's last archived row (seq, hash): where verification continues. Null on one-chain archives. */
    chainHeads: jsonb('chain_heads').$type<Record<string, { lastSeq: number; lastHash: string }>>(),
    rowCount: bigint('row_count', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    archivedAt: at('archived_at').notNull(),
    archivedBy: text('archived_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);
