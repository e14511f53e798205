import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, jpegBase64, prepareCases, reportBody } from './cases.test-support.ts';

/**
 * Maker ≠ checker in the loop (issue #9, item 12): whoever handed back the result does not verify it, whoever
 * asked for an extension does not decide it — refused with 403 and an audit row, and not offered on the page.
 */
describe('cases: maker ≠ checker', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  /** One person in a small township office: handles for 城管 and may verify. */
  let handlerInspector: SignedIn;
  /** One person who both handles for 城管 and dispatches. */
  let handlerDispatcher: SignedIn;
  beforeAll(async () => {
    who = await prepareCases(t);
    handlerInspector = await signIn(t.app, { roles: ['department', 'inspector'], department: 'chengguan' });
    handlerDispatcher = await signIn(t.app, { roles: ['department', 'dispatcher'], department: 'chengguan' });
  });

  const denials = async (caseNo: string) =>
    t.db.database.query<{ reason_code: string; action: string; actor_id: string }>(
      "select reason_code, action, actor_id from audit_event where event_type = 'access.denied' and object_id = $1 order by seq",
      [caseNo],
    );

  async function atDepartment(): Promise<{ caseNo: string; revision: number }> {
    const { caseNo } = (await post('/api/cases', who.inspector, await reportBody())).json();
    let view = (await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision: 0 })).json();
    view = (
      await post(`/api/cases/${caseNo}/dispatch`, who.dispatcher, { revision: view.revision, department: 'chengguan' })
    ).json();
    return { caseNo, revision: view.revision };
  }

  it('the handler’s own 核查 is refused with 403, audited, changes nothing, and is not offered to them', async () => {
    let { caseNo, revision } = await atDepartment();
    revision = (await post(`/api/cases/${caseNo}/accept`, handlerInspector, { revision })).json().revision;
    const handed = await post(`/api/cases/${caseNo}/feedback`, handlerInspector, {
      revision,
      result: '已清理',
      photos: [{ data: await jpegBase64() }],
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ status: 'handled', withheldActions: ['verify_pass', 'verify_fail'] });
    expect(handed.json().actions).not.toContain('verify_pass');
    revision = handed.json().revision;

    const own = await post(`/api/cases/${caseNo}/verify`, handlerInspector, { revision, passed: true });
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({
      code: 'maker_checker',
      message: expect.stringContaining('another person'),
    });
    expect(await denials(caseNo)).toEqual([
      { reason_code: 'maker_checker', action: 'verify_pass', actor_id: handlerInspector.userId },
    ]);
    expect((await get(`/api/cases/${caseNo}`, who.dispatcher)).json()).toMatchObject({ status: 'handled', revision });

    const other = (await get(`/api/cases/${caseNo}`, who.inspector)).json();
    expect(other).toMatchObject({
      actions: expect.arrayContaining(['verify_pass', 'verify_fail']),
      withheldActions: [],
    });
    const checked = await post(`/api/cases/${caseNo}/verify`, who.inspector, { revision, passed: true });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().status).toBe('closed');
  });

  it('the requester’s own decision on an extension is refused with 403, audited, and not offered to them', async () => {
    let { caseNo, revision } = await atDepartment();
    revision = (await post(`/api/cases/${caseNo}/accept`, handlerDispatcher, { revision })).json().revision;
    const asked = await post(`/api/cases/${caseNo}/extension`, handlerDispatcher, {
      revision,
      hours: 8,
      reason: '需协调供电部门停电',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().actions).not.toContain('decide_request');
    expect(asked.json().withheldActions).toEqual(['decide_request']);
    revision = asked.json().revision;

    const own = await post(`/api/cases/${caseNo}/decision`, handlerDispatcher, { revision, approved: true });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('maker_checker');
    expect(await denials(caseNo)).toEqual([
      { reason_code: 'maker_checker', action: 'decide_request', actor_id: handlerDispatcher.userId },
    ]);
    expect((await get(`/api/cases/${caseNo}`, who.dispatcher)).json()).toMatchObject({
      revision,
      actions: expect.arrayContaining(['decide_request']),
      withheldActions: [],
    });
    expect((await post(`/api/cases/${caseNo}/decision`, who.dispatcher, { revision, approved: true })).statusCode).toBe(
      200,
    );
  });
});
