import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import {
  type CaseActors,
  caseHttp,
  jpegBase64,
  miandu,
  prepareCases,
  reportBody,
  xiayang,
} from './cases.test-support.ts';

describe('cases API: bad input, roles and scope', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  let caseNo: string;
  let token: string;
  beforeAll(async () => {
    who = await prepareCases(t);
    const res = await post('/api/cases', who.inspector, await reportBody());
    ({ caseNo, trackingToken: token } = res.json());
  });

  const countCases = async () => (await get('/api/cases?pageSize=1', who.dispatcher)).json().total as number;

  it('401 without a session, on every staff route', async () => {
    for (const url of [
      '/api/cases',
      `/api/cases/${caseNo}`,
      '/api/cases/departments',
      '/api/cases/nearby?categoryCode=09006&lng=113.77&lat=26.49',
    ]) {
      expect((await get(url, null)).statusCode, url).toBe(401);
    }
    expect((await post('/api/cases', null, await reportBody())).statusCode).toBe(401);
    expect((await post(`/api/cases/${caseNo}/register`, null, { revision: 0 })).statusCode).toBe(401);
  });

  it('400 for unknown and malformed fields, field by field, in the caller’s language', async () => {
    const unknown = await post('/api/cases', who.inspector, { ...(await reportBody()), reporterName: '张三' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ reporterName: 'Unknown field' });
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: who.inspector.headers,
      payload: { ...(await reportBody()), categoryCode: '9006' },
    });
    expect(zh.statusCode).toBe(400);
    expect(Object.keys(zh.json().error.fields)).toEqual(['categoryCode']);
    expect(zh.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const noPhotos = await post('/api/cases', who.inspector, { ...(await reportBody()), photos: [] });
    expect(Object.keys(noPhotos.json().error.fields)).toEqual(['photos']);
    expect((await get('/api/cases?status=open', who.dispatcher)).statusCode).toBe(400);
    expect((await get('/api/cases?from=2026-03-05&to=2026-03-01', who.dispatcher)).json().error.fields).toHaveProperty(
      'from',
    );
    expect((await get('/api/cases/2026-1', who.dispatcher)).statusCode).toBe(400);
  });

  it('refuses what the rules refuse, with the field named, and stores nothing', async () => {
    const before = await countCases();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ lng: 112.98, lat: 28.2 }, 'lng', 'outside the county'],
      [{ categoryCode: '09999' }, 'categoryCode', 'No such case category'],
      [{ regionCode: '430224100' }, 'regionCode', 'not in this county'],
      [{ regionCode: '430225999' }, 'regionCode', 'No such township'],
      [{ categoryCode: '06001' }, 'areaM2', 'area'],
      [{ areaM2: 12 }, 'areaM2', 'takes no area'],
      [{ photos: [{ data: Buffer.from('%PDF-1.7 not a photo').toString('base64') }] }, 'photos.0', ''],
      [{ photos: [{ data: '*** not base64 ***' }] }, 'photos.0', ''],
    ];
    for (const [change, field, text] of cases) {
      const res = await post('/api/cases', who.inspector, await reportBody(change));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.fields, field).toHaveProperty([field]);
      expect(res.json().error.fields[field], field).toContain(text);
    }
    expect(await countCases()).toBe(before);
  });

  it('403 for roles without the permission, and for the three administrators', async () => {
    expect((await post('/api/cases', who.handler, await reportBody())).statusCode).toBe(403);
    expect((await post(`/api/cases/${caseNo}/register`, who.inspector, { revision: 0 })).statusCode).toBe(403);
    expect(
      (await post(`/api/cases/${caseNo}/dispatch`, who.volunteer, { revision: 0, department: 'chengguan' })).statusCode,
    ).toBe(403);
    for (const role of ['sys_admin', 'sec_admin', 'audit_admin']) {
      const admin = await signIn(t.app, { roles: [role] });
      expect((await get('/api/cases', admin)).statusCode, role).toBe(403);
    }
  });

  it('another township’s inspector gets 404 for the case and an empty list; a volunteer sees only their own reports', async () => {
    expect((await get(`/api/cases/${caseNo}`, who.miandouInspector)).statusCode).toBe(404);
    expect(
      (await get(`/api/cases/${caseNo}/photos/00000000-0000-4000-8000-000000000000`, who.miandouInspector)).statusCode,
    ).toBe(404);
    expect((await get('/api/cases', who.miandouInspector)).json().total).toBe(0);
    expect((await get(`/api/cases/${caseNo}`, who.inspector)).statusCode).toBe(200);
    expect((await get(`/api/cases?regionCode=${miandu}`, who.inspector)).json().total).toBe(0);
    expect((await get(`/api/cases/${caseNo}`, who.volunteer)).statusCode).toBe(404);
    const own = (await post('/api/cases', who.volunteer, await reportBody())).json().caseNo;
    expect((await get('/api/cases', who.volunteer)).json().items.map((c: { caseNo: string }) => c.caseNo)).toEqual([
      own,
    ]);
    // A department sees only what was dispatched to it.
    expect((await get(`/api/cases/${caseNo}`, who.handler)).statusCode).toBe(404);
    const out = await t.db.database.query<{ n: number }>(
      "select count(*)::int as n from audit_event where event_type = 'access.denied' and object_id = $1",
      [caseNo],
    );
    expect(out[0]?.n).toBeGreaterThan(0);
  });

  it('an action not allowed in the state, or decided on an old revision, is a 409 and changes nothing', async () => {
    const view = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    const early = await post(`/api/cases/${caseNo}/dispatch`, who.dispatcher, {
      revision: view.revision,
      department: 'chengguan',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'action_not_allowed',
      fields: { status: expect.stringContaining('Reported') },
    });
    const stale = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision: view.revision + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_revision');
    expect((await get(`/api/cases/${caseNo}`, who.dispatcher)).json()).toMatchObject({
      status: 'reported',
      revision: view.revision,
    });
    const registered = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision: view.revision });
    const badDepartment = await post(`/api/cases/${caseNo}/dispatch`, who.dispatcher, {
      revision: registered.json().revision,
      department: 'nosuch',
    });
    expect(badDepartment.json().error.fields).toEqual({ department: 'No such handling department' });
  });

  it('a retried report with the same Idempotency-Key is stored once; another body under the key is a 422', async () => {
    const body = await reportBody({ description: '重试测试：同一份上报' });
    const before = await countCases();
    const headers = { 'idempotency-key': 'field-device-7f3a-0001' };
    const first = await post('/api/cases', who.inspector, body, headers);
    const again = await post('/api/cases', who.inspector, body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countCases()).toBe(before + 1);
    const other = await post('/api/cases', who.inspector, { ...body, description: '另一份' }, headers);
    expect(other.statusCode).toBe(422);
    expect(
      (await post('/api/cases', who.inspector, body, { 'idempotency-key': 'short' })).json().error.fields,
    ).toHaveProperty('Idempotency-Key');
  });

  it('the tracking page needs the matching token; a wrong token or number gets the same 403 at the token field', async () => {
    const good = await get(`/api/public/cases/${caseNo}`, null, { 'x-case-token': token });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ caseNo, canRate: false });
    const wrong = await get(`/api/public/cases/${caseNo}`, null, { 'x-case-token': `${token.slice(0, -2)}xx` });
    const unknown = await get('/api/public/cases/2026-09999999', null, { 'x-case-token': token });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.fields).toEqual({ 'x-case-token': 'The case number and the tracking code do not match' });
    }
    const early = await post(`/api/public/cases/${caseNo}/rating`, null, { score: 5 }, { 'x-case-token': token });
    expect(early.statusCode).toBe(409);
  });

  it('citizens report anonymously or with a phone that is stored encrypted and shown masked', async () => {
    const res = await post(
      '/api/public/cases',
      null,
      await reportBody({ phone: '+86 139-0733-1234', regionCode: xiayang }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await get(`/api/cases/${res.json().caseNo}`, who.dispatcher)).json();
    expect(detail).toMatchObject({ channel: 'citizen', reporter: { kind: 'citizen', phone: '139****1234' } });
    const raw = await t.db.database.query<{ v: string }>(
      'select reporter_phone_enc as v from cases_case where case_no = $1',
      [res.json().caseNo],
    );
    expect(raw[0]?.v).not.toContain('13907331234');
    const bad = await post('/api/public/cases', null, await reportBody({ phone: '12345' }));
    expect(bad.json().error.fields).toEqual({ phone: 'Enter a valid mobile number' });
  });

  it('suggests open cases of the same category nearby, at report time and on request', async () => {
    const near = await post('/api/cases', who.inspector, await reportBody({ lng: 113.7721, lat: 26.4891 }));
    expect(near.json().duplicates.length).toBeGreaterThan(0);
    expect(near.json().duplicates[0].distanceM).toBeLessThan(50);
    const other = (await get('/api/cases/nearby?categoryCode=07001&lng=113.772&lat=26.489', who.inspector)).json();
    expect(other.items).toEqual([]);
    await jpegBase64();
  });
});
