import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../testing/fake-clock.ts';
import { testEngine, useTestDatabase } from '../../testing/test-database.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { recordAudit, recordAuditOutside } from './audit.ts';
import { GENESIS_HASH, hashAuditRow } from './chain.ts';
import { archiveAndPurge } from './retention.ts';
import { verifyAuditChain } from './verify.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-audit-chains-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Two writers at once need two connections: PGlite has one session, so its transactions never overlap.
const concurrent = testEngine() === 'postgres';

interface Row {
  seq: number;
  chain: number;
  prevSeq: number | null;
  hash: string;
  objectId: string | null;
}

describe('parallel audit chains', () => {
  const db = useTestDatabase();
  const rowsOf = async (countyCode: string): Promise<Row[]> =>
    (
      await db.database.query<Record<string, unknown>>(
        'select seq, chain, prev_seq, hash, object_id from audit_event where region_code = $1 order by seq',
        [countyCode],
      )
    ).map((r) => ({
      seq: Number(r.seq),
      chain: Number(r.chain),
      prevSeq: r.prev_seq === null ? null : Number(r.prev_seq),
      hash: String(r.hash),
      objectId: (r.object_id as string | null) ?? null,
    }));
  const record = (ctx: Ctx, objectId: string) =>
    recordAuditOutside(ctx, { eventType: 'cases.update', action: 'update', objectId });

  /**
   * While one transaction holds chain 0's head, the writes of `during` cannot use it and go to chain 1.
   * The holder then appends its own event on chain 0 and commits.
   */
  async function whileChainZeroIsHeld(ctx: Ctx, during: () => Promise<void>): Promise<void> {
    await record(ctx, 'first'); // the county's heads exist from its first audited write
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = tx(ctx, async (t) => {
      await t.db.execute(
        sql`select 1 from audit_chain_head where region_code = ${ctx.countyCode} and chain = 0 for update`,
      );
      holding();
      await released;
      await recordAudit(t, { eventType: 'cases.update', action: 'update', objectId: 'holder' });
    });
    await held;
    try {
      await during();
    } finally {
      release();
      await holder;
    }
  }

  it('puts every event of one transaction on one chain, each linked to the one before', async () => {
    const ctx = db.ctx({ countyCode: '430241' });
    await tx(ctx, async (t) => {
      for (const id of ['a', 'b', 'c'])
        await recordAudit(t, { eventType: 'cases.update', action: 'update', objectId: id });
    });
    const rows = await rowsOf('430241');
    expect(rows.map((r) => [r.objectId, r.chain])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 0],
    ]);
    expect(rows.map((r) => r.prevSeq)).toEqual([0, rows[0]?.seq, rows[1]?.seq]);
    const heads = await db.database.query<{ chain: number; last_seq: number }>(
      'select chain, last_seq from audit_chain_head where region_code = $1 and last_seq > 0',
      ['430241'],
    );
    expect(heads.map((h) => [Number(h.chain), Number(h.last_seq)])).toEqual([[0, rows[2]?.seq]]);
  });

  it('verifies rows from the one-chain days (no prev_seq) and the linked rows after them', async () => {
    const seqs = (
      await db.database.query<{ seq: number }>("select nextval('audit_event_seq') as seq from generate_series(1, 3)")
    ).map((r) => Number(r.seq));
    let prevHash = GENESIS_HASH;
    for (const [i, seq] of seqs.entries()) {
      const row = legacyRow('430242', seq, prevHash, `old-${i}`);
      const hash = hashAuditRow(row);
      await db.database.query(
        `insert into audit_event (region_code, seq, id, occurred_at, actor_roles, event_type, object_id, action, outcome, details, prev_hash, hash)
         values ($1, $2, $3, $4, '[]', 'cases.update', $5, 'update', 'success', '{}', $6, $7)`,
        ['430242', seq, row.id, row.occurredAt, row.objectId, prevHash, hash],
      );
      prevHash = hash;
    }
    await db.database.query(
      "insert into audit_chain_head (region_code, chain, last_seq, last_hash) values ('430242', 0, $1, $2)",
      [seqs[2], prevHash],
    );
    // Legacy rows follow seq − 1: the first one's predecessor is seq − 1 on an empty chain, which only holds when
    // it is seq 1. Verification therefore starts from an archive anchor just before it, as a purge would leave.
    await db.database.query(
      `insert into audit_archive (region_code, id, from_seq, to_seq, last_hash, row_count, sha256, file_name, archived_at)
       values ('430242', gen_random_uuid(), 1, $1, $2, 0, 'none', 'none', now())`,
      [(seqs[0] as number) - 1, GENESIS_HASH],
    );
    await record(db.ctx({ countyCode: '430242' }), 'new');
    const rows = await rowsOf('430242');
    expect(rows.at(-1)).toMatchObject({ chain: 0, prevSeq: seqs[2], objectId: 'new' });
    expect(await verifyAuditChain(db.database.db, '430242')).toEqual({
      ok: true,
      checked: 4,
      lastSeq: rows.at(-1)?.seq,
    });
  });

  it.skipIf(!concurrent)(
    'a writer does not wait for another: it takes the next free chain, and the trail verifies',
    async () => {
      const ctx = db.ctx({ countyCode: '430243' });
      await whileChainZeroIsHeld(ctx, async () => {
        for (const id of ['x', 'y', 'z']) await record(ctx, id);
      });
      const rows = await rowsOf('430243');
      expect(rows.map((r) => [r.objectId, r.chain])).toEqual([
        ['first', 0],
        ['x', 1],
        ['y', 1],
        ['z', 1],
        ['holder', 0],
      ]);
      expect(rows.map((r) => r.prevSeq)).toEqual([0, 0, rows[1]?.seq, rows[2]?.seq, rows[0]?.seq]);
      expect(await verifyAuditChain(db.database.db, '430243')).toEqual({ ok: true, checked: 5, lastSeq: rows[4]?.seq });
    },
  );

  it.skipIf(!concurrent)(
    'tampering on any chain is found: a row deleted from chain 1 breaks the link after it',
    async () => {
      const ctx = db.ctx({ countyCode: '430244' });
      await whileChainZeroIsHeld(ctx, async () => {
        for (const id of ['x', 'y', 'z']) await record(ctx, id);
      });
      const y = (await rowsOf('430244')).find((r) => r.objectId === 'y');
      await db.database.exec('alter table audit_event disable trigger audit_event_no_update');
      await db.database.exec(`delete from audit_event where region_code = '430244' and seq = ${y?.seq}`);
      await db.database.exec('alter table audit_event enable trigger audit_event_no_update');
      expect(await verifyAuditChain(db.database.db, '430244')).toMatchObject({
        ok: false,
        problem: 'gap',
        firstBadSeq: y?.seq,
      });
    },
  );

  it.skipIf(!concurrent)(
    'a purge archives every chain, anchors each, and verification and appending continue from there',
    async () => {
      const now = new Date();
      const clock = fakeClock(new Date(now.getTime() - 200 * 86_400_000));
      const ctx = db.ctx({ countyCode: '430245', clock });
      await whileChainZeroIsHeld(ctx, async () => {
        for (const id of ['x', 'y']) await record(ctx, id);
      });
      clock.set(now);
      const old = await rowsOf('430245');
      const result = await archiveAndPurge(ctx, { olderThan: new Date(now.getTime() - 181 * 86_400_000), dir });
      expect(result).toMatchObject({ archived: 4 });
      const [archive] = await db.database.query<{ chain_heads: unknown }>(
        "select chain_heads from audit_archive where region_code = '430245'",
      );
      const last = (chain: number) => old.filter((r) => r.chain === chain).at(-1);
      expect(archive?.chain_heads).toEqual({
        0: { lastSeq: last(0)?.seq, lastHash: last(0)?.hash },
        1: { lastSeq: last(1)?.seq, lastHash: last(1)?.hash },
      });
      await whileChainZeroIsHeld(ctx, () => record(ctx, 'later'));
      expect(await verifyAuditChain(db.database.db, '430245')).toMatchObject({ ok: true, checked: 4 });
    },
  );
});

function legacyRow(regionCode: string, seq: number, prevHash: string, objectId: string) {
  return {
    regionCode,
    seq,
    id: crypto.randomUUID(),
    occurredAt: new Date('2026-01-05T00:00:00.000Z'),
    actorId: null,
    actorName: null,
    actorRoles: [],
    sessionId: null,
    requestId: null,
    sourceIp: null,
    userAgent: null,
    eventType: 'cases.update',
    objectType: null,
    objectId,
    action: 'update',
    outcome: 'success' as const,
    reasonCode: null,
    details: {},
    chain: 0,
    prevSeq: null,
    prevHash,
  };
}
