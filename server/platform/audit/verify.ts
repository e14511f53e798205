import { and, asc, desc, eq, gt, lte, max } from 'drizzle-orm';
import { auditArchive, auditEvent } from '../../db/schema/audit.ts';
import type { Db } from '../db/database.ts';
import { type ChainHead, readChainHead } from './chain-head.ts';
import { type AuditRow, GENESIS_HASH, hashAuditRow } from './chain.ts';

export type ChainProblem = 'hash_mismatch' | 'broken_link' | 'gap' | 'head_mismatch';

export interface ChainVerification {
  ok: boolean;
  /** Rows whose hash and link were checked. */
  checked: number;
  /** The last seq that verified (the archive anchor's when nothing after it did). */
  lastSeq: number;
  firstBadSeq?: number;
  problem?: ChainProblem;
}

const defaultBatchSize = 5000;

/** Where checking starts: the row after the newest archive (older rows were purged), else the genesis. */
interface ChainPosition {
  nextSeq: number;
  prevHash: string;
}

/**
 * Checks a county's audit chain (AUD-03, L3-CES1-26 "篡改能否被发现"): every row's hash over its own fields,
 * every link to the row before, no missing seq, and the head row agreeing with the last row.
 *
 * It reads the head first and checks rows up to the head's seq only, a batch at a time by keyset, so it works
 * on millions of rows without one long transaction: a writer commits its row and the head together, so every
 * row up to a committed head is there to read, and rows appended meanwhile are simply left for next time.
 */
export async function verifyAuditChain(db: Db, countyCode: string, batchSize = defaultBatchSize): Promise<ChainVerification> {
  const result = await verifyOnce(db, countyCode, batchSize);
  // A retention purge committing mid-walk removes rows under our feet and looks like a gap; the anchor it left
  // says so, and one more pass from the new anchor gives the true answer.
  if (result.problem === 'gap' && (await anchorMovedPast(db, countyCode, result.firstBadSeq))) return verifyOnce(db, countyCode, batchSize);
  return result;
}

async function verifyOnce(db: Db, countyCode: string, batchSize: number): Promise<ChainVerification> {
  // Head before anchor: a purge in between then only moves the start forward, never past the head.
  const head = await readChainHead(db, countyCode);
  const start = await startingPosition(db, countyCode);
  const limit = head?.lastSeq ?? start.nextSeq - 1;
  const walk = await walkChain(db, countyCode, start, { limit, batchSize });
  if (walk.problem) {
    const { lastHash: _internal, ...result } = walk;
    return result;
  }
  return checkHead(db, countyCode, head, walk);
}

async function anchorMovedPast(db: Db, countyCode: string, seq: number | undefined): Promise<boolean> {
  const anchor = await archiveAnchor(db, countyCode);
  return anchor !== undefined && seq !== undefined && anchor.toSeq >= seq;
}

async function startingPosition(db: Db, countyCode: string): Promise<ChainPosition> {
  const anchor = await archiveAnchor(db, countyCode);
  return anchor ? { nextSeq: anchor.toSeq + 1, prevHash: anchor.lastHash } : { nextSeq: 1, prevHash: GENESIS_HASH };
}

/** The newest archive: rows up to its `toSeq` were purged, and its `lastHash` is what the next row links to. */
export async function archiveAnchor(db: Db, countyCode: string): Promise<{ toSeq: number; lastHash: string } | undefined> {
  const anchors = await db
    .select({ toSeq: auditArchive.toSeq, lastHash: auditArchive.lastHash })
    .from(auditArchive)
    .where(eq(auditArchive.regionCode, countyCode))
    .orderBy(desc(auditArchive.toSeq))
    .limit(1);
  const anchor = anchors[0];
  return anchor ? { toSeq: Number(anchor.toSeq), lastHash: anchor.lastHash } : undefined;
}

interface Walk extends ChainVerification {
  lastHash: string;
}

async function walkChain(db: Db, countyCode: string, start: ChainPosition, batch: { limit: number; batchSize: number }): Promise<Walk> {
  let expected = start;
  let checked = 0;
  for (;;) {
    const rows = await readBatch(db, countyCode, expected.nextSeq - 1, batch);
    for (const row of rows) {
      const problem = checkRow(row, expected);
      const lastSeq = expected.nextSeq - 1;
      if (problem) return { ok: false, checked, lastSeq, lastHash: expected.prevHash, ...problem };
      expected = { nextSeq: row.seq + 1, prevHash: row.hash };
      checked += 1;
    }
    if (rows.length < batch.batchSize) break;
  }
  return { ok: true, checked, lastSeq: expected.nextSeq - 1, lastHash: expected.prevHash };
}

function checkRow(row: AuditRow, expected: ChainPosition): { problem: ChainProblem; firstBadSeq: number } | undefined {
  // A missing row shows as the next one arriving early; the missing seq is the one to report.
  if (row.seq !== expected.nextSeq) return { problem: 'gap', firstBadSeq: expected.nextSeq };
  if (row.prevHash !== expected.prevHash) return { problem: 'broken_link', firstBadSeq: row.seq };
  if (hashAuditRow(row) !== row.hash) return { problem: 'hash_mismatch', firstBadSeq: row.seq };
  return undefined;
}

async function readBatch(db: Db, countyCode: string, afterSeq: number, batch: { limit: number; batchSize: number }): Promise<AuditRow[]> {
  const rows = await db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.regionCode, countyCode), gt(auditEvent.seq, afterSeq), lte(auditEvent.seq, batch.limit)))
    .orderBy(asc(auditEvent.seq))
    .limit(batch.batchSize);
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/**
 * The head must name the last row: rows cut off the end of the chain leave the head pointing past them, and
 * rows appended behind the application's back are not in it. Rows written after the head was first read are
 * fine if a re-read head covers them (their writer moved the head in the same transaction).
 */
async function checkHead(db: Db, countyCode: string, head: ChainHead | undefined, walk: Walk): Promise<ChainVerification> {
  const result: ChainVerification = { ok: true, checked: walk.checked, lastSeq: walk.lastSeq };
  const headSeq = head?.lastSeq ?? walk.lastSeq;
  if (headSeq !== walk.lastSeq) return mismatch(result, Math.min(headSeq, walk.lastSeq) + 1);
  if (head && head.lastHash !== walk.lastHash) return mismatch(result, walk.lastSeq);
  const beyond = await maxSeqAfter(db, countyCode, walk.lastSeq);
  if (beyond !== null) {
    const reread = await readChainHead(db, countyCode);
    if (!reread || reread.lastSeq < beyond) return mismatch(result, walk.lastSeq + 1);
  }
  return result;
}

function mismatch(result: ChainVerification, firstBadSeq: number): ChainVerification {
  return { ...result, ok: false, problem: 'head_mismatch', firstBadSeq };
}

async function maxSeqAfter(db: Db, countyCode: string, seq: number): Promise<number | null> {
  const rows = await db
    .select({ last: max(auditEvent.seq) })
    .from(auditEvent)
    .where(and(eq(auditEvent.regionCode, countyCode), gt(auditEvent.seq, seq)));
  const last = rows[0]?.last;
  return last === null || last === undefined ? null : Number(last);
}
