import { createHash, getHashes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { insertAuditArchive } from './audit-archive.store.ts';
import { auditSeqBounds, deleteAuditRange, readAuditRowsAfter } from './audit-chain.store.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import { recordAudit } from './audit.ts';
import type { AuditRow } from './chain.ts';
import { type ChainHead, lockAllChainHeads } from './chain-head.store.ts';
import { archiveStart, type ChainStates, checkRow, numericRow, stateOf } from './verify.ts';

/** 网络安全法 Art. 21(3) (now Art. 23(3)): network logs are kept for no less than six months (AUD-05). */
export const MIN_RETENTION_DAYS = 180;
const dayMs = 86_400_000;
const batchSize = 5000;

export interface PurgeOptions {
  /** Rows that occurred before this instant are archived and removed. */
  olderThan: Date;
  /** Folder for the archive file (created when missing). */
  dir: string;
  /** The installation's retention; never below 180 days whatever is configured. */
  retentionDays?: number;
}

export type PurgeResult =
  | { archived: 0 }
  | { archived: number; fromSeq: number; toSeq: number; file: string; sha256: string; sm3: string | null };

/**
 * The retention job (AUD-05): the oldest stretch of the chain past retention is written to a gzipped JSON-lines
 * file, its digest recorded in `audit_archive` as the anchor verification continues from, and only then
 * deleted, all in one transaction together with the 'audit.purge' event. The database checks the age again
 * (trigger, by its own clock), so a wrong clock here cannot delete recent rows.
 */
export async function archiveAndPurge(ctx: Ctx, options: PurgeOptions): Promise<PurgeResult> {
  const days = Math.max(MIN_RETENTION_DAYS, options.retentionDays ?? MIN_RETENTION_DAYS);
  const latestCutoff = ctx.clock().getTime() - days * dayMs;
  if (options.olderThan.getTime() > latestCutoff) {
    throw AppError.field('olderThan', 'audit.retention_too_recent', { days });
  }
  return tx(ctx, async (t) => {
    await lockAllChainHeads(t.db, t.countyCode); // one purge at a time, and no chain can move under the range below
    const range = await purgeRange(t.db, t.countyCode, options.olderThan);
    if (!range) return { archived: 0 };
    const file = path.join(options.dir, archiveFileName(t.countyCode, range));
    try {
      return await archiveThenDelete(t, range, file, options, days);
    } catch (error) {
      await fs.promises.rm(file, { force: true }); // the rows stay; a half-made archive must not look real
      throw error;
    }
  });
}

interface SeqRange {
  fromSeq: number;
  toSeq: number;
  /** Every chain's last row before the range (the previous archive's, or the genesis). */
  states: ChainStates;
}

/**
 * Only a prefix of the chain can go, or verification could not continue from the anchor: rows up to the first
 * one still inside retention (clocks of several servers need not agree with seq order).
 */
async function purgeRange(db: Db, countyCode: string, olderThan: Date): Promise<SeqRange | undefined> {
  const start = await archiveStart(db, countyCode);
  const fromSeq = start.afterSeq + 1;
  const bounds = await auditSeqBounds(db, countyCode, fromSeq, olderThan);
  if (bounds.last === null) return undefined;
  const toSeq = bounds.firstFrom === null ? bounds.last : bounds.firstFrom - 1;
  if (toSeq < fromSeq) return undefined;
  return { fromSeq, toSeq, states: start.states };
}

function archiveFileName(countyCode: string, range: SeqRange): string {
  const pad = (seq: number) => String(seq).padStart(12, '0');
  return `audit-${countyCode}-${pad(range.fromSeq)}-${pad(range.toSeq)}.jsonl.gz`;
}

async function archiveThenDelete(
  t: Ctx,
  range: SeqRange,
  file: string,
  options: PurgeOptions,
  days: number,
): Promise<PurgeResult> {
  await fs.promises.mkdir(options.dir, { recursive: true });
  const written = await writeArchive(t.db, t.countyCode, range, file);
  const digests = await digestFile(file);
  const archiveId = randomUUID();
  await insertAuditArchive(t.db, {
    regionCode: t.countyCode,
    id: archiveId,
    fromSeq: range.fromSeq,
    toSeq: range.toSeq,
    lastHash: written.lastHash,
    chainHeads: Object.fromEntries(written.states),
    rowCount: written.rowCount,
    sha256: digests.sha256,
    fileName: path.basename(file),
    archivedAt: t.clock(),
    archivedBy: t.actor?.id ?? null,
  });
  await deleteArchivedRows(t.db, t.countyCode, range, written.rowCount);
  await recordAudit(t, {
    eventType: 'audit.purge',
    action: 'purge',
    objectType: 'audit_archive',
    objectId: archiveId,
    // Digests go in as base64: long hex strings can look like ID numbers to the sanitiser.
    details: {
      fromSeq: range.fromSeq,
      toSeq: range.toSeq,
      rowCount: written.rowCount,
      fileName: path.basename(file),
      sha256Base64: Buffer.from(digests.sha256, 'hex').toString('base64'),
      sm3Base64: digests.sm3 ? Buffer.from(digests.sm3, 'hex').toString('base64') : null,
      olderThan: options.olderThan.toISOString(),
      retentionDays: days,
    },
  });
  return { archived: written.rowCount, fromSeq: range.fromSeq, toSeq: range.toSeq, file, ...digests };
}

/**
 * Streams the range into the file and checks every chain on the way: a broken chain is evidence and is never
 * archived away (the purge fails and the rows stay for the auditor). What it returns anchors verification
 * afterwards: each chain's last archived row, and the last row's hash.
 */
async function writeArchive(db: Db, countyCode: string, range: SeqRange, file: string) {
  const state = { rowCount: 0, lastHash: '', states: new Map(range.states) };
  async function* lines() {
    for (let after = range.fromSeq - 1; after < range.toSeq; ) {
      const rows = await readRange(db, countyCode, after, range.toSeq);
      if (rows.length === 0) break;
      for (const row of rows) {
        assertLinked(row, stateOf(state.states, row.chain));
        state.rowCount += 1;
        state.lastHash = row.hash;
        state.states.set(row.chain, { lastSeq: row.seq, lastHash: row.hash });
        yield `${JSON.stringify(presentAuditEvent(row))}\n`;
      }
      after = rows[rows.length - 1]!.seq;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(file, { flags: 'wx' }));
  await syncFile(file);
  if (state.rowCount === 0) throw new Error(`audit archive ${countyCode}: no rows in ${range.fromSeq}–${range.toSeq}`);
  return state;
}

function assertLinked(row: AuditRow, expected: ChainHead): void {
  const problem = checkRow(row, expected);
  if (problem)
    throw new Error(
      `audit chain ${row.regionCode} is broken at seq ${problem.firstBadSeq} (${problem.problem}): verify it before purging`,
    );
}

async function readRange(db: Db, countyCode: string, afterSeq: number, toSeq: number): Promise<AuditRow[]> {
  const rows = await readAuditRowsAfter(db, countyCode, { afterSeq, toSeq, limit: batchSize });
  return rows.map(numericRow);
}

/** The archive must be on disk before the rows it replaces are gone. */
async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** SHA-256 for the archive row; SM3 (GB/T 32905) as well where the OpenSSL build has it, for 密评. */
async function digestFile(file: string): Promise<{ sha256: string; sm3: string | null }> {
  const sha256 = createHash('sha256');
  const sm3 = getHashes().includes('sm3') ? createHash('sm3') : null;
  for await (const chunk of fs.createReadStream(file)) {
    sha256.update(chunk as Buffer);
    sm3?.update(chunk as Buffer);
  }
  return { sha256: sha256.digest('hex'), sm3: sm3?.digest('hex') ?? null };
}

async function deleteArchivedRows(db: Db, countyCode: string, range: SeqRange, expected: number): Promise<void> {
  const count = await deleteAuditRange(db, countyCode, range.fromSeq, range.toSeq);
  if (count !== expected) throw new Error(`audit purge ${countyCode}: deleted ${count} rows, archived ${expected}`);
}
