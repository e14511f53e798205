import type { Db } from '../db/database.ts';
import { newestAuditArchive } from './audit-archive.store.ts';
import { lastSeqOfChainsAbove, readAuditRowsAfter } from './audit-chain.store.ts';
import { type AuditRow, GENESIS_HASH, hashAuditRow } from './chain.ts';
import { type ChainHead, readChainHeads } from './chain-head.store.ts';

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

/** Each chain's last (seq, hash): where its next row must link to. */
export type ChainStates = Map<number, ChainHead>;

/** Where checking starts: after the newest archive (older rows were purged), else at the genesis of every chain. */
export interface ChainStart {
  afterSeq: number;
  states: ChainStates;
}

/**
 * Checks a county's audit trail (AUD-03, L3-CES1-26 "篡改能否被发现"): every row's hash over its own fields,
 * every link to the row before it on its chain (`prev_seq`, `prev_hash`: a missing row breaks the next one's
 * link), and every chain head agreeing with its chain's last row (rows cut off the end are caught there).
 *
 * It reads the heads first and checks each chain up to its head only, a batch at a time by keyset over seq,
 * so it works on millions of rows without one long transaction: a writer commits its rows and its head
 * together, so every row up to a committed head is there to read; rows appended meanwhile are left for next time.
 */
export async function verifyAuditChain(
  db: Db,
  countyCode: string,
  batchSize = defaultBatchSize,
): Promise<ChainVerification> {
  const result = await verifyOnce(db, countyCode, batchSize);
  // A retention purge committing mid-walk removes rows under our feet and looks like a gap; the anchor it left
  // says so, and one more pass from the new anchor gives the true answer.
  if (result.problem === 'gap' && (await anchorMovedPast(db, countyCode, result.firstBadSeq)))
    return verifyOnce(db, countyCode, batchSize);
  return result;
}

async function verifyOnce(db: Db, countyCode: string, batchSize: number): Promise<ChainVerification> {
  // Heads before anchor: a purge in between then only moves the start forward, never past a head.
  const heads = await readChainHeads(db, countyCode);
  const start = await archiveStart(db, countyCode);
  const limit = Math.max(start.afterSeq, ...[...heads.values()].map((h) => h.lastSeq));
  const walk = await walkChains(db, countyCode, { start, heads, limit, batchSize });
  if (walk.problem) return walk.result;
  return checkHeads(db, countyCode, heads, walk);
}

async function anchorMovedPast(db: Db, countyCode: string, seq: number | undefined): Promise<boolean> {
  const start = await archiveStart(db, countyCode);
  return seq !== undefined && start.afterSeq >= seq;
}

/**
 * The newest archive: rows up to its `toSeq` were purged, and its `chainHeads` say what each chain's next row
 * links to. Archives from the one-chain days have none: chain 0 ended at `toSeq` with `lastHash`.
 */
export async function archiveStart(db: Db, countyCode: string): Promise<ChainStart> {
  const anchor = await newestAuditArchive(db, countyCode);
  if (!anchor) return { afterSeq: 0, states: new Map() };
  const toSeq = Number(anchor.toSeq);
  if (!anchor.chainHeads)
    return { afterSeq: toSeq, states: new Map([[0, { lastSeq: toSeq, lastHash: anchor.lastHash }]]) };
  const states = Object.entries(anchor.chainHeads).map(
    ([chain, head]) => [Number(chain), { lastSeq: Number(head.lastSeq), lastHash: head.lastHash }] as const,
  );
  return { afterSeq: toSeq, states: new Map(states) };
}

/** A chain nothing was appended to yet links its first row to seq 0 and the genesis hash. */
export function stateOf(states: ChainStates, chain: number): ChainHead {
  return states.get(chain) ?? { lastSeq: 0, lastHash: GENESIS_HASH };
}

interface WalkPlan {
  start: ChainStart;
  heads: Map<number, ChainHead>;
  limit: number;
  batchSize: number;
}

interface Walk {
  problem: boolean;
  result: ChainVerification;
  states: ChainStates;
  /** Per chain, the highest seq seen beyond the head read at the start (appended since, or behind our back). */
  beyond: Map<number, number>;
}

