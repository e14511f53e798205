import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../../db/schema/audit.ts';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import type { Actor, Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AuditOutsideTransactionError, recordAudit, recordAuditOutside } from './audit.ts';
import { GENESIS_HASH, hashAuditRow } from './chain.ts';
import { verifyAuditChain } from './verify.ts';

const inspector: Actor = {
  kind: 'user',
  id: 'u-42',
  username: 'zhangsan',
  displayName: '张三',
  roles: ['inspector', 'dispatcher'],
  permissions: new Set(),
  scopeRegion: '430225100',
  department: null,
  sessionId: 's-7',
};

/** The refusal may arrive wrapped (drizzle) or bare (raw query); the trigger's message is what matters. */
async function expectRefused(work: Promise<unknown>): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the database should have refused').toBeDefined();
  const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
  expect(text).toMatch(/append-only/);
}

describe('audit trail', () => {
  const db = useTestDatabase();
  // Every test writes its own county's chain, so tampering in one cannot disturb another.
  const ctxFor = (countyCode: string, overrides: Partial<Ctx> = {}) => db.ctx({ countyCode, ...overrides });
  const rowsOf = (countyCode: string) =>
    db.database.query<Record<string, unknown>>('select * from audit_event where region_code = $1 order by seq', [
      countyCode,
    ]);
  // Seqs come from one sequence shared by every county: tests name rows by position, not by number.
  const seqsOf = async (countyCode: string) => (await rowsOf(countyCode)).map((r) => Number(r.seq));
  const appendEvents = async (countyCode: string, count: number) => {
    for (let i = 1; i <= count; i += 1) {
      await recordAuditOutside(ctxFor(countyCode), {
        eventType: 'cases.update',
        action: 'update',
        objectType: 'case',
        objectId: `c-${i}`,
      });
    }
  };

  describe('recording', () => {
    it('refuses to run outside a transaction (AUD-04 is by construction, not by habit)', async () => {
      await expect(recordAudit(ctxFor('430201'), { eventType: 'x.y', action: 'y' })).rejects.toBeInstanceOf(
        AuditOutsideTransactionError,
      );
      expect(await rowsOf('430201')).toHaveLength(0);
    });

    it('stores who, when, from where and what, chained from the genesis hash', async () => {
      const clock = fakeClock('2026-03-02T01:02:03.456Z');
      const ctx = ctxFor('430202', { actor: inspector, clock, requestId: 'req-1', ip: '10.0.0.9', userAgent: 'UA/1' });
      await tx(ctx, (t) =>
        recordAudit(t, {
          eventType: 'cases.close',
          action: 'close',
          objectType: 'case',
          objectId: 'c-1',
          reasonCode: 'done',
          details: { fields: ['status'] },
        }),
      );
      await recordAuditOutside(ctxFor('430202', { clock }), {
        eventType: 'access.denied',
        action: 'read',
        outcome: 'failure',
      });
      const [first, second] = await rowsOf('430202');
      expect(first).toMatchObject({
        region_code: '430202',
        chain: 0,
        occurred_at: new Date('2026-03-02T01:02:03.456Z'),
        actor_id: 'u-42',
        actor_name: '张三',
        actor_roles: ['inspector', 'dispatcher'],
        session_id: 's-7',
        request_id: 'req-1',
        source_ip: '10.0.0.9',
        user_agent: 'UA/1',
        event_type: 'cases.close',
        object_type: 'case',
        object_id: 'c-1',
        action: 'close',
        outcome: 'success',
        reason_code: 'done',
        details: { fields: ['status'] },
        prev_hash: GENESIS_HASH,
      });
      expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Number(first?.prev_seq)).toBe(0);
      expect(Number(second?.seq)).toBeGreaterThan(Number(first?.seq));
      expect(second).toMatchObject({
        chain: 0,
        actor_id: null,
        actor_name: null,
        actor_roles: [],
        session_id: null,
        outcome: 'failure',
        details: {},
        prev_hash: first?.hash,
      });
      expect(Number(second?.prev_seq)).toBe(Number(first?.seq));
      expect(await verifyAuditChain(db.database.db, '430202')).toEqual({
        ok: true,
        checked: 2,
        lastSeq: Number(second?.seq),
      });
    });

    it('hashes what the database gives back: details survive jsonb key reordering and odd values', async () => {
      const details = {
        zebra: 1,
        a: { y: [3, 2.5, -0, 1e21, 'x'], b: null, é键: '中文 🧧' },
        nul: 'before\u0000after',
        lone: 'half \uD800 pair',
        when: new Date('2026-01-01T00:00:00Z'),
        skipped: undefined,
        long: 'x'.repeat(5000),
      };
      await recordAuditOutside(ctxFor('430203'), { eventType: 'misc.odd', action: 'test', details });
      const result = await verifyAuditChain(db.database.db, '430203');
      const [row] = await rowsOf('430203');
      expect(result).toEqual({ ok: true, checked: 1, lastSeq: Number(row?.seq) });
      expect(row?.details).toMatchObject({
        nul: 'before\uFFFDafter',
        lone: 'half \uFFFD pair',
        when: '2026-01-01T00:00:00.000Z',
      });
      expect(row?.details).not.toHaveProperty('skipped');
    });

    it('keeps sensitive values out of details (AUD-02)', async () => {
      await recordAuditOutside(ctxFor('430204'), {
        eventType: 'pii.reveal',
        action: 'reveal',
        details: { field: 'idNumber', value: '43022519900101123X', note: 'call 13812345678 back', phone: 13812345678 },
      });
      const [row] = await rowsOf('430204');
      expect(row?.details).toEqual({ field: 'idNumber', value: '[redacted]', note: '[redacted]', phone: '[redacted]' });
    });
  });

  describe('chain', () => {
    it('appends and verifies across more than one read batch', async () => {
      const ctx = ctxFor('430205');
      await tx(ctx, async (t) => {
        for (let i = 0; i < 60; i += 1)
          await recordAudit(t, { eventType: 'bulk.item', action: 'create', objectId: String(i) });
      });
      const lastSeq = (await seqsOf('430205')).at(-1);
      expect(await verifyAuditChain(db.database.db, '430205')).toEqual({ ok: true, checked: 60, lastSeq });
      // Small batches: the keyset walk must carry the link across batch boundaries (7 does not divide 60).
      expect(await verifyAuditChain(db.database.db, '430205', 7)).toEqual({ ok: true, checked: 60, lastSeq });
      expect(await verifyAuditChain(db.database.db, '430205', 6)).toEqual({ ok: true, checked: 60, lastSeq });
    });

    it('an empty county verifies with nothing checked', async () => {
      expect(await verifyAuditChain(db.database.db, '430299')).toEqual({ ok: true, checked: 0, lastSeq: 0 });
    });

    it('20 concurrent transactions take distinct seqs, each links to the row before on its chain, and all verifies', async () => {
      const ctx = ctxFor('430206');
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          tx(ctx, async (t) => {
            await t.db.execute(sql`select 1`); // some business work first, so transactions really overlap
            await recordAudit(t, { eventType: 'cases.register', action: 'create', objectId: `c-${i}` });
          }),
        ),
      );
      const rows = await rowsOf('430206');
      expect(new Set(rows.map((r) => Number(r.seq))).size).toBe(20);
      expect(new Set(rows.map((r) => r.object_id)).size).toBe(20);
      const lastOnChain = new Map<number, number>();
      for (const row of rows) {
        expect(Number(row.prev_seq)).toBe(lastOnChain.get(Number(row.chain)) ?? 0);
        lastOnChain.set(Number(row.chain), Number(row.seq));
      }
      expect(await verifyAuditChain(db.database.db, '430206')).toEqual({
        ok: true,
        checked: 20,
        lastSeq: Number(rows.at(-1)?.seq),
      });
    });
  });

  describe('fault injection (AUD-04)', () => {
    it('a business write whose audit insert fails is not committed', async () => {
      await db.database.exec(
        'create table probe_business (region_code text not null, id int not null, primary key (region_code, id))',
      );
      const ctx = ctxFor('430207');
      await appendEvents('430207', 2);
      const heads = () =>
        db.database.query(
          'select chain, last_seq, last_hash from audit_chain_head where region_code = $1 order by chain',
          ['430207'],
        );
      const before = await heads();
      // The audit insert fails (a constraint only this event breaks); the business row must go with it.
      await db.database.exec(
        "alter table audit_event add constraint probe_refuses check (event_type <> 'probe.create') not valid",
      );
      const change = tx(ctx, async (t) => {
        await t.db.execute(sql`insert into probe_business (region_code, id) values ('430207', 1)`);
        await recordAudit(t, { eventType: 'probe.create', action: 'create', objectType: 'probe', objectId: '1' });
      });
      await expect(change).rejects.toThrow();
      await db.database.exec('alter table audit_event drop constraint probe_refuses');
      expect(await db.database.query('select * from probe_business')).toEqual([]);
      expect(await heads()).toEqual(before);
      expect(await verifyAuditChain(db.database.db, '430207')).toMatchObject({ ok: true, checked: 2 });
    });

    it('a business change that rolls back leaves no audit row claiming it happened', async () => {
      const ctx = ctxFor('430208');
      const change = tx(ctx, async (t) => {
        await recordAudit(t, { eventType: 'probe.create', action: 'create' });
        throw new Error('business rule failed after the audit row was written');
      });
      await expect(change).rejects.toThrow('business rule failed');
      expect(await rowsOf('430208')).toEqual([]);
      expect(await verifyAuditChain(db.database.db, '430208')).toMatchObject({ ok: true, checked: 0 });
    });
  });

  describe('protection (AUD-03)', () => {
    it('the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      await appendEvents('430209', 3);
      const [, second] = await seqsOf('430209');
      await expectRefused(
        db.database.query(`update audit_event set action = 'x' where region_code = '430209' and seq = ${second}`),
      );
      await expectRefused(
        db.database.query(`delete from audit_event where region_code = '430209' and seq = ${second}`),
      );
      await expectRefused(db.database.query('truncate audit_event'));
      // Even a purge declaration does not let recent rows go: the trigger checks their age itself.
      await expectRefused(
        db.database.db.transaction(async (t) => {
          await t.execute(sql`select set_config('wenming.audit_purge', 'on', true)`);
          await t.execute(sql`delete from audit_event where region_code = '430209'`);
        }),
      );
      expect(await rowsOf('430209')).toHaveLength(3);
      expect(await verifyAuditChain(db.database.db, '430209')).toMatchObject({ ok: true, checked: 3 });
    });
  });

  describe('tampering is found (L3-CES1-26 篡改能否被发现)', () => {
    /** What an attacker with database-owner rights can do: switch the trigger off, edit, switch it back on. */
    const tamper = async (statement: string) => {
      await db.database.exec('alter table audit_event disable trigger audit_event_no_update');
      try {
        await db.database.exec(statement);
      } finally {
        await db.database.exec('alter table audit_event enable trigger audit_event_no_update');
      }
    };

    it('one changed field: hash mismatch at that seq', async () => {
      await appendEvents('430210', 8);
      const seqs = await seqsOf('430210');
      await tamper(`update audit_event set object_id = 'c-999' where region_code = '430210' and seq = ${seqs[4]}`);
      expect(await verifyAuditChain(db.database.db, '430210')).toEqual({
        ok: false,
        checked: 4,
        lastSeq: seqs[3],
        firstBadSeq: seqs[4],
        problem: 'hash_mismatch',
      });
    });

    it('a changed field with its hash recomputed: the next row no longer links', async () => {
      await appendEvents('430211', 8);
      const seqs = await seqsOf('430211');
      const [row] = await db.database.db
        .select()
        .from(auditEvent)
        .where(sql`region_code = '430211' and seq = ${seqs[4]}`);
      const forged = { ...row!, seq: Number(row!.seq), prevSeq: Number(row!.prevSeq), objectId: 'c-999' };
      await tamper(
        `update audit_event set object_id = 'c-999', hash = '${hashAuditRow(forged)}' where region_code = '430211' and seq = ${seqs[4]}`,
      );
      expect(await verifyAuditChain(db.database.db, '430211')).toMatchObject({
        ok: false,
        firstBadSeq: seqs[5],
        problem: 'broken_link',
      });
    });

    it('a deleted middle row: gap at its seq', async () => {
      await appendEvents('430212', 8);
      const seqs = await seqsOf('430212');
      await tamper(`delete from audit_event where region_code = '430212' and seq = ${seqs[3]}`);
      expect(await verifyAuditChain(db.database.db, '430212')).toEqual({
        ok: false,
        checked: 3,
        lastSeq: seqs[2],
        firstBadSeq: seqs[3],
        problem: 'gap',
      });
    });

    it('rows cut off the end: the head no longer matches', async () => {
      await appendEvents('430213', 8);
      const seqs = await seqsOf('430213');
      await tamper(`delete from audit_event where region_code = '430213' and seq >= ${seqs[6]}`);
      expect(await verifyAuditChain(db.database.db, '430213')).toMatchObject({
        ok: false,
        lastSeq: seqs[5],
        firstBadSeq: (seqs[5] as number) + 1,
        problem: 'head_mismatch',
      });
    });

    it('a row slipped in past the head: the head no longer matches', async () => {
      await appendEvents('430214', 3);
      const seqs = await seqsOf('430214');
      await db.database.query(
        `insert into audit_event (region_code, seq, id, occurred_at, actor_roles, event_type, action, outcome, details, chain, prev_seq, prev_hash, hash)
         select region_code, seq + 1000, gen_random_uuid(), now(), '[]', 'rogue', 'rogue', 'success', '{}', 0, seq, hash, 'y'
         from audit_event where region_code = '430214' and seq = ${seqs[2]}`,
      );
      expect(await verifyAuditChain(db.database.db, '430214')).toMatchObject({
        ok: false,
        firstBadSeq: (seqs[2] as number) + 1,
        problem: 'head_mismatch',
      });
    });
  });
});
