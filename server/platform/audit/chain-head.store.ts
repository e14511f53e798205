import { and, eq, type SQL, sql } from 'drizzle-orm';
import { auditChainHead, auditEvent } from '../../db/schema/audit.ts';
import type { Db } from '../db/database.ts';
import { preparedInsert, type Rider } from '../db/prepared.ts';
import { queryOne, queryRows } from '../db/rows.ts';
import { type AuditRow, GENESIS_HASH } from './chain.ts';

/**
 * A county's trail is AUDIT_CHAINS hash chains side by side. Each chain is appended under its own head-row
 * lock, held until the writer commits (the commit's fsync included). With one chain, every audited write of
 * the county passed that lock one at a time — a ceiling of a few hundred writes a second whatever the cores,
 * and far less when writers queue for CPU inside the window. A writer now takes the first head that is free:
 * one writer at a time stays on chain 0, and only concurrent ones spread over the others.
 */
export const AUDIT_CHAINS = 8;

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** A head locked for this transaction, and the seq its new row gets (from one county-wide sequence). */
export interface ChainSlot extends ChainHead {
  chain: number;
  seq: number;
}

interface SlotRow {
  chain: number;
  last_seq: number;
  last_hash: string;
  seq: number;
}

/**
 * Locks a free chain head of the county until commit and draws the next seq, in one round trip. Seqs come from
 * a sequence, so they order the county's rows by when they were appended; within a chain each row names the
 * seq and hash of the one before it (`prev_seq`, `prev_hash`). Only when all heads are busy does it wait, on
 * one picked at random; heads are created on the county's first audited write. A transaction appends all its
 * events under one head (audit.ts), so it never holds one head while waiting for another.
 */
export async function lockFreeChain(db: Db, regionCode: string): Promise<ChainSlot> {
  const free = await lockFirstFree(db, regionCode);
  if (free) return free;
  await ensureChainHeads(db, regionCode);
  return (
    (await lockFirstFree(db, regionCode)) ??
    (await waitForChain(db, regionCode, Math.floor(Math.random() * AUDIT_CHAINS)))
  );
}

/** The first head nobody holds (`skip locked`), or undefined when every one is busy or none exists yet. */
function lockFirstFree(db: Db, regionCode: string): Promise<ChainSlot | undefined> {
  return lockHead(db, sql`where region_code = ${regionCode} order by chain limit 1 for update skip locked`);
}

async function waitForChain(db: Db, regionCode: string, chain: number): Promise<ChainSlot> {
  const slot = await lockHead(db, sql`where region_code = ${regionCode} and chain = ${chain} for update`);
  if (!slot) throw new Error(`audit chain head ${regionCode}/${chain} vanished after it was ensured`);
  return slot;
}

/** Locks the head `choice` picks and draws the next seq, in one round trip. */
async function lockHead(db: Db, choice: SQL): Promise<ChainSlot | undefined> {
  const row = await queryOne<SlotRow>(
    db,
    sql`with head as (select chain, last_seq, last_hash from audit_chain_head ${choice})
        select chain, last_seq, last_hash, nextval('audit_event_seq') as seq from head`,
  );
  return row && toSlot(row);
}

function toSlot(row: SlotRow): ChainSlot {
  return { chain: Number(row.chain), lastSeq: Number(row.last_seq), lastHash: row.last_hash, seq: Number(row.seq) };
}

async function ensureChainHeads(db: Db, regionCode: string): Promise<void> {
  const heads = Array.from({ length: AUDIT_CHAINS }, (_, chain) => ({
    regionCode,
    chain,
    lastSeq: 0,
    lastHash: GENESIS_HASH,
  }));
  await db
    .insert(auditChainHead)
    .values(heads)
    .onConflictDoNothing({ target: [auditChainHead.regionCode, auditChainHead.chain] });
}

/** Every head of the county, locked until commit: the retention purge stops all appends while it cuts. */
export async function lockAllChainHeads(db: Db, regionCode: string): Promise<Map<number, ChainHead>> {
  await ensureChainHeads(db, regionCode);
  const rows = await queryRows<{ chain: number; last_seq: number; last_hash: string }>(
    db,
    sql`select chain, last_seq, last_hash from audit_chain_head where region_code = ${regionCode} order by chain for update`,
  );
  return new Map(rows.map((r) => [Number(r.chain), { lastSeq: Number(r.last_seq), lastHash: r.last_hash }]));
}

export async function advanceChainHead(db: Db, regionCode: string, chain: number, head: ChainHead): Promise<void> {
  await db
    .update(auditChainHead)
    .set({ lastSeq: head.lastSeq, lastHash: head.lastHash })
    .where(and(eq(auditChainHead.regionCode, regionCode), eq(auditChainHead.chain, chain)));
}

/** The heads as committed, without locking: what verification compares the rows with. */
export async function readChainHeads(db: Db, regionCode: string): Promise<Map<number, ChainHead>> {
  const rows = await db
    .select({ chain: auditChainHead.chain, lastSeq: auditChainHead.lastSeq, lastHash: auditChainHead.lastHash })
    .from(auditChainHead)
    .where(eq(auditChainHead.regionCode, regionCode));
  return new Map(rows.map((r) => [Number(r.chain), { lastSeq: Number(r.lastSeq), lastHash: r.lastHash }]));
}

/** More seqs from the county-wide sequence, for a transaction's second and later events. */
export async function drawAuditSeqs(db: Db, count: number): Promise<number[]> {
  if (count <= 0) return [];
  const rows = await queryRows<{ seq: number }>(
    db,
    sql`select nextval('audit_event_seq') as seq from generate_series(1, ${count})`,
  );
  return rows.map((r) => Number(r.seq));
}

/**
 * The rows and the head's move in one statement: one round trip less inside the head's lock. A single row (the
 * usual write) also carries the transaction's rows queued for its commit (db/at-commit.ts), taken only then.
 */
export async function appendAndAdvanceHead(
  db: Db,
  regionCode: string,
  rows: AuditRow[],
  chain: number,
  head: ChainHead,
  riders: () => Rider[] = () => [],
): Promise<void> {
  const [only] = rows;
  if (rows.length === 1 && only) {
    const row = { ...only, headSeq: head.lastSeq, headHash: head.lastHash, headChain: chain };
    await appendOneAndAdvanceHead(db, row, riders());
    return;
  }
  const insert = db.insert(auditEvent).values(rows);
  await db.execute(
    // A data-modifying WITH runs exactly once whether or not the outer statement reads it; drizzle brackets it.
    sql`with appended as ${insert}
        update audit_chain_head set last_seq = ${head.lastSeq}, last_hash = ${head.lastHash}
        where region_code = ${regionCode} and chain = ${chain}`,
  );
}

/** The one-row append every audited write makes: built once (db/prepared.ts), the head's move in the same statement. */
const appendOneAndAdvanceHead = preparedInsert<AuditRow & { headSeq: number; headHash: string; headChain: number }>(
  'audit.append_one',
  auditEvent,
  {
    around: (insert, riders) =>
      sql`with ${riders}appended as ${insert}
          update audit_chain_head set last_seq = ${sql.placeholder('headSeq')}, last_hash = ${sql.placeholder('headHash')}
          where region_code = ${sql.placeholder('regionCode')} and chain = ${sql.placeholder('headChain')}`,
  },
);