async function walkChains(db: Db, countyCode: string, plan: WalkPlan): Promise<Walk> {
  const states: ChainStates = new Map(plan.start.states);
  const beyond = new Map<number, number>();
  const result: ChainVerification = { ok: true, checked: 0, lastSeq: plan.start.afterSeq };
  for (let after = plan.start.afterSeq; ; ) {
    const rows = await readBatch(db, countyCode, after, plan);
    for (const row of rows) {
      const head = plan.heads.get(row.chain);
      if (!head || row.seq > head.lastSeq) {
        beyond.set(row.chain, Math.max(beyond.get(row.chain) ?? 0, row.seq));
        continue;
      }
      const problem = checkRow(row, stateOf(states, row.chain));
      if (problem) return { problem: true, result: { ...result, ok: false, ...problem }, states, beyond };
      states.set(row.chain, { lastSeq: row.seq, lastHash: row.hash });
      result.checked += 1;
      result.lastSeq = row.seq;
    }
    if (rows.length < plan.batchSize) break;
    after = rows[rows.length - 1]!.seq;
  }
  return { problem: false, result, states, beyond };
}

/** Legacy rows (no `prev_seq`) follow seq − 1; a missing row shows as the next one linking past it. */
export function checkRow(
  row: AuditRow,
  expected: ChainHead,
): { problem: ChainProblem; firstBadSeq: number } | undefined {
  const prevSeq = row.prevSeq ?? row.seq - 1;
  if (prevSeq !== expected.lastSeq)
    return { problem: 'gap', firstBadSeq: row.prevSeq === null ? expected.lastSeq + 1 : prevSeq };
  if (row.prevHash !== expected.lastHash) return { problem: 'broken_link', firstBadSeq: row.seq };
  if (hashAuditRow(row) !== row.hash) return { problem: 'hash_mismatch', firstBadSeq: row.seq };
  return undefined;
}

async function readBatch(db: Db, countyCode: string, afterSeq: number, plan: WalkPlan): Promise<AuditRow[]> {
  const rows = await readAuditRowsAfter(db, countyCode, { afterSeq, toSeq: plan.limit, limit: plan.batchSize });
  return rows.map(numericRow);
}

export function numericRow(row: AuditRow): AuditRow {
  return {
    ...row,
    seq: Number(row.seq),
    chain: Number(row.chain),
    prevSeq: row.prevSeq === null ? null : Number(row.prevSeq),
  };
}

/**
 * Each head must name its chain's last row: rows cut off the end of a chain leave its head pointing past them,
 * and rows appended behind the application's back are in no head. Rows written after the heads were first
 * read are fine if a re-read head covers them (their writer moved the head in the same transaction).
 */
async function checkHeads(
  db: Db,
  countyCode: string,
  heads: Map<number, ChainHead>,
  walk: Walk,
): Promise<ChainVerification> {
  const result = walk.result;
  for (const [chain, head] of [...heads].sort(([a], [b]) => a - b)) {
    const state = stateOf(walk.states, chain);
    if (head.lastSeq !== state.lastSeq) return mismatch(result, Math.min(head.lastSeq, state.lastSeq) + 1);
    if (head.lastHash !== state.lastHash) return mismatch(result, state.lastSeq);
  }
  const beyond = await rowsBeyond(db, countyCode, walk.beyond, result.lastSeq, heads);
  if (beyond.size === 0) return result;
  const reread = await readChainHeads(db, countyCode);
  for (const [chain, seq] of beyond) {
    if ((reread.get(chain)?.lastSeq ?? 0) < seq) return mismatch(result, stateOf(walk.states, chain).lastSeq + 1);
  }
  return result;
}

/** Rows the walk skipped as beyond their head, and any past the walk's upper bound. */
async function rowsBeyond(
  db: Db,
  countyCode: string,
  skipped: Map<number, number>,
  walked: number,
  heads: Map<number, ChainHead>,
) {
  const limit = Math.max(walked, ...[...heads.values()].map((h) => h.lastSeq));
  const all = new Map(skipped);
  for (const { chain, lastSeq } of await lastSeqOfChainsAbove(db, countyCode, limit))
    all.set(chain, Math.max(all.get(chain) ?? 0, lastSeq));
  return all;
}

function mismatch(result: ChainVerification, firstBadSeq: number): ChainVerification {
  return { ...result, ok: false, problem: 'head_mismatch', firstBadSeq };
}
