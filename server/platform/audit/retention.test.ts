import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import type { AuditEventDto } from './audit.schema.ts';
import { recordAuditOutside } from './audit.ts';
import { hashAuditRow } from './chain.ts';
import { archiveAndPurge } from './retention.ts';
import { verifyAuditChain } from './verify.ts';

const dayMs = 86_400_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-audit-archive-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('retention: archive, then purge (AUD-05)', () => {
  const db = useTestDatabase();
  // The trigger judges age by the database's clock, so the fake clock starts from the real now.
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);

  /** Rows written while the fake clock stood at each age, oldest first (as they would have been). */
  async function writeAged(countyCode: string, ages: number[]): Promise<Ctx> {
    const clock = fakeClock(now);
    const ctx = db.ctx({ countyCode, clock });
    for (const age of ages) {
      clock.set(daysAgo(age));
      await recordAuditOutside(ctx, { eventType: 'cases.update', action: 'update', objectId: `aged-${age}` });
    }
    clock.set(now);
    return ctx;
  }

  const rowsOf = (countyCode: string) =>
    db.database.query<{ seq: number; object_id: string | null; event_type: string }>(
      'select seq, object_id, event_type from audit_event where region_code = $1 order by seq',
      [countyCode],
    );

  it('archives and purges 181-day-old rows, keeps 179-day-old ones, and the chain still verifies', async () => {
    const ctx = await writeAged('430231', [200, 190, 181, 181, 179, 179, 0]);
    // Seqs come from one sequence shared by every county: rows are named by position.
    const seqs = (await rowsOf('430231')).map((r) => Number(r.seq));
    const result = await archiveAndPurge(ctx, { olderThan: daysAgo(180), dir });
    expect(result).toMatchObject({ archived: 4, fromSeq: 1, toSeq: seqs[3] });
    if (!('file' in result)) throw new Error('expected an archive');

    const remaining = await rowsOf('430231');
    expect(remaining.slice(0, 3).map((r) => r.object_id)).toEqual(['aged-179', 'aged-179', 'aged-0']);
    expect(remaining.slice(0, 3).map((r) => Number(r.seq))).toEqual(seqs.slice(4));
    expect(remaining[3]?.event_type).toBe('audit.purge');
    expect(await verifyAuditChain(db.database.db, '430231')).toEqual({
      ok: true,
      checked: 4,
      lastSeq: Number(remaining[3]?.seq),
    });

    // The archive: named by county and seqs, its digest recorded, and every line still verifiable on its own.
    expect(path.basename(result.file)).toBe(`audit-430231-000000000001-${String(seqs[3]).padStart(12, '0')}.jsonl.gz`);
    const bytes = fs.readFileSync(result.file);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const lines = gunzipSync(bytes)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEventDto);
    expect(lines.map((l) => l.seq)).toEqual(seqs.slice(0, 4));
    for (const line of lines) expect(hashAuditRow({ ...line, occurredAt: new Date(line.occurredAt) })).toBe(line.hash);
    const [archive] = await db.database.query<Record<string, unknown>>(
      "select * from audit_archive where region_code = '430231'",
    );
    expect(archive).toMatchObject({ row_count: 4, last_hash: lines[3]?.hash, sha256: result.sha256 });
    expect([Number(archive?.from_seq), Number(archive?.to_seq)]).toEqual([1, seqs[3]]);
    expect(archive?.chain_heads).toEqual({ 0: { lastSeq: seqs[3], lastHash: lines[3]?.hash } });

    // The purge is itself audited, with where the rows went.
    const [purge] = await db.database.query<{ details: Record<string, unknown>; object_id: string }>(
      "select details, object_id from audit_event where region_code = '430231' and event_type = 'audit.purge'",
    );
    expect(purge?.object_id).toBe(archive?.id);
    expect(purge?.details).toMatchObject({
      fromSeq: 1,
      toSeq: seqs[3],
      rowCount: 4,
      fileName: path.basename(result.file),
      retentionDays: 180,
    });
  });

  it('a second run has nothing to do, and appending continues from the anchor', async () => {
    const ctx = await writeAged('430232', [181, 10]);
    expect(await archiveAndPurge(ctx, { olderThan: daysAgo(180), dir })).toMatchObject({ archived: 1 });
    expect(await archiveAndPurge(ctx, { olderThan: daysAgo(180), dir })).toEqual({ archived: 0 });
    await recordAuditOutside(ctx, { eventType: 'cases.update', action: 'update' });
    const lastSeq = Number((await rowsOf('430232')).at(-1)?.seq);
    expect(await verifyAuditChain(db.database.db, '430232')).toEqual({ ok: true, checked: 3, lastSeq });
  });

  it('purges only a prefix of the chain: an old row after a newer one waits', async () => {
    // Clocks of two servers disagree: seq 2 carries an older time than seq 1.
    const ctx = await writeAged('430233', [190, 10, 200]);
    const seqs = (await rowsOf('430233')).map((r) => Number(r.seq));
    expect(await archiveAndPurge(ctx, { olderThan: daysAgo(180), dir })).toMatchObject({
      archived: 1,
      toSeq: (seqs[1] as number) - 1,
    });
    expect((await rowsOf('430233')).slice(0, 2).map((r) => Number(r.seq))).toEqual(seqs.slice(1));
    expect(await verifyAuditChain(db.database.db, '430233')).toMatchObject({ ok: true });
  });

  it('refuses a cut-off inside the retention period, and a configured period is never below 180 days', async () => {
    const ctx = await writeAged('430234', [200]);
    const refused = (olderThan: Date, retentionDays?: number) =>
      archiveAndPurge(ctx, { olderThan, dir, ...(retentionDays ? { retentionDays } : {}) }).then(
        () => undefined,
        (e: unknown) => e,
      );
    const tooRecent = await refused(daysAgo(179));
    expect(tooRecent).toBeInstanceOf(AppError);
    expect(tooRecent).toMatchObject({
      status: 400,
      messageKey: 'error.validation_failed',
      fields: { olderThan: { key: 'audit.retention_too_recent' } },
    });
    expect(await refused(daysAgo(199), 365)).toMatchObject({ fields: { olderThan: { vars: { days: 365 } } } });
    expect(await refused(daysAgo(179), 30)).toMatchObject({ fields: { olderThan: { vars: { days: 180 } } } });
    expect((await rowsOf('430234')).length).toBe(1);
  });

  it('the database alone refuses to delete recent rows, even when the application clock is wrong', async () => {
    const ctx = await writeAged('430235', [10, 5]);
    // A clock a year ahead makes the application's own check pass; the trigger still judges by the database.
    const wrong = { ...ctx, clock: () => new Date(now.getTime() + 400 * dayMs) };
    const failure = await archiveAndPurge(wrong, { olderThan: new Date(now.getTime() + dayMs), dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(`${String(failure)} ${String((failure as { cause?: unknown })?.cause ?? '')}`).toMatch(/append-only/);
    expect((await rowsOf('430235')).length).toBe(2);
    expect(await db.database.query("select * from audit_archive where region_code = '430235'")).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('430235'))).toEqual([]);
  });

  it('never archives away a broken chain: the evidence stays', async () => {
    const ctx = await writeAged('430236', [200, 199, 198]);
    const [, second] = (await rowsOf('430236')).map((r) => Number(r.seq));
    await db.database.exec('alter table audit_event disable trigger audit_event_no_update');
    await db.database.exec(`update audit_event set action = 'forged' where region_code = '430236' and seq = ${second}`);
    await db.database.exec('alter table audit_event enable trigger audit_event_no_update');
    await expect(archiveAndPurge(ctx, { olderThan: daysAgo(180), dir })).rejects.toThrow(
      new RegExp(`broken at seq ${second} `),
    );
    expect((await rowsOf('430236')).length).toBe(3);
    expect(fs.readdirSync(dir).filter((f) => f.includes('430236'))).toEqual([]);
  });
});
