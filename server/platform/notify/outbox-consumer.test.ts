import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { fakeClock } from '../../testing/fake-clock.ts';
import { createAccount } from '../auth/create-user.ts';
import { insertCustomRole } from '../auth/roles.store.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { emitEvent } from '../delivery/outbox.ts';
import { insertOutboxEvent } from '../delivery/outbox.store.ts';
import { dispatchEvent, notificationRulesOf, notifyConsumer } from './dispatch.ts';
import type { NotificationRule, NotifyEvent } from './notice.ts';
import { consumeOutbox, maxEventFailures, outboxGapGraceMs } from './outbox-consumer.ts';

const rules: NotificationRule[] = [
  {
    key: 'test.todo',
    topic: 'test.work',
    notices: async (_ctx, event) => [
      {
        channel: 'inbox',
        kind: 'todo',
        code: 'notify.inbox.not_a_todo',
        to: { permission: 'test.work', department: String(event.payload.department) },
        about: { type: 'thing', id: event.objectId, link: `/things/${event.objectId}` },
      },
    ],
  },
  {
    key: 'test.done',
    topic: 'test.finished',
    notices: async (_ctx, event) => [{ channel: 'inbox-done', about: { type: 'thing', id: event.objectId } }],
  },
  {
    key: 'test.boom',
    topic: 'test.boom',
    notices: async () => {
      throw new Error('rule failed on purpose');
    },
  },
];

