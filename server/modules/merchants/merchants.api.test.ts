import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { merchantPermissions as P } from './merchants.permissions.ts';
import { merchantBody, testUscc } from './merchants.test-support.ts';

const xiayang = '430225100';
const miandu = '430225101';

describe('the merchant registry API', () => {
  const t = useTestApp();
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, actor: SignedIn | null, payload?: unknown, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...(actor?.headers ?? {}), 'accept-language': 'en', ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  let county: SignedIn;
  let xiayangManager: SignedIn;
  let mianduReader: SignedIn;
  let noRights: SignedIn;
  let inspector: SignedIn;
  const register = (actor: SignedIn | null, body: unknown) =>
    send('POST', '/api/merchants', actor, body, { 'idempotency-key': `merchant-test-${randomUUID()}` });

  beforeAll(async () => {
    county = await signIn(t.app, { roles: ['market_inspector'] });
    xiayangManager = await signIn(t.app, { permissions: [P.read, P.manage], scopeRegion: xiayang });
    mianduReader = await signIn(t.app, { permissions: [P.read], scopeRegion: miandu });
    noRights = await signIn(t.app, { roles: ['volunteer'], scopeRegion: xiayang });
    inspector = await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang });
  });

  describe('refusals first', () => {
    it('401 without a session, 403 without the permission (a volunteer; a street inspector may read but not register)', async () => {
      expect((await send('GET', '/api/merchants', null)).statusCode).toBe(401);
      expect((await register(null, merchantBody(1))).statusCode).toBe(401);
      expect((await send('GET', '/api/merchants', noRights)).statusCode).toBe(403);
      expect((await send('GET', '/api/merchants', inspector)).statusCode).toBe(200);
      expect((await register(inspector, merchantBody(1))).statusCode).toBe(403);
    });

    it('400 with every field problem at once: identity missing, bad phone, risk grade on a non-food kind, half a point', async () => {
      const res = await register(
        county,
        merchantBody(2, { creditCode: undefined, operatorPhone: '12345', riskGrade: 'B', lng: 113.77 }),
      );
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields).sort()).toEqual(['creditCode', 'lat', 'operatorPhone', 'riskGrade']);
      expect(res.json().error.fields.creditCode).toContain('credit code');
    });

    it('400 for a credit code whose check character is wrong, named in the reader’s language', async () => {
      const good = testUscc(3);
      const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
      const en = await register(county, merchantBody(3, { creditCode: wrong }));
      expect(en.statusCode).toBe(400);
      expect(en.json().error.fields.creditCode).toMatch(/check/i);
      const zh = await send('POST', '/api/merchants', county, merchantBody(3, { creditCode: wrong }), {
        'accept-language': 'zh-CN',
        'idempotency-key': 'merchant-test-zh-0001',
      });
      expect(zh.json().error.fields.creditCode).toContain('校验位');
    });

    it('400 for an unknown field, a licence number of the wrong length, a place outside the county or the manager’s area', async () => {
      expect((await register(county, merchantBody(4, { colour: 'red' }))).statusCode).toBe(400);
      const licence = await register(county, merchantBody(4, { creditCode: undefined, licenceNo: '12345' }));
      expect(licence.json().error.fields).toEqual({ licenceNo: expect.stringContaining('15 digits') });
      const outside = await register(county, merchantBody(4, { regionCode: '430224100' }));
      expect(outside.json().error.fields.regionCode).toContain('outside this county');
      const foreign = await register(xiayangManager, merchantBody(4, { regionCode: miandu }));
      expect(foreign.json().error.fields.regionCode).toContain('outside your area');
    });

    it('another township’s merchant is a 404 like a missing one, and the out-of-scope read is on the audit trail', async () => {
      const created = (await register(county, merchantBody(5, { regionCode: xiayang }))).json();
      const foreign = await send('GET', `/api/merchants/${created.id}`, mianduReader);
      const missing = await send('GET', '/api/merchants/00000000-0000-4000-8000-000000000000', mianduReader);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toEqual(missing.json());
      const denied = await t.db.database.query<{ reason_code: string }>(
        "select reason_code from audit_event where event_type = 'access.denied' and object_type = 'merchant' and object_id = $1",
        [created.id],
      );
      expect(denied.map((row) => row.reason_code)).toEqual(['out_of_scope']);
    });
  });

  describe('registering', () => {
    it('stores the merchant with a number, answers it with the operator masked, and audits it without personal data', async () => {
      const res = await register(
        county,
        merchantBody(10, { kind: 'catering', riskGrade: 'C', lng: 113.77, lat: 26.49 }),
      );
      expect(res.statusCode).toBe(201);
      const merchant = res.json();
      expect(merchant).toMatchObject({
        merchantNo: expect.stringMatching(/^SH\d{6}$/),
        name: '测试便利店10',
        creditCode: testUscc(10),
        kind: 'catering',
        supervised: true,
        riskGrade: 'C',
        regionCode: xiayang,
        townshipCode: xiayang,
        townshipName: '霞阳镇',
        operatorName: '王*明',
        operatorPhone: '138****8000',
        frontageM: 6.5,
        status: 'open',
        revision: 0,
      });
      const [audit] = await t.db.database.query<{ details: Record<string, unknown> }>(
        "select details from audit_event where event_type = 'merchants.register' and object_id = $1",
        [merchant.id],
      );
      expect(JSON.stringify(audit?.details)).not.toContain('王小明');
      const stored = await t.db.database.query<{ operator_name_enc: string }>(
        'select operator_name_enc from merchants_merchant where id = $1',
        [merchant.id],
      );
      expect(stored[0]?.operator_name_enc).not.toContain('王小明');
    });

    it('a retry with the same Idempotency-Key gives the same merchant, not a second one', async () => {
      const body = merchantBody(11);
      const headers = { 'idempotency-key': 'merchant-retry-0000-0001' };
      const first = await send('POST', '/api/merchants', county, body, headers);
      const again = await send('POST', '/api/merchants', county, body, headers);
      expect(first.statusCode).toBe(201);
      expect(again.json().id).toBe(first.json().id);
      const rows = await t.db.database.query<{ n: number }>(
        'select count(*)::int as n from merchants_merchant where credit_code = $1',
        [testUscc(11)],
      );
      expect(rows[0]?.n).toBe(1);
    });

    it('refuses a second registration of the same credit code or licence number, naming the merchant that holds it', async () => {
      const first = (await register(county, merchantBody(12))).json();
      const again = await register(county, merchantBody(13, { creditCode: testUscc(12) }));
      expect(again.statusCode).toBe(400);
      expect(again.json().error.fields.creditCode).toContain(first.merchantNo);
      const licence = '430225600123456';
      await register(county, merchantBody(14, { creditCode: undefined, licenceNo: licence }));
      const twice = await register(county, merchantBody(15, { creditCode: undefined, licenceNo: licence }));
      expect(twice.json().error.fields.licenceNo).toBeDefined();
    });

    it('a market stall names a market of the county; a non-market is refused', async () => {
      const market = (
        await register(county, merchantBody(16, { kind: 'market_operator', name: '霞阳农贸市场' }))
      ).json();
      const shop = (await register(county, merchantBody(17))).json();
      const stall = await register(
        county,
        merchantBody(18, { kind: 'food_sale', marketStall: true, marketId: market.id }),
      );
      expect(stall.json()).toMatchObject({ marketStall: true, marketId: market.id });
      const wrong = await register(
        county,
        merchantBody(19, { kind: 'food_sale', marketStall: true, marketId: shop.id }),
      );
      expect(wrong.json().error.fields.marketId).toBeDefined();
      const notStall = await register(county, merchantBody(20, { marketId: market.id }));
      expect(notStall.json().error.fields.marketId).toBeDefined();
    });
  });

  describe('reading and editing', () => {
    let inMiandu: { id: string; merchantNo: string };

    beforeAll(async () => {
      inMiandu = (
        await register(county, merchantBody(30, { regionCode: miandu, name: '沔渡米粉店', kind: 'catering' }))
      ).json();
    });

    it('lists only the reader’s area; filters by kind and by text', async () => {
      const mine = (await send('GET', '/api/merchants?pageSize=200', mianduReader)).json();
      expect(mine.items.map((m: { id: string }) => m.id)).toEqual([inMiandu.id]);
      const all = (await send('GET', '/api/merchants?kind=catering&pageSize=200', county)).json();
      expect(all.items.every((m: { kind: string }) => m.kind === 'catering')).toBe(true);
      expect(all.total).toBeGreaterThanOrEqual(2);
      const found = (await send('GET', `/api/merchants?q=${encodeURIComponent('米粉')}`, county)).json();
      expect(found.items.map((m: { id: string }) => m.id)).toEqual([inMiandu.id]);
      const byNo = (await send('GET', `/api/merchants?q=${inMiandu.merchantNo}`, county)).json();
      expect(byNo.items.map((m: { id: string }) => m.id)).toEqual([inMiandu.id]);
      const percent = (await send('GET', '/api/merchants?q=%25', county)).json();
      expect(percent.total).toBe(0);
      const outside = await send('GET', `/api/merchants?township=${xiayang}`, mianduReader);
      expect(outside.json().error.fields.township).toBeDefined();
    });

    it('an edit names the revision it read: a stale one is a 409 and nothing changes', async () => {
      const body = { ...merchantBody(30, { regionCode: miandu, name: '沔渡米粉店（新店招）', kind: 'catering' }) };
      const edited = await send('PUT', `/api/merchants/${inMiandu.id}`, county, {
        ...body,
        status: 'open',
        revision: 0,
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ name: '沔渡米粉店（新店招）', revision: 1 });
      const stale = await send('PUT', `/api/merchants/${inMiandu.id}`, county, {
        ...body,
        name: '别的',
        status: 'open',
        revision: 0,
      });
      expect(stale.statusCode).toBe(409);
      expect((await send('GET', `/api/merchants/${inMiandu.id}`, county)).json().name).toBe('沔渡米粉店（新店招）');
      const [audit] = await t.db.database.query<{ details: { changed: string[] } }>(
        "select details from audit_event where event_type = 'merchants.edit' and object_id = $1",
        [inMiandu.id],
      );
      expect(audit?.details.changed).toEqual(['name']);
    });

    it('a manager of another township cannot edit (404, audited) and a deregistered merchant stays as it was', async () => {
      const body = merchantBody(30, { regionCode: miandu, kind: 'catering' });
      const foreign = await send('PUT', `/api/merchants/${inMiandu.id}`, xiayangManager, {
        ...body,
        status: 'open',
        revision: 1,
      });
      expect(foreign.statusCode).toBe(400); // the place itself is outside the manager's area
      const closed = await send('PUT', `/api/merchants/${inMiandu.id}`, county, {
        ...body,
        name: '沔渡米粉店（新店招）',
        status: 'closed',
        revision: 1,
      });
      expect(closed.json()).toMatchObject({ status: 'closed', revision: 2 });
      const after = await send('PUT', `/api/merchants/${inMiandu.id}`, county, {
        ...body,
        status: 'open',
        revision: 2,
      });
      expect(after.statusCode).toBe(400);
      expect(after.json().error.fields.status).toBeDefined();
    });

    it('reveals the operator with a reason to a holder of the reveal permission, audited; 403 without it', async () => {
      const reveal = (actor: SignedIn) =>
        send('POST', '/api/pii/reveal', actor, {
          objectType: 'merchant',
          objectId: inMiandu.id,
          fields: ['operatorName', 'operatorPhone'],
          reason: '通知经营者续签门前三包责任书',
        });
      const shown = await reveal(county);
      expect(shown.statusCode).toBe(200);
      expect(JSON.stringify(shown.json())).toContain('王小明');
      expect(JSON.stringify(shown.json())).toContain('13800138000');
      expect((await reveal(mianduReader)).statusCode).toBe(403);
    });
  });
});
