import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../../db/schema/audit.ts';
import { casesCase } from '../../../db/schema/cases.ts';
import { villageKind } from '../../../platform/regions/region-kind.ts';
import { upsertRegions } from '../../../platform/regions/regions.store.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type CaseActors, inXiayang, miandu, prepareCases, xiayang } from '../cases.test-support.ts';
import {
  bodyOf,
  createPartnerKeys,
  createScopedPartnerKey,
  expectSameInBoth,
  expectSpecError,
  type FormFields,
  formats,
  listOf,
  type PartnerKeys,
  postForm,
} from './contract/contract.test-support.ts';
import { postRequestResponseSchema, tokenResponseSchema } from './contract/georeport-v2.schemas.ts';

type Posted = { service_request_id: string; service_notice: string; account_id: string | null };

/** GeoReport v2 POST Service Request and GET service_request_id from a token, from the spec's tables. */
describe('Open311 POST Service Request', () => {
  const t = useTestApp();
  let keys: PartnerKeys;
  let who: CaseActors;
  const village = `${xiayang}001`;
  beforeAll(async () => {
    who = await prepareCases(t);
    keys = await createPartnerKeys(t);
    await upsertRegions(t.db.database.db, [
      {
        code: village,
        name: '城东社区',
        level: 'village',
        parentCode: xiayang,
        kind: villageKind(village),
        source: 'demo',
      },
    ]);
  });

  /** A complete, valid request for 占道经营 in 霞阳镇 (the spec's example shape). */
  const valid = (overrides: FormFields = {}): FormFields => ({
    api_key: keys.partner.key,
    jurisdiction_id: '430225',
    service_code: '09006',
    lat: String(inXiayang.lat),
    long: String(inXiayang.lng),
    address_string: '炎帝大道 88 号',
    'attribute[region_code]': xiayang,
    description: '水果摊占用人行道经营',
    ...overrides,
  });
  const without = (...names: string[]) =>
    Object.fromEntries(Object.entries(valid()).filter(([k]) => !names.includes(k)));
  const post = (format: string, fields: FormFields, headers: Record<string, string> = {}) =>
    postForm(t, `/open311/v2/requests.${format}`, fields, { 'accept-language': 'en', ...headers });
  const caseRow = async (caseNo: string) =>
    (
      await t.db.database.db
        .select()
        .from(casesCase)
        .where(and(eq(casesCase.regionCode, '430225'), eq(casesCase.caseNo, caseNo)))
    )[0]!;

  describe.each(formats)('.%s', (format) => {
    it('403 without an api_key, with a wrong one, and with a key lacking cases.open311.submit — before anything else is checked', async () => {
      const missing = expectSpecError(await post(format, without('api_key', 'service_code')), format, 403);
      expect(missing[0]!.description).toBe('api_key is missing, invalid, revoked or expired');
      expectSpecError(await post(format, valid({ api_key: `${keys.partner.key.slice(0, -4)}AAAA` })), format, 403);
      const reader = expectSpecError(await post(format, valid({ api_key: keys.reader.key })), format, 403);
      expect(reader[0]!.description).toBe('This api_key may not submit Open311 service requests');
    });

    it('400 naming service_code when it is missing or empty, 404 when it is unknown', async () => {
      for (const fields of [without('service_code'), valid({ service_code: '' })]) {
        expect(expectSpecError(await post(format, fields), format, 400)).toEqual([
          { code: 400, description: 'service_code: Required' },
        ]);
      }
      expect(expectSpecError(await post(format, valid({ service_code: '99999' })), format, 404)[0]!.description).toBe(
        'Service (service_code) not found',
      );
    });

    it('400 without any location (lat/long, address_string or address_id), naming them; 400 for half a point', async () => {
      const errors = expectSpecError(await post(format, without('lat', 'long', 'address_string')), format, 400);
      expect(errors.map((e) => e.description)).toEqual([
        'lat: Send a location: lat and long (WGS84), address_string or address_id',
        'long: Send a location: lat and long (WGS84), address_string or address_id',
        'address_string: Send a location: lat and long (WGS84), address_string or address_id',
      ]);
      expect(expectSpecError(await post(format, without('long')), format, 400)).toEqual([
        { code: 400, description: 'long: Required' },
      ]);
      expect(expectSpecError(await post(format, without('lat', 'address_string')), format, 400)).toEqual([
        { code: 400, description: 'lat: Required' },
      ]);
    });

    it('400 naming long when the point is outside the county, and attribute[region_code] when the township is wrong', async () => {
      const outside = expectSpecError(await post(format, valid({ long: '112.9' })), format, 400);
      expect(outside.map((e) => e.description)).toEqual([
        'long: This point is outside the county; pick the place on the map again',
        'lat: This point is outside the county; pick the place on the map again',
      ]);
      expect(
        expectSpecError(await post(format, valid({ 'attribute[region_code]': '430224100' })), format, 400)[0]!
          .description,
      ).toBe('attribute[region_code]: That township or village is not in this county');
      expect(
        expectSpecError(await post(format, valid({ 'attribute[region_code]': '43022510' })), format, 400)[0]!
          .description,
      ).toBe('attribute[region_code]: Wrong format');
    });

    it('404 for a jurisdiction_id that is not this county', async () => {
      expect(
        expectSpecError(await post(format, valid({ jurisdiction_id: '430224' })), format, 404)[0]!.description,
      ).toBe('Jurisdiction (jurisdiction_id) not found');
    });

    it('413 for a body over the limit, with the limit in the message (zh and en) and the spec error body', async () => {
      const huge = valid({ description: '占'.repeat(60_000) });
      const en = expectSpecError(await post(format, huge), format, 413);
      expect(en).toEqual([{ code: 413, description: 'The request body is too large (limit 128 KB)' }]);
      const zh = expectSpecError(await post(format, huge, { 'accept-language': 'zh-CN' }), format, 413);
      expect(zh).toEqual([{ code: 413, description: '提交的内容过大（上限 128 KB）' }]);
    });

    it('400 for an unknown parameter or attribute, naming it', async () => {
      expect(expectSpecError(await post(format, valid({ colour: 'red' })), format, 400)).toEqual([
        { code: 400, description: 'colour: Unknown field' },
      ]);
      expect(expectSpecError(await post(format, valid({ 'attribute[colour]': 'red' })), format, 400)).toEqual([
        { code: 400, description: 'attribute[colour]: Unknown field' },
      ]);
      expect(
        expectSpecError(await post(format, valid({ 'attribute[channel]': ['hotline', 'patrol'] })), format, 400)[0]!
          .description,
      ).toBe('attribute[channel]: Must be text');
    });

    it('400 for a missing description (this server requires one) and for a bad phone', async () => {
      expect(expectSpecError(await post(format, without('description')), format, 400)).toEqual([
        { code: 400, description: 'description: Required' },
      ]);
      expect(expectSpecError(await post(format, valid({ description: '   ' })), format, 400)).toEqual([
        { code: 400, description: 'description: Required' },
      ]);
      expect(expectSpecError(await post(format, valid({ phone: '12345' })), format, 400)).toEqual([
        { code: 400, description: 'phone: Enter a valid mobile number' },
      ]);
    });

    it('200 with the case number at once (no token beside it), the same answer in JSON and XML', async () => {
      const headers = { 'idempotency-key': `both-formats-${format}` };
      const json = listOf<Posted>(
        await post('json', valid(), headers),
        'json',
        'service_requests',
        postRequestResponseSchema,
      );
      expect(json).toEqual([
        {
          service_request_id: expect.stringMatching(/^\d{4}-\d{8}$/),
          service_notice: expect.stringMatching(
            /^Received as case \d{4}-\d{8}; it will be checked and registered by \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
          ),
          account_id: null,
        },
      ]);
      const res = await post(format, valid(), headers);
      expectSameInBoth(json, bodyOf(res, format, 'service_requests'), format, 'service_requests');
    });
  });

  it('stores a partner report as a case: channel other, no photos, the partner as reporter, township from the code', async () => {
    const [posted] = listOf<Posted>(await post('json', valid()), 'json', 'service_requests', postRequestResponseSchema);
    const row = await caseRow(posted!.service_request_id);
    expect(row).toMatchObject({
      // A partner's report with its township goes to 核实 on site first (the county's default for Open311).
      status: 'verifying',
      clockStage: 'verify_report',
      channel: 'other',
      categoryCode: '09006',
      locationCode: xiayang,
      townshipCode: xiayang,
      address: '炎帝大道 88 号',
      reporterApiKeyId: keys.partner.id,
      reporterUserId: null,
      reporterPhoneEnc: null,
      externalRef: null,
    });
    expect([row.lng, row.lat]).toEqual([inXiayang.lng, inXiayang.lat]);
    const audit = await t.db.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, 'cases.report'), eq(auditEvent.objectId, row.caseNo)));
    expect(audit[0]).toMatchObject({ actorId: keys.partner.id, outcome: 'success' });
  });

  it('takes the township as address_id, the channel, the area of 私搭乱建, the account_id and an encrypted phone', async () => {
    const fields = {
      ...without('attribute[region_code]', 'address_string'),
      service_code: '06001',
      address_id: village,
      'attribute[area_m2]': '12.5',
      'attribute[channel]': 'hotline',
      account_id: '12345-0001',
      phone: '13812345678',
      email: 'a@b.cn',
      first_name: '三',
      last_name: '张',
      device_id: 'd1',
    };
    const [posted] = listOf<Posted>(await post('json', fields), 'json', 'service_requests', postRequestResponseSchema);
    expect(posted!.account_id).toBe('12345-0001');
    const row = await caseRow(posted!.service_request_id);
    // the village's name stands in for the missing address_string
    expect(row).toMatchObject({
      categoryCode: '06001',
      areaM2: 12.5,
      channel: 'hotline',
      locationCode: village,
      townshipCode: xiayang,
      externalRef: '12345-0001',
      address: '城东社区',
    });
    expect(row.reporterPhoneEnc).not.toBeNull();
    expect(row.reporterPhoneEnc).not.toContain('13812345678');
    // accepted, not stored (the device id compared as a whole value: a ciphertext may well end in "d1")
    expect(JSON.stringify(row)).not.toMatch(/a@b\.cn|张/);
    expect(Object.values(row)).not.toContain('d1');
    expect(
      expectSpecError(await post('json', { ...fields, 'attribute[region_code]': xiayang }), 'json', 400)[0]!
        .description,
    ).toBe('address_id: address_id and attribute[region_code] disagree');
    expect(
      expectSpecError(await post('json', { ...fields, address_id: '430225999' }), 'json', 400)[0]!.description,
    ).toBe('address_id: No such township or village');
    expect(
      expectSpecError(await post('json', { ...fields, 'attribute[area_m2]': '0' }), 'json', 400)[0]!.description,
    ).toBe('attribute[area_m2]: Must be greater than 0');
  });

  describe('what the spec requires is enough: the township is optional, any one location will do', () => {
    const submitted = async (fields: FormFields) => {
      const [posted] = listOf<Posted>(
        await post('json', fields),
        'json',
        'service_requests',
        postRequestResponseSchema,
      );
      return caseRow(posted!.service_request_id);
    };

    it('lat/long alone: the case waits in the county intake queue, township to be assigned, at its point', async () => {
      const row = await submitted(without('attribute[region_code]', 'address_string'));
      expect(row).toMatchObject({
        status: 'reported',
        townshipCode: '430225',
        locationCode: '430225',
        lng: inXiayang.lng,
        lat: inXiayang.lat,
      });
      expect(row.address).toBe('113.772000, 26.489000');
    });

    it('address_string alone: accepted with the address text and no point, in the county queue', async () => {
      const row = await submitted(without('attribute[region_code]', 'lat', 'long'));
      expect(row).toMatchObject({
        townshipCode: '430225',
        locationCode: '430225',
        lng: null,
        lat: null,
        address: '炎帝大道 88 号',
      });
    });

    it('address_id alone: placed in its township or village, without a point', async () => {
      const row = await submitted({
        ...without('attribute[region_code]', 'lat', 'long', 'address_string'),
        address_id: village,
      });
      expect(row).toMatchObject({
        townshipCode: xiayang,
        locationCode: village,
        lng: null,
        lat: null,
        address: '城东社区',
      });
    });

    it('the staff see "township to be assigned" in the list and on the case; a township inspector does not see it', async () => {
      const row = await submitted(without('attribute[region_code]'));
      const { dispatcher, inspector } = who;
      const detail = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${row.caseNo}`,
        headers: { ...dispatcher.headers, 'accept-language': 'en' },
      });
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json()).toMatchObject({
        townshipCode: '430225',
        townshipName: 'Township to be assigned',
        regionCode: '430225',
      });
      const zh = await t.app.inject({
        method: 'GET',
        url: `/api/cases?status=reported&pageSize=200`,
        headers: dispatcher.headers,
      });
      expect(zh.json().items.find((i: { caseNo: string }) => i.caseNo === row.caseNo)).toMatchObject({
        townshipName: '待定乡镇',
      });
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/cases/${row.caseNo}`, headers: inspector.headers })).statusCode,
      ).toBe(404);
    });
  });

  describe('a partner key scoped to one township (沔渡镇)', () => {
    let scoped: { key: string; id: string };
    beforeAll(async () => {
      scoped = await createScopedPartnerKey(t, miandu);
    });

    it('may not create a case in another township: 400 naming the argument that carried it', async () => {
      const before = await t.db.database.query<{ n: number }>('select count(*)::int as n from cases_case');
      const viaAttribute = expectSpecError(await post('json', valid({ api_key: scoped.key })), 'json', 400);
      expect(viaAttribute).toEqual([
        { code: 400, description: "attribute[region_code]: That township or village is outside this key's area" },
      ]);
      const viaAddressId = expectSpecError(
        await post('xml', { ...without('attribute[region_code]'), api_key: scoped.key, address_id: village }),
        'xml',
        400,
      );
      expect(viaAddressId).toEqual([
        { code: 400, description: "address_id: That township or village is outside this key's area" },
      ]);
      expect(await t.db.database.query<{ n: number }>('select count(*)::int as n from cases_case')).toEqual(before);
    });

    it('without a township, files the case in its own township, not in the county queue', async () => {
      const [posted] = listOf<Posted>(
        await post('json', { ...without('attribute[region_code]'), api_key: scoped.key }),
        'json',
        'service_requests',
        postRequestResponseSchema,
      );
      expect(await caseRow(posted!.service_request_id)).toMatchObject({
        townshipCode: miandu,
        locationCode: miandu,
        reporterApiKeyId: scoped.id,
      });
    });

    it('may report in its own township', async () => {
      const [posted] = listOf<Posted>(
        await post('json', valid({ api_key: scoped.key, 'attribute[region_code]': miandu })),
        'json',
        'service_requests',
        postRequestResponseSchema,
      );
      expect(await caseRow(posted!.service_request_id)).toMatchObject({ townshipCode: miandu });
    });
  });

  it('says in service_notice that media URLs are not fetched', async () => {
    const [posted] = listOf<Posted>(
      await post('json', valid({ media_url: 'http://example.com/a.jpg' })),
      'json',
      'service_requests',
      postRequestResponseSchema,
    );
    expect(posted!.service_notice).toMatch(
      /\. Media behind media_url is not fetched here; describe the scene in the description$/,
    );
    const [zh] = (
      await post('json', valid({ media_url: ['http://example.com/a.jpg', 'http://example.com/b.jpg'] }), {
        'accept-language': 'zh',
      })
    ).json();
    expect(zh.service_notice).toMatch(/^已受理，编号 .+；本系统不抓取 media_url/);
  });

  it('accepts a JSON body too: numbers, a nested attribute object, nulls as absent', async () => {
    const payload = {
      api_key: keys.partner.key,
      service_code: '09006',
      lat: inXiayang.lat,
      long: inXiayang.lng,
      attribute: { region_code: xiayang, channel: 'citizen' },
      description: '夜市摊点',
      email: null,
    };
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload });
    const [posted] = listOf<Posted>(res, 'json', 'service_requests', postRequestResponseSchema);
    expect((await caseRow(posted!.service_request_id)).channel).toBe('citizen');
    const other = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(expectSpecError(other, 'json', 415)[0]!.code).toBe(415);
  });

  it('takes the api_key from the query string as the v2.1 Swagger declares it', async () => {
    const fields = without('api_key');
    const res = await postForm(t, `/open311/v2/requests.xml?api_key=${encodeURIComponent(keys.partner.key)}`, fields);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('stores a request once per Idempotency-Key and refuses the key for a different request', async () => {
    const headers = { 'idempotency-key': 'partner-retry-0001' };
    const count = async () =>
      (await t.db.database.db.select().from(casesCase).where(eq(casesCase.reporterApiKeyId, keys.partner.id))).length;
    const first = await post('json', valid(), headers);
    const before = await count();
    const again = await post('json', valid(), headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before);
    // a different api_key value in the form is not part of the request's identity; a different text is
    const reused = expectSpecError(await post('json', valid({ description: '另一件事' }), headers), 'json', 400);
    expect(reused[0]!.code).toBe(422);
    expect(
      expectSpecError(await post('json', valid(), { 'idempotency-key': 'short' }), 'json', 400)[0]!.description,
    ).toMatch(/^Idempotency-Key: /);
  });

  it('refuses, and audits, a key without the permission', async () => {
    await post('json', valid({ api_key: keys.reader.key }));
    const rows = await t.db.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, 'access.denied'), eq(auditEvent.actorId, keys.reader.id)));
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('Open311 GET service_request_id from a token', () => {
  const t = useTestApp();
  let caseNo: string;
  beforeAll(async () => {
    await prepareCases(t);
    const keys = await createPartnerKeys(t);
    const fields = {
      api_key: keys.partner.key,
      service_code: '09006',
      lat: String(inXiayang.lat),
      long: String(inXiayang.lng),
      'attribute[region_code]': xiayang,
      description: '摊点',
    };
    caseNo = (await postForm(t, '/open311/v2/requests.json', fields)).json()[0].service_request_id;
  });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });

  describe.each(formats)('.%s', (format) => {
    it('answers a case number (our ids are their own tokens) with the id, the same in JSON and XML', async () => {
      const json = listOf(
        await get(`/open311/v2/tokens/${caseNo}.json`),
        'json',
        'service_requests',
        tokenResponseSchema,
      );
      expect(json).toEqual([{ service_request_id: caseNo, token: caseNo }]);
      expectSameInBoth(
        json,
        bodyOf(await get(`/open311/v2/tokens/${caseNo}.${format}`), format, 'service_requests'),
        format,
        'service_requests',
      );
    });

    it('404 for an unknown or malformed token, and for a foreign jurisdiction; 400 for an unknown parameter', async () => {
      for (const token of ['2026-99999999', 'abc', '1']) {
        expect(
          expectSpecError(await get(`/open311/v2/tokens/${token}.${format}`), format, 404)[0]!.description,
          token,
        ).toBe('Token not found');
      }
      expectSpecError(await get(`/open311/v2/tokens/${caseNo}.${format}?jurisdiction_id=sfgov.org`), format, 404);
      expect(
        expectSpecError(await get(`/open311/v2/tokens/${caseNo}.${format}?extensions=true`), format, 400)[0]!
          .description,
      ).toBe('extensions: Unknown field');
    });
  });
});
