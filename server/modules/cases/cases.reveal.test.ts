import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, miandu, prepareCases, reportBody, xiayang } from './cases.test-support.ts';

/**
 * A citizen's phone on a case, shown masked, revealed through POST /api/pii/reveal (issue #9, item 13):
 * a permission of its own, a reason, an audit row, and the case read in the revealer's scope.
 */
describe('revealing a case reporter’s phone', () => {
  const t = useTestApp();
  const { post } = caseHttp(t);
  let who: CaseActors;
  let xiayangDispatcher: SignedIn;
  let withPhone: string;
  let foreignWithPhone: string;
  let withoutPhone: string;
  beforeAll(async () => {
    who = await prepareCases(t);
    xiayangDispatcher = await signIn(t.app, { roles: ['dispatcher'], scopeRegion: xiayang });
    withPhone = (await post('/api/public/cases', null, await reportBody({ phone: '139 0733 1234' }))).json().caseNo;
    foreignWithPhone = (
      await post('/api/public/cases', null, await reportBody({ phone: '13607335678', regionCode: miandu }))
    ).json().caseNo;
    withoutPhone = (await post('/api/public/cases', null, await reportBody())).json().caseNo;
  });

  const reveal = (actor: SignedIn | null, objectId: string, extra: Record<string, unknown> = {}) =>
    post('/api/pii/reveal', actor, {
      objectType: 'case',
      objectId,
      fields: ['reporterPhone'],
      reason: '回访核实举报内容',
      ...extra,
    });
  const audits = (objectId: string) =>
    t.db.database.query<{
      event_type: string;
      outcome: string;
      reason_code: string | null;
      details: Record<string, unknown>;
    }>(
      "select event_type, outcome, reason_code, details from audit_event where event_type in ('pii.reveal', 'access.denied') and object_id = $1 order by seq",
      [objectId],
    );

  it('401 anonymous; 403 for roles without the permission (the handler, the inspector); 400 without a reason of substance', async () => {
    expect((await reveal(null, withPhone)).statusCode).toBe(401);
    expect((await reveal(who.handler, withPhone)).statusCode).toBe(403);
    expect((await reveal(who.inspector, withPhone)).statusCode).toBe(403);
    expect((await reveal(who.dispatcher, withPhone, { reason: '看看' })).json().error.fields).toHaveProperty('reason');
    expect((await reveal(who.dispatcher, withPhone, { fields: ['phone'] })).json().error.fields).toHaveProperty(
      'fields',
    );
  });

  it('another township’s case answers 404 like a missing case and a case without a phone; the out-of-scope one is a denial on the trail', async () => {
    const foreign = await reveal(xiayangDispatcher, foreignWithPhone);
    const missing = await reveal(xiayangDispatcher, '2026-09999999');
    const noPhone = await reveal(xiayangDispatcher, withoutPhone);
    const notANumber = await reveal(xiayangDispatcher, 'drop table');
    for (const res of [foreign, missing, noPhone, notANumber]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toEqual(missing.json());
    }
    expect((await audits(foreignWithPhone)).map((a) => [a.event_type, a.outcome, a.reason_code])).toEqual([
      ['access.denied', 'failure', 'out_of_scope'],
      ['pii.reveal', 'failure', 'not_found'],
    ]);
    expect((await audits(withoutPhone)).map((a) => [a.event_type, a.reason_code])).toEqual([
      ['pii.reveal', 'not_found'],
    ]);
  });

  it('the dispatcher sees the number with a reason, audited with the reason and never the value', async () => {
    const res = await reveal(xiayangDispatcher, withPhone);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ values: { reporterPhone: '13907331234' } });
    const [row] = await audits(withPhone);
    expect(row).toMatchObject({
      event_type: 'pii.reveal',
      outcome: 'success',
      details: { fields: ['reporterPhone'], categories: ['contact'], reason: '回访核实举报内容' },
    });
    expect(JSON.stringify(row)).not.toContain('13907331234');
  });
});
