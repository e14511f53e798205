import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { systemCtx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { deliverToInbox } from './inbox-delivery.ts';
import type { InboxNotice, NotifyEvent } from './notice.ts';

describe('the inbox API: own items only', () => {
  const t = useTestApp();
  let alice: SignedIn;
  let bob: SignedIn;
  let eventId = 0;

  const deliver = async (userId: string, notice: Omit<InboxNotice, 'channel' | 'to'>) => {
    const { database, config, keyring } = t.app.deps;
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
    eventId += 1;
    const event: NotifyEvent = {
      id: eventId,
      topic: 't',
      objectType: 'case',
      objectId: 'X',
      payload: {},
      createdAt: t.clock(),
    };
    await tx(ctx, (tc) =>
      deliverToInbox(
        tc,
        { channel: 'inbox', to: { users: [userId] }, ...notice },
        {
          event,
          rule: 'test',
          index: 0,
          key: `${eventId}:test:0`,
        },
      ),
    );
    t.clock.advanceMinutes(1);
  };
  const get = (who: SignedIn | null, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...(who?.headers ?? {}), ...headers } });
  const post = (who: SignedIn | null, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
  const list = async (who: SignedIn, query = '') => (await get(who, `/api/inbox${query}`)).json();

  beforeAll(async () => {
    alice = await signIn(t.app, { roles: ['department'], department: 'chengguan' });
    bob = await signIn(t.app, { roles: ['sec_admin'] });
    await deliver(alice.userId, { kind: 'message', code: 'error.not_found', params: { what: 'what.inbox_item' } });
    await deliver(alice.userId, {
      kind: 'todo',
      code: 'notify.inbox.not_a_todo',
      about: { type: 'case', id: '2026-00000001', link: '/m/cases/2026-00000001' },
    });
    await deliver(bob.userId, { kind: 'message', code: 'notify.inbox.not_a_todo' });
  });

  it('answers 401 without a session', async () => {
    for (const url of ['/api/inbox', '/api/inbox/summary']) expect((await get(null, url)).statusCode).toBe(401);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const url of [`/api/inbox/${id}/read`, `/api/inbox/${id}/done`, '/api/inbox/read-all'])
      expect((await post(null, url)).statusCode).toBe(401);
  });

  it('answers 400 for bad filters, paging, unknown fields and ids', async () => {
    for (const query of ['?kind=task', '?state=old', '?page=0', '?pageSize=500', '?owner=someone'])
      expect((await get(alice, `/api/inbox${query}`)).statusCode, query).toBe(400);
    const bad = await post(alice, '/api/inbox/not-a-uuid/read');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('id');
  });

  it("never shows or changes another person's item: 404, audited", async () => {
    const bobsItem = (await list(bob)).items[0].id as string;
    expect((await list(alice)).items.map((i: { id: string }) => i.id)).not.toContain(bobsItem);
    for (const action of ['read', 'done']) {
      const answer = await post(alice, `/api/inbox/${bobsItem}/${action}`);
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.code).toBe('not_found');
    }
    const denied = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from audit_event where event_type = 'access.denied' and object_id = $1",
      [bobsItem],
    );
    expect(denied[0]?.n).toBe(2);
    expect((await list(bob)).items[0].readAt).toBeNull();
  });

  it('lists open to-dos first, renders the text in the reader language, filters and pages', async () => {
    const zh = await list(alice);
    expect(zh.total).toBe(2);
    expect(zh.items.map((i: { kind: string }) => i.kind)).toEqual(['todo', 'message']);
    expect(zh.items[0].link).toBe('/m/cases/2026-00000001');
    expect(zh.items[1].text).toBe('未找到待办或消息');
    const en = (await get(alice, '/api/inbox', { 'accept-language': 'en' })).json();
    expect(en.items[1].text).toBe('To-do or message not found');
    expect((await list(alice, '?kind=message')).items).toHaveLength(1);
    expect((await list(alice, '?state=open')).items.map((i: { kind: string }) => i.kind)).toEqual(['todo']);
    const page2 = await list(alice, '?page=2&pageSize=1');
    expect([page2.total, page2.items.length, page2.items[0].kind]).toEqual([2, 1, 'message']);
  });

  it('counts unread items and open to-dos; read, done and read-all change them', async () => {
    const summary = async () => (await get(alice, '/api/inbox/summary')).json();
    expect(await summary()).toEqual({ unread: 2, openTodos: 1 });
    const [todo, message] = (await list(alice)).items as Array<{ id: string }>;
    const read = await post(alice, `/api/inbox/${message!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await summary()).toEqual({ unread: 1, openTodos: 1 });
    const notTodo = await post(alice, `/api/inbox/${message!.id}/done`);
    expect(notTodo.statusCode).toBe(400);
    expect(notTodo.json().error.fields.id).toBe('这是一条消息，不是待办，无需办结');
    const done = await post(alice, `/api/inbox/${todo!.id}/done`);
    expect([done.statusCode, done.json().doneBy]).toEqual([200, 'user']);
    expect(await summary()).toEqual({ unread: 0, openTodos: 0 });
    await deliver(alice.userId, { kind: 'message', code: 'notify.inbox.not_a_todo' });
    await deliver(alice.userId, { kind: 'message', code: 'notify.inbox.not_a_todo' });
    expect((await post(alice, '/api/inbox/read-all')).json()).toEqual({ updated: 2 });
    expect(await summary()).toEqual({ unread: 0, openTodos: 0 });
    expect((await get(bob, '/api/inbox/summary')).json()).toEqual({ unread: 1, openTodos: 0 });
  });
});
