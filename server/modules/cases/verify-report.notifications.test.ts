import { beforeAll, describe, expect, it } from 'vitest';
import { notifyOutboxJob } from '../../platform/notify/notify.module.ts';
import { outboxGapGraceMs } from '../../platform/notify/outbox-consumer.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { shanghaiMinute } from './cases.notifications.ts';
import { caseHttp, inXiayang, jpegBase64, miandu, prepareCases, reportBody, xiayang } from './cases.test-support.ts';
import { remindNearDeadlines } from './deadline-reminders.ts';

interface Item {
  kind: string;
  code: string;
  text: string;
  objectId: string | null;
  doneAt: string | null;
}

/** 2026-03-02 is a Monday; 09:00 in Shanghai is 01:00Z. */
describe('核实 to-dos: the inspectors of the area are told, reminded before the deadline, and done when it moves on', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  const ctx = () => t.db.ctx({ clock: t.clock });
  const deliver = async () => {
    t.clock.advance(outboxGapGraceMs);
    await notifyOutboxJob.run(ctx());
  };
  const inbox = async (actor: SignedIn): Promise<Item[]> => (await get('/api/inbox', actor)).json().items;
  const open = async (actor: SignedIn, caseNo: string) =>
    (await inbox(actor)).filter((i) => i.objectId === caseNo && i.kind === 'todo' && !i.doneAt).map((i) => i.code);

  beforeAll(async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    await prepareCases(t);
  });

  it('a citizen’s report in 待核实 is a to-do for its township’s inspectors only, with a reminder near the deadline', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const [inspector, otherTownship, dispatcher] = [
      await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang }),
      await signIn(t.app, { roles: ['inspector'], scopeRegion: miandu }),
      await signIn(t.app, { roles: ['dispatcher'] }),
    ];
    const reported = await post('/api/public/cases', null, await reportBody());
    const { caseNo } = reported.json();
    await deliver();
    const [todo] = (await inbox(inspector)).filter((i) => i.objectId === caseNo);
    expect(todo).toMatchObject({ kind: 'todo', code: 'cases.notify.verify_report' });
    expect(todo?.text).toBe(`Case ${caseNo} is waiting for an on-site check (霞阳镇炎帝大道 88 号门前)`);
    expect(await open(otherTownship, caseNo)).toEqual([]);
    expect(await open(dispatcher, caseNo)).toEqual([]);

    // Due 11:00 Shanghai (2 working hours); the reminder comes within the last hour. The inspector keeps their
    // session alive on the way (30 idle minutes end it).
    for (const at of ['01:25', '01:50', '02:10']) {
      t.clock.set(`2026-03-02T${at}:00Z`);
      await inbox(inspector);
    }
    expect(await remindNearDeadlines(ctx())).toBeGreaterThanOrEqual(1);
    await deliver();
    const reminder = (await inbox(inspector)).find((i) => i.code === 'cases.notify.deadline.verify_report');
    expect(reminder?.text).toBe(
      `Case ${caseNo}: the time to check the report on site ends at ${shanghaiMinute(new Date('2026-03-02T03:00:00Z'))}`,
    );
    expect(await remindNearDeadlines(ctx())).toBe(0);

    const revision = (await get(`/api/cases/${caseNo}`, inspector)).json().revision;
    const confirmed = await post(`/api/cases/${caseNo}/verify-report`, inspector, {
      revision,
      confirmed: true,
      photos: [{ data: await jpegBase64(inXiayang) }],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    await deliver();
    expect(await open(inspector, caseNo)).toEqual([]);
  });

  it('the intake sending a report to 核实 gives the same to-do', async () => {
    t.clock.set('2026-03-02T03:00:00Z');
    const [inspector, dispatcher] = [
      await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang }),
      await signIn(t.app, { roles: ['dispatcher'] }),
    ];
    const { caseNo } = (await post('/api/cases', inspector, await reportBody())).json();
    await deliver();
    expect(await open(inspector, caseNo)).toEqual([]);
    const sent = await post(`/api/cases/${caseNo}/send-to-verify`, dispatcher, { revision: 0 });
    expect(sent.statusCode, sent.body).toBe(200);
    await deliver();
    expect(await open(inspector, caseNo)).toEqual(['cases.notify.verify_report']);
  });
});
