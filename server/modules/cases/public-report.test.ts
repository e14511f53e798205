import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import type { SignedIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, jpegBase64, prepareCases, reportBody, xiayang } from './cases.test-support.ts';

/** A citizen whose phone gives no position (location refused, no GPS): township and address in words. */
async function noPointBody(overrides: Record<string, unknown> = {}) {
  const { lng: _lng, lat: _lat, ...body } = await reportBody({ photos: [{ data: await jpegBase64() }] });
  return { ...body, ...overrides };
}

describe('a citizen’s report without a point', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
  });
  const report = (body: unknown, language = 'en') =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/cases',
      headers: { 'accept-language': language },
      payload: body as object,
    });

  describe('refused, at the field to fix, in the caller’s language', () => {
    it('400 at regionCode with neither a point nor a township', async () => {
      const { regionCode: _r, ...body } = await noPointBody();
      const en = await report(body);
      expect(en.statusCode).toBe(400);
      expect(en.json().error.fields).toEqual({
        regionCode: 'Choose the township where the problem is, or share the location',
      });
      const zh = await report(body, 'zh-CN');
      expect(zh.json().error.fields).toEqual({ regionCode: '请选择问题所在的乡镇，或提供位置' });
    });

    it('400 at address when the words alone cannot lead to the spot', async () => {
      const en = await report(await noPointBody({ address: ' 88号 ' }));
      expect(en.statusCode).toBe(400);
      expect(en.json().error.fields).toEqual({
        address: 'Without a location, name the street, the house number or a landmark nearby (at least 4 characters)',
      });
      const zh = await report(await noPointBody({ address: '附近' }), 'zh-CN');
      expect(zh.json().error.fields).toEqual({
        address: '没有定位时，请写清路名、门牌号或附近的标志性建筑（至少 4 个字）',
      });
    });

    it('400 for an address of spaces only, with or without a point', async () => {
      for (const body of [await noPointBody({ address: '\u3000 \u200B' }), await reportBody({ address: '   ' })]) {
        const res = await report(body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields).toEqual({ address: 'Say where the problem is' });
      }
    });

    it('400 when the address grows past 200 characters once compatibility forms are folded', async () => {
      const res = await report(await noPointBody({ address: '\u337F'.repeat(60) }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ address: 'At most 200 characters' });
    });

    it('400 for half a point, and for unknown fields', async () => {
      const half = await report(await noPointBody({ lng: 113.772 }));
      expect(half.statusCode).toBe(400);
      expect(half.json().error.fields).toEqual({ lat: 'Required' });
      const extra = await report(await noPointBody({ addressString: '炎帝大道' }));
      expect(extra.statusCode).toBe(400);
      expect(Object.keys(extra.json().error.fields)).toEqual(['addressString']);
    });

    it('nothing is stored when refused', async () => {
      const count = async () =>
        (await t.db.database.query<{ n: number }>('select count(*)::int as n from cases_case'))[0]?.n;
      const before = await count();
      expect((await report(await noPointBody({ address: '88' }))).statusCode).toBe(400);
      expect(await count()).toBe(before);
      expect((await report(await noPointBody())).statusCode).toBe(201);
      expect(await count()).toBe((before ?? 0) + 1);
    });
  });

  it('201 with township and address: the case has no point and is filed in that township', async () => {
    const res = await report(await noPointBody({ address: ' 炎帝大道８８号  门前 ' }));
    expect(res.statusCode, res.body).toBe(201);
    // 待受理, or 待核实 where the county checks citizens' reports on site first
    expect(res.json()).toMatchObject({ status: expect.stringMatching(/^(reported|verifying)$/), duplicates: [] });
    const detail = (await get(`/api/cases/${res.json().caseNo}`, who.dispatcher)).json();
    expect(detail).toMatchObject({
      channel: 'citizen',
      lng: null,
      lat: null,
      townshipCode: xiayang,
      address: '炎帝大道88号 门前',
    });
    // the township's inspector sees it in their area, as any report placed there
    expect((await get(`/api/cases/${res.json().caseNo}`, who.inspector)).statusCode).toBe(200);
  });

  it('201 with a point and no township: it waits in the county intake queue as 待定乡镇', async () => {
    const { regionCode: _r, ...body } = await reportBody();
    const res = await report(body);
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await get(`/api/cases/${res.json().caseNo}`, who.dispatcher)).json();
    expect(detail).toMatchObject({ townshipCode: '430225', lng: 113.772, lat: 26.489 });
    // a township's inspector does not see a case whose township is still to be assigned
    expect((await get(`/api/cases/${res.json().caseNo}`, who.inspector)).statusCode).toBe(404);
  });

  it('tracking shows the 处置结果 once handled, then the reporter’s own comment after rating', async () => {
    const reported = (await report(await noPointBody())).json();
    const track = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/public/cases/${reported.caseNo}`,
          headers: { 'x-case-token': reported.trackingToken, 'accept-language': 'en' },
        })
      ).json();
    expect((await track()).result).toBeNull();

    let view = (await get(`/api/cases/${reported.caseNo}`, who.dispatcher)).json();
    const step = async (path: string, actor: SignedIn, body: Record<string, unknown>) => {
      const res = await post(`/api/cases/${reported.caseNo}/${path}`, actor, { revision: view.revision, ...body });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      view = res.json();
    };
    if (view.status === 'verifying')
      await step('verify-report', who.inspector, { confirmed: true, photos: [{ data: await jpegBase64() }] });
    await step('register', who.dispatcher, {});
    await step('dispatch', who.dispatcher, { department: 'chengguan' });
    await step('accept', who.handler, {});
    await step('feedback', who.handler, {
      result: '已清理占道摊位，摊主电话 13907331234',
      photos: [{ data: await jpegBase64() }],
    });
    const handled = await track();
    expect(handled).toMatchObject({
      status: 'handled',
      result: { text: '已清理占道摊位，摊主电话 139****1234', verifiedAt: null },
    });
    await step('verify', who.inspector, { passed: true, note: '核查员王五确认现场已恢复' });
    const closed = await track();
    expect(closed.result).toMatchObject({ text: '已清理占道摊位，摊主电话 139****1234', verifiedAt: view.closedAt });
    expect(JSON.stringify(closed)).not.toMatch(/13907331234|王五|chengguan/);

    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/cases/${reported.caseNo}/rating`,
      headers: { 'x-case-token': reported.trackingToken },
      payload: { score: 5, comment: '  很快就清理了，谢谢  ' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ satisfaction: 5, satisfactionComment: '很快就清理了，谢谢', canRate: false });
    expect(await track()).toMatchObject({ satisfaction: 5, satisfactionComment: '很快就清理了，谢谢' });
  });
});
