import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import type { SignedIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, jpegBase64, prepareCases, reportBody } from './cases.test-support.ts';

describe('the case loop through the API', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
  });

  it('runs report → register → dispatch → accept → feedback → verify → close → rate, with the clock and timeline', async () => {
    const reported = await post('/api/cases', who.inspector, await reportBody());
    expect(reported.statusCode, reported.body).toBe(201);
    const { caseNo, trackingToken } = reported.json();
    expect(caseNo).toMatch(/^\d{4}-\d{8}$/);

    let view = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    expect(view).toMatchObject({
      status: 'reported',
      channel: 'patrol',
      clock: { stage: 'register', overdue: false },
      actions: expect.arrayContaining(['register', 'reject', 'merge']),
    });

    const step = async (path: string, actor: SignedIn, body: Record<string, unknown>) => {
      const res = await post(`/api/cases/${caseNo}/${path}`, actor, { revision: view.revision, ...body });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      view = res.json();
      return view;
    };
    await step('register', who.dispatcher, { note: '符合立案标准' });
    expect(view).toMatchObject({ status: 'registered', clock: { stage: 'dispatch' } });
    await step('dispatch', who.dispatcher, { department: 'chengguan' });
    expect(view).toMatchObject({ status: 'dispatched', department: 'chengguan', clock: { stage: 'handle' } });
    expect(view.handleDueAt).toBe(view.clock.dueAt);
    await step('accept', who.handler, {});
    await step('feedback', who.handler, { result: '已劝离摊主并清理现场', photos: [{ data: await jpegBase64() }] });
    expect(view).toMatchObject({ status: 'handled', clock: { stage: 'verify' } });
    expect(view.photos.map((p: { stage: string }) => p.stage)).toEqual(['report', 'handle']);
    await step('verify', who.inspector, { passed: true, note: '现场已恢复' });
    expect(view).toMatchObject({ status: 'closed', closedOnTime: true, clock: { stage: null, dueAt: null } });
    expect(view.events.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'register',
      'dispatch',
      'accept',
      'feedback',
      'verify_pass',
    ]);

    const tracked = await t.app.inject({
      method: 'GET',
      url: `/api/public/cases/${caseNo}`,
      headers: { 'x-case-token': trackingToken },
    });
    expect(tracked.json()).toMatchObject({ status: 'closed', canRate: true, resultPhotos: [expect.any(String)] });
    const rated = await post(
      `/api/public/cases/${caseNo}/rating`,
      null,
      { score: 5 },
      { 'x-case-token': trackingToken },
    );
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ satisfaction: 5, canRate: false });
  });

  // The handler's own 核查 is refused: cases.separation.test.ts.
  it('sends a failed verification back as 返工', async () => {
    const { caseNo } = (await post('/api/cases', who.volunteer, await reportBody())).json();
    let view = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    const step = async (path: string, actor: SignedIn, body: Record<string, unknown>, status = 200) => {
      const res = await post(`/api/cases/${caseNo}/${path}`, actor, { revision: view.revision, ...body });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
      if (status === 200) view = res.json();
      return res;
    };
    await step('register', who.dispatcher, {});
    await step('dispatch', who.dispatcher, { department: 'chengguan' });
    await step('accept', who.handler, {});
    await step('feedback', who.handler, { result: '已处理', photos: [{ data: await jpegBase64() }] });
    await step('verify', who.otherInspector, { passed: false, note: '摊位仍在' });
    expect(view).toMatchObject({ status: 'dispatched', reworkCount: 1 });
  });
});