describe('the outbox consumer', () => {
  const db = useTestDatabase();
  const clock = fakeClock('2026-05-11T02:00:00Z');
  const ctx = (): Ctx => db.ctx({ clock });
  const users: Record<string, string> = {};
  const consume = (name = 'notify') => consumeOutbox(ctx(), { ...notifyConsumer(() => rules), name });
  const emit = (topic: string, objectId: string, payload: Record<string, unknown> = {}) =>
    tx(ctx(), (t) => emitEvent(t, { topic, objectType: 'thing', objectId, payload }));
  const itemsOf = async (userId: string) =>
    db.database.query<{ code: string; object_id: string; done_by: string | null; source_key: string }>(
      'select code, object_id, done_by, source_key from notify_inbox_item where user_id = $1 order by created_at, object_id',
      [userId],
    );
  const cursor = async (name = 'notify') =>
    (
      await db.database.query<{ last_event_id: string; failures: number; last_error: string | null }>(
        'select last_event_id, failures, last_error from notify_cursor where consumer = $1',
        [name],
      )
    )[0];

  beforeAll(async () => {
    await tx(ctx(), async (t) => {
      await insertCustomRole(t.db, t.countyCode, {
        key: 'test_worker',
        nameZh: 'w',
        nameEn: 'w',
        permissions: ['test.work'],
      });
      const account = (loginId: string, department: string | null, roles: string[]) =>
        createAccount(t, {
          loginId,
          displayName: loginId,
          scopeRegion: '430225',
          department,
          phone: null,
          password: 'Test#Yanling2026',
          mustChangePassword: false,
          roles,
        }).then((u) => u.id);
      users.worker = await account('worker.a', 'd1', ['test_worker']);
      users.other = await account('worker.b', 'd2', ['test_worker']);
      users.bystander = await account('bystander', 'd1', []);
      users.disabled = await account('worker.gone', 'd1', ['test_worker']);
    });
    await db.database.query("update app_user set status = 'disabled' where id = $1", [users.disabled]);
  });

  it('delivers each event once, in id order, and advances its cursor', async () => {
    await emit('test.work', 'T-1', { department: 'd1' });
    await emit('test.work', 'T-2', { department: 'd2' });
    await emit('test.unrelated', 'T-3');
    expect(await consume()).toEqual({ handled: 3, skipped: 0, waiting: false });
    expect((await itemsOf(users.worker!)).map((i) => i.object_id)).toEqual(['T-1']);
    expect((await itemsOf(users.other!)).map((i) => i.object_id)).toEqual(['T-2']);
    expect(await itemsOf(users.bystander!)).toEqual([]);
    expect(await itemsOf(users.disabled!)).toEqual([]);
    expect(await consume()).toEqual({ handled: 0, skipped: 0, waiting: false });
    expect(await itemsOf(users.worker!)).toHaveLength(1);
  });

  it('is idempotent: the same event dispatched again adds no item', async () => {
    const [row] = await db.database.query<{ id: string; created_at: Date }>(
      "select id, created_at from outbox_event where object_id = 'T-1'",
    );
    const event: NotifyEvent = {
      id: Number(row!.id),
      topic: 'test.work',
      objectType: 'thing',
      objectId: 'T-1',
      payload: { department: 'd1' },
      createdAt: new Date(row!.created_at),
    };
    await tx(ctx(), (t) => dispatchEvent(t, event, rules));
    await tx(ctx(), (t) => dispatchEvent(t, event, rules));
    expect(await itemsOf(users.worker!)).toHaveLength(1);
  });

  it('closes the open to-dos about a record when the record is acted on', async () => {
    await emit('test.finished', 'T-1');
    await consume();
    expect((await itemsOf(users.worker!))[0]?.done_by).toBe('record');
    expect((await itemsOf(users.other!))[0]?.done_by).toBeNull();
  });

  it('keeps a second consumer apart: it reads the outbox from the start with its own cursor', async () => {
    const before = await cursor('notify');
    expect((await consume('dashboard')).handled).toBe(Number(before?.last_event_id));
    expect((await cursor('dashboard'))?.last_event_id).toBe(before?.last_event_id);
  });

  it('waits on a hole in the ids (a transaction may still commit), then passes it after the grace', async () => {
    // A transaction that inserted an event and rolled back (or has yet to commit) leaves its id unused.
    await tx(ctx(), async (t) => {
      const lost = { topic: 'test.work', objectType: 'thing', objectId: 'LOST', payload: { department: 'd1' } };
      await insertOutboxEvent(t.db, { regionCode: t.countyCode, ...lost, createdAt: t.clock() });
      throw new Error('rolled back');
    }).catch(() => undefined);
    await emit('test.work', 'T-4', { department: 'd1' });
    expect(await consume()).toEqual({ handled: 0, skipped: 0, waiting: true });
    clock.advance(outboxGapGraceMs);
    expect(await consume()).toEqual({ handled: 1, skipped: 0, waiting: false });
    expect((await itemsOf(users.worker!)).map((i) => i.object_id)).toEqual(['T-1', 'T-4']);
  });

  it('retries a failing event, then skips it after the limit (audited) and goes on', async () => {
    await emit('test.boom', 'B-1');
    await emit('test.work', 'T-5', { department: 'd1' });
    for (let run = 1; run < maxEventFailures; run += 1) {
      expect(await consume()).toEqual({ handled: 0, skipped: 0, waiting: true });
      expect((await cursor())?.failures).toBe(run);
    }
    expect(await consume()).toEqual({ handled: 1, skipped: 1, waiting: false });
    expect((await cursor())?.last_error).toBe('rule failed on purpose');
    expect((await itemsOf(users.worker!)).map((i) => i.object_id)).toContain('T-5');
    const audit = await db.database.query<{ object_id: string }>(
      "select object_id from audit_event where event_type = 'notify.event_skipped'",
    );
    expect(audit.map((a) => a.object_id)).toEqual(['B-1']);
  });

  it('starts a new consumer that skips history past the events older than its horizon', async () => {
    const latest = Number((await cursor('notify'))?.last_event_id);
    clock.advance(3_600_000);
    await emit('test.unrelated', 'T-6');
    const recent = { ...notifyConsumer(() => rules), name: 'recent', historyMs: 1_800_000 };
    expect(await consumeOutbox(ctx(), recent)).toEqual({ handled: 1, skipped: 0, waiting: false });
    expect(Number((await cursor('recent'))?.last_event_id)).toBe(latest + 1);
  });

  it('lets two runs at once (two processes) deliver each event once: the cursor row is locked per event', async () => {
    for (const id of ['R-1', 'R-2', 'R-3', 'R-4']) await emit('test.work', id, { department: 'd2' });
    const runs = await Promise.all([consume(), consume(), consume()]);
    expect(runs.reduce((sum, run) => sum + run.handled, 0)).toBeGreaterThanOrEqual(4);
    const raced = (await itemsOf(users.other!)).filter((i) => i.object_id.startsWith('R-'));
    expect(raced.map((i) => i.object_id).sort()).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
  });

  it('refuses two rules with one key', () => {
    const rule = rules[0]!;
    expect(() =>
      notificationRulesOf([
        { key: 'a', notifications: [rule] },
        { key: 'b', notifications: [rule] },
      ]),
    ).toThrow(/declared twice/);
  });
});
