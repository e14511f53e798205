import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import { emitEvent } from '../../platform/delivery/outbox.ts';
import { notifyOutboxJob } from '../../platform/notify/notify.module.ts';
import { outboxGapGraceMs } from '../../platform/notify/outbox-consumer.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { shanghaiMinute } from './cases.notifications.ts';
import { type CaseActors, caseHttp, prepareCases, reportBody } from './cases.test-support.ts';
import { setDepartmentHead } from './departments.store.ts';

interface Item {
  id: string;
  kind: string;
  code: string;
  text: string;
  objectId: string | null;
  link: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

/** The cases rules through the real notifier: events from the case loop become to-dos, and the loop closes them. */
describe('cases notifications: deadline reminders and 督办', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  let head: SignedIn;
  let caseNo = '';
  let revision = 0;

  const ctx = () => {
    const { database, config, keyring } = t.app.deps;
    return systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
  };
  /** Runs the notifier like the server does; passes holes left by rolled-back writes (a refused action). */
  const deliver = async () => {
    t.clock.advance(outboxGapGraceMs);
    await notifyOutboxJob.run(ctx());
  };
  const inbox = async (actor: SignedIn): Promise<Item[]> => (await get('/api/inbox', actor)).json().items;
  const act = async (path: string, actor: SignedIn, body: Record<string, unknown> = {}) => {
    const res = await post(`/api/cases/${caseNo}/${path}`, actor, { revision, ...body });
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    revision = res.json().revision;
  };
  const emit = (topic: string, payload: Record<string, unknown>) =>
    tx(ctx(), (x) => emitEvent(x, { topic, objectType: 'case', objectId: caseNo, payload }));

  beforeAll(async () => {
    who = await prepareCases(t);
    head = await signIn(t.app, { roles: ['department'], department: 'chengguan' });
    const reported = await post('/api/cases', who.inspector, await reportBody());
    caseNo = reported.json().caseNo;
    revision = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json().revision;
    await act('register', who.dispatcher, { note: '立案' });
    await act('dispatch', who.dispatcher, { department: 'chengguan' });
    await deliver();
  });

  it('reminds the handlers of the case department before the handle deadline, linking to the case', async () => {
    const deadline = new Date(t.clock().getTime() + 3_600_000);
    await emit('case.deadline_near', { stage: 'handle', deadline: deadline.toISOString(), department: 'chengguan' });
    await deliver();
    const [todo] = await inbox(who.handler);
    expect(todo).toMatchObject({ kind: 'todo', code: 'cases.notify.deadline.handle', link: `/m/cases/${caseNo}` });
    expect(todo?.text).toBe(`Case ${caseNo}: the time to handle it ends at ${shanghaiMinute(deadline)}`);
    expect(await inbox(who.otherDepartment)).toEqual([]);
    expect(await inbox(who.dispatcher)).toEqual([]);
    await deliver();
    expect(await inbox(who.handler)).toHaveLength(1);
  });

  it('reminds only people whose scope covers the case for the other stages', async () => {
    await emit('case.deadline_near', { stage: 'verify', deadline: t.clock().toISOString(), department: null });
    await deliver();
    expect((await inbox(who.inspector)).map((i) => i.code)).toContain('cases.notify.deadline.verify');
    expect(await inbox(who.miandouInspector)).toEqual([]);
  });

  it('sends 督办 to the department handlers when the department has no head, and to the head once named', async () => {
    await act('escalate', who.dispatcher, { note: '请加快处置' });
    await deliver();
    const supervised = (items: Item[]) => items.filter((i) => i.code === 'cases.notify.supervised');
    expect(supervised(await inbox(who.handler))).toHaveLength(1);
    expect(supervised(await inbox(head))[0]?.text).toBe(
      `Case ${caseNo} is under supervision (level 1): see that it is handled`,
    );

    await tx(ctx(), (x) => setDepartmentHead(x.db, x.countyCode, 'chengguan', head.userId));
    await emit('case.escalated', { level: 2, department: 'chengguan', stage: 'handle' });
    await deliver();
    expect(supervised(await inbox(head)).map((i) => i.text)).toContain(
      `Case ${caseNo} is under supervision (level 2): see that it is handled`,
    );
    expect(supervised(await inbox(who.handler))).toHaveLength(1);
  });

  it('closes the to-dos when the case moves on: 督办 at once, the deadline reminder when its stage ends', async () => {
    await act('accept', who.handler);
    await deliver();
    const open = (items: Item[]) => items.filter((i) => i.kind === 'todo' && !i.doneAt).map((i) => i.code);
    expect(open(await inbox(who.handler))).toEqual(['cases.notify.deadline.handle']);
    expect(open(await inbox(head))).toEqual(['cases.notify.deadline.handle']);
    await act('feedback', who.handler, { result: '已清理', photos: [{ data: (await reportBody()).photos[0]!.data }] });
    await deliver();
    expect(open(await inbox(who.handler))).toEqual([]);
    expect((await inbox(who.handler)).every((i) => i.doneBy === 'record')).toBe(true);
    expect((await get('/api/inbox/summary', who.handler)).json()).toMatchObject({ openTodos: 0 });
  });
});
