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

/** A 12345 caller's name, sealed at the hotline intake and shown masked: revealed like the phone, its own permission. */
describe('revealing a hotline caller’s name', () => {
  const t = useTestApp();
  const { post } = caseHttp(t);
  let who: CaseActors;
  let xiayangDispatcher: SignedIn;
  let named: string;
  let foreignNamed: string;
  let unnamed: string;
  const call = (overrides: Record<string, unknown>) => ({
    channel: 'hotline',
    categoryCode: '09006',
    regionCode: xiayang,
    address: '霞阳镇炎帝大道 88 号门前',
    description: '来电反映水果摊占用人行道经营',
    photos: [],
    ...overrides,
  });
  beforeAll(async () => {
    who = await prepareCases(t);
    xiayangDispatcher = await signIn(t.app, { roles: ['dispatcher'], scopeRegion: xiayang });
    const intake = async (overrides: Record<string, unknown>) => {
      const res = await post('/api/cases', who.dispatcher, call(overrides));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().caseNo as string;
    };
    named = await intake({ callerName: '欧阳建国' });
    foreignNamed = await intake({ callerName: '李四', regionCode: miandu, address: '沔渡镇集镇' });
    unnamed = await intake({});
  });

  const reveal = (actor: SignedIn | null, objectId: string, extra: Record<string, unknown> = {}) =>
    post('/api/pii/reveal', actor, {
      objectType: 'case',
      objectId,
      fields: ['callerName'],
      reason: '回访来电人核对诉求',
      ...extra,
    });
  const audits = (objectId: string) =>
    t.db.database.query<{ event_type: string; outcome: string; reason_code: string | null; details: object }>(
      "select event_type, outcome, reason_code, details from audit_event where event_type in ('pii.reveal', 'access.denied') and object_id = $1 order by seq",
      [objectId],
    );

  it('401 anonymous; 403 without the permission (the handler, the inspector, the campaign office); 400 without a reason', async () => {
    expect((await reveal(null, named)).statusCode).toBe(401);
    for (const actor of [who.handler, who.inspector, who.coordinator])
      expect((await reveal(actor, named)).statusCode).toBe(403);
    expect((await reveal(who.dispatcher, named, { reason: '看看' })).json().error.fields).toHaveProperty('reason');
  });

  it('the case page shows the name masked', async () => {
    const detail = (await caseHttp(t).get(`/api/cases/${named}`, who.dispatcher)).json();
    expect(detail.reporter.name).toBe('欧阳**');
  });

  it('another township’s case answers 404 like a case without a name; the out-of-scope one is a denial on the trail', async () => {
    const foreign = await reveal(xiayangDispatcher, foreignNamed);
    const noName = await reveal(xiayangDispatcher, unnamed);
    for (const res of [foreign, noName]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toEqual(noName.json());
    }
    expect((await audits(foreignNamed)).map((a) => [a.event_type, a.outcome, a.reason_code])).toEqual([
      ['access.denied', 'failure', 'out_of_scope'],
      ['pii.reveal', 'failure', 'not_found'],
    ]);
  });

  it('the dispatcher sees the name with a reason, audited with the reason and never the name', async () => {
    const res = await reveal(xiayangDispatcher, named);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ values: { callerName: '欧阳建国' } });
    const rows = await audits(named);
    expect(rows.at(-1)).toMatchObject({
      event_type: 'pii.reveal',
      outcome: 'success',
      details: { fields: ['callerName'], categories: ['name'], reason: '回访来电人核对诉求' },
    });
    expect(JSON.stringify(rows)).not.toContain('欧阳建国');
  });
});
