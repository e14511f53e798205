import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, prepareCases, reportBody } from './cases.test-support.ts';

type Listed = { items: { caseNo: string; status: string }[]; total: number };
type Counts = { items: { queue: string; count: number; capped: boolean }[] };

/** The search box (any state, in scope) and the staff home's to-do counts. */
describe('case search across states, and queue counts', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  let registered: string;
  let reported: string;
  beforeAll(async () => {
    who = await prepareCases(t);
    registered = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
    reported = (await post('/api/cases', who.inspector, await reportBody({ description: '广告牌歪斜松动' }))).json()
      .caseNo;
    const res = await post(`/api/cases/${registered}/register`, who.dispatcher, { revision: 0 });
    expect(res.statusCode).toBe(200);
  });

  const found = async (query: string, actor = who.dispatcher) => {
    const res = await get(`/api/cases?${query}`, actor);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Listed).items.map((c) => c.caseNo);
  };

  it('401 without a session; 400 for an overlong search and an unknown queue; 403 for the 三员 and roles without cases', async () => {
    expect((await get('/api/cases/queue-counts', null)).statusCode).toBe(401);
    expect((await get(`/api/cases?q=${'x'.repeat(41)}`, who.dispatcher)).json().error.fields).toHaveProperty('q');
    expect((await get('/api/cases?queue=supervised', who.dispatcher)).json().error.fields).toHaveProperty('queue');
    for (const role of ['audit_admin', 'market_inspector', 'service_clerk']) {
      const other = await signIn(t.app, { roles: [role] });
      expect((await get('/api/cases/queue-counts', other)).statusCode, role).toBe(403);
    }
  });

  it('finds nothing outside the reader’s scope: another township’s inspector, a department it was not sent to', async () => {
    expect(await found(`q=${registered}`, who.miandouInspector)).toEqual([]);
    expect(await found('q=广告牌', who.miandouInspector)).toEqual([]);
    expect(await found(`q=${registered}`, who.handler)).toEqual([]);
    expect(await found('q=广告牌', who.volunteer)).toEqual([]);
    expect(await found(`q=${registered}`, who.volunteer)).toEqual([]);
  });

  it('a case number finds the case whatever its state, also written without the zeros', async () => {
    expect(await found(`q=${registered}`)).toEqual([registered]);
    const [year, serial] = registered.split('-') as [string, string];
    expect(await found(`q=${year}-${Number(serial)}`)).toEqual([registered]);
    // The intake queue holds only the reported case; the search box searches without a queue.
    expect(await found(`queue=intake&q=${registered}`)).toEqual([]);
  });

  it('a bare serial lists that case first; words find the address or description', async () => {
    const serial = String(Number(registered.split('-')[1]));
    // A newer case whose address holds the same digits: newest first would list it before the numbered one.
    const body = await reportBody({ address: `霞阳镇洣泉路 ${serial} 号` });
    const lookalike = (await post('/api/cases', who.volunteer, body)).json().caseNo;
    expect(await found(`q=${serial}`)).toEqual([registered, lookalike]);
    expect(await found('q=广告牌歪斜')).toEqual([reported]);
    expect(await found(`q=${encodeURIComponent('炎帝大道')}`)).toEqual(expect.arrayContaining([registered, reported]));
    expect(await found('q=100%25')).toEqual([]);
  });

  it('counts each queue of the reader’s posts as the list counts it', async () => {
    const counts = async (actor = who.dispatcher) => {
      const res = await get('/api/cases/queue-counts', actor);
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries((res.json() as Counts).items.map((i) => [i.queue, i.count]));
    };
    expect(await counts()).toMatchObject({ intake: 2, dispatch: 1, overdue: 0, escalated: 0, mine: 0 });
    expect(Object.keys(await counts())).not.toContain('department');
    expect(await counts(who.inspector)).toEqual({ verify_report: 0, verification: 0, mine: 2 });
    expect(await counts(who.miandouInspector)).toEqual({ verify_report: 0, verification: 0, mine: 0 });
    expect(await counts(who.handler)).toEqual({ department: 0 });
    const escalated = await post(`/api/cases/${registered}/escalate`, who.dispatcher, {
      revision: 1,
      note: '请尽快派遣',
    });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(await counts()).toMatchObject({ escalated: 1 });
    expect(await found('queue=escalated')).toEqual([registered]);
  });
});
