import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesCase } from '../../../db/schema/cases.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type CaseActors, prepareCases } from '../cases.test-support.ts';
import { registerReportsDirectly } from '../verify-report.test-support.ts';
import {
  advanceCase,
  bodyOf,
  createPartnerKeys,
  expectSameInBoth,
  expectSpecError,
  formats,
  listOf,
  submitPartnerRequest,
} from './contract/contract.test-support.ts';
import { oneServiceRequestSchema, serviceRequestsSchema } from './contract/georeport-v2.schemas.ts';
import { shanghaiIso } from './format.ts';

type Request = Record<string, unknown> & { service_request_id: string; status: string };

/** GeoReport v2 GET Service Requests and GET Service Request, from the spec's tables. */
describe('Open311 GET Service Request(s)', () => {
  const t = useTestApp();
  let who: CaseActors;
  /** Reported 100 days ago: outside the default window. */
  let old: string;
  /** Five cases reported a minute apart: a (open, personal numbers in its text), b (私搭乱建), c (rejected), d (merged into a), e (dispatched). */
  const n: Record<'a' | 'b' | 'c' | 'd' | 'e', string> = { a: '', b: '', c: '', d: '', e: '' };
  const start = new Date('2026-03-02T01:00:00Z');
  const minute = (m: number) => new Date(start.getTime() + m * 60_000);

  beforeAll(async () => {
    who = await prepareCases(t);
    await registerReportsDirectly(t);
    const { partner } = await createPartnerKeys(t);
    t.clock.set(new Date(start.getTime() - 100 * 86_400_000));
    old = await submitPartnerRequest(t, partner.key);
    t.clock.set(minute(1));
    n.a = await submitPartnerRequest(t, partner.key, {
      description: '摊主电话 13912345678，身份证 430225199001011234',
      phone: '13812345678',
      account_id: 'acc-1',
    });
    t.clock.set(minute(2));
    n.b = await submitPartnerRequest(t, partner.key, {
      service_code: '06001',
      'attribute[area_m2]': '20',
      'attribute[channel]': 'hotline',
    });
    t.clock.set(minute(3));
    n.c = await submitPartnerRequest(t, partner.key);
    await advanceCase(t, who.dispatcher, n.c, 'reject', { reason: '不属于城管范围，请拨打 13700001111' });
    t.clock.set(minute(4));
    n.d = await submitPartnerRequest(t, partner.key);
    await advanceCase(t, who.dispatcher, n.d, 'merge', { duplicateOf: n.a });
    t.clock.set(minute(5));
    n.e = await submitPartnerRequest(t, partner.key);
    await advanceCase(t, who.dispatcher, n.e, 'register');
    await advanceCase(t, who.dispatcher, n.e, 'dispatch', { department: 'chengguan' });
    t.clock.set(minute(6));
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...headers } });
  const list = async (query = '') =>
    listOf<Request>(await get(`/open311/v2/requests.json${query}`), 'json', 'service_requests', serviceRequestsSchema);
  const ids = async (query = '') => (await list(query)).map((r) => r.service_request_id);
  const row = async (caseNo: string) =>
    (
      await t.db.database.db
        .select()
        .from(casesCase)
        .where(and(eq(casesCase.regionCode, '430225'), eq(casesCase.caseNo, caseNo)))
    )[0]!;

  describe.each(formats)('GET requests.%s', (format) => {
    const url = `/open311/v2/requests.${format}`;

    it('200 with the spec fields, newest first, the same in JSON and XML', async () => {
      const json = await list();
      expect(json.map((r) => r.service_request_id)).toEqual([n.e, n.d, n.c, n.b, n.a]);
      expectSameInBoth(json, bodyOf(await get(url), format, 'service_requests'), format, 'service_requests');
    });

    it('404 for a foreign jurisdiction, 400 for an unknown parameter', async () => {
      expectSpecError(await get(`${url}?jurisdiction_id=430224`), format, 404);
      expect(expectSpecError(await get(`${url}?agency_responsible=x`), format, 400)).toEqual([
        { code: 400, description: 'agency_responsible: Unknown field' },
      ]);
    });

    it('400 for dates without a zone, ranges over 90 days or backwards, unknown statuses and pages over 1000', async () => {
      const cases: Array<[string, string]> = [
        ['start_date=2026-03-01', 'start_date: Must be a date and time (e.g. 2026-03-01T08:00:00+08:00)'],
        ['end_date=2026-03-01T08:00:00', 'end_date: Must be a date and time (e.g. 2026-03-01T08:00:00+08:00)'],
        [
          'start_date=2025-12-01T00:00:00%2B08:00&end_date=2026-03-02T00:00:00%2B08:00',
          'end_date: start_date and end_date may be at most 90 days apart',
        ],
        [
          'start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z',
          'end_date: end_date cannot be before start_date',
        ],
        ['status=pending', 'status: Not one of the allowed values'],
        ['page_size=1001', 'page_size: Must be at most 1000'],
        ['page=0', 'page: Must be at least 1'],
      ];
      for (const [query, description] of cases)
        expect(expectSpecError(await get(`${url}?${query}`), format, 400), query).toEqual([{ code: 400, description }]);
    });

    it('GET requests/{id}: one element, the same as in the list; 404 for unknown and malformed ids', async () => {
      const one = listOf<Request>(
        await get(`/open311/v2/requests/${n.c}.json`),
        'json',
        'service_requests',
        oneServiceRequestSchema,
      );
      expect(one).toEqual((await list()).filter((r) => r.service_request_id === n.c));
      expectSameInBoth(
        one,
        bodyOf(await get(`/open311/v2/requests/${n.c}.${format}`), format, 'service_requests'),
        format,
        'service_requests',
      );
      for (const id of ['2026-99999999', '12345', 'x']) {
        expect(
          expectSpecError(await get(`/open311/v2/requests/${id}.${format}`), format, 404)[0]!.description,
          id,
        ).toBe('Service request (service_request_id) not found');
      }
      expectSpecError(await get(`/open311/v2/requests/${n.c}.${format}?jurisdiction_id=sfgov.org`), format, 404);
      expect(
        expectSpecError(await get(`/open311/v2/requests/${n.c}.${format}?status=open`), format, 400)[0]!.description,
      ).toBe('status: Unknown field');
    });
  });

  it('presents an open request: SLA deadline as expected_datetime, Shanghai time, no reporter data', async () => {
    const a = (await list()).find((r) => r.service_request_id === n.a)!;
    const stored = await row(n.a);
    expect(a).toEqual({
      service_request_id: n.a,
      status: 'open',
      status_notes: null,
      service_name: 'Street-occupying trade',
      service_code: '09006',
      description: '摊主电话 139****5678，身份证 430225********1234',
      agency_responsible: null,
      service_notice: null,
      requested_datetime: shanghaiIso(minute(1)),
      updated_datetime: shanghaiIso(minute(1)),
      expected_datetime: shanghaiIso(stored.stageDueAt!),
      address: '炎帝大道 88 号',
      address_id: '430225100',
      zipcode: null,
      lat: 26.489,
      long: 113.772,
      media_url: null,
    });
  });

  it('presents closed requests: 不予立案 with its reason scrubbed, a duplicate with the case it joined, the closing time as updated_datetime', async () => {
    const [c, d] = [(await list(`?service_request_id=${n.c}`))[0]!, (await list(`?service_request_id=${n.d}`))[0]!];
    expect(c).toMatchObject({
      status: 'closed',
      status_notes: '不属于城管范围，请拨打 137****1111',
      updated_datetime: shanghaiIso(minute(3)),
      expected_datetime: null,
    });
    expect(d).toMatchObject({
      status: 'closed',
      status_notes: `Duplicate of case ${n.a}, which it was merged into`,
      updated_datetime: shanghaiIso(minute(4)),
      expected_datetime: null,
    });
    const zh = (await get(`/open311/v2/requests/${n.d}.json`, { 'accept-language': 'zh' })).json()[0];
    expect(zh).toMatchObject({ status_notes: `与案件 ${n.a} 重复，已并入该案件办理`, service_name: '占道经营' });
  });

  it('names the department once dispatched and expects the handling deadline (处置时限)', async () => {
    const e = (await list(`?service_request_id=${n.e}`))[0]!;
    const stored = await row(n.e);
    expect(e).toMatchObject({
      status: 'open',
      agency_responsible: 'County Urban Management and Law Enforcement Bureau',
      expected_datetime: shanghaiIso(stored.handleDueAt!),
    });
    expect(
      (await get(`/open311/v2/requests/${n.e}.json`, { 'accept-language': 'zh' })).json()[0].agency_responsible,
    ).toBe('县城市管理和综合执法局');
  });

  it('never publishes the reporter: phone, account, partner key', async () => {
    for (const format of formats) {
      const body = (await get(`/open311/v2/requests.${format}?extensions=true`)).body;
      expect(body).not.toMatch(/13812345678|138\*{4}5678|acc-1|13912345678|430225199001011234/);
    }
  });

  it('covers the last 90 days by default; a window or one end of it selects the rest', async () => {
    expect(await ids()).not.toContain(old);
    const reportedOld = shanghaiIso((await row(old)).reportedAt);
    expect(await ids(`?start_date=${encodeURIComponent(reportedOld)}`)).toEqual([old]); // start + 90 days ends before today's cases
    expect(await ids(`?end_date=${encodeURIComponent(reportedOld)}`)).toEqual([old]);
    expect(
      await ids(
        `?start_date=${encodeURIComponent(shanghaiIso(minute(2)))}&end_date=${encodeURIComponent(shanghaiIso(minute(4)))}`,
      ),
    ).toEqual([n.d, n.c, n.b]);
    expect(await ids('?start_date=2026-03-02T01:03:00Z&end_date=2026-03-02T01:03:00Z')).toEqual([n.c]); // both ends included, Z accepted
  });

  it('lets service_request_id override every other argument, ignoring unknown and malformed ids', async () => {
    expect(
      await ids(
        `?service_request_id=${n.a},${old},2026-99999999,x&status=closed&service_code=06001&start_date=2020-01-01T00:00:00Z`,
      ),
    ).toEqual([n.a, old]);
    expect(await ids(`?service_request_id=${encodeURIComponent(` ${n.b} , ${n.b}`)}`)).toEqual([n.b]);
    const tooMany = Array.from({ length: 1001 }, (_, i) => `2026-${String(i).padStart(8, '0')}`).join(',');
    expect(
      expectSpecError(await get(`/open311/v2/requests.json?service_request_id=${tooMany}`), 'json', 400)[0]!
        .description,
    ).toBe('service_request_id: At most 1000 ids per query');
  });

  it('filters by status (open, closed, both) and by comma-separated service codes', async () => {
    expect(await ids('?status=open')).toEqual([n.e, n.b, n.a]);
    expect(await ids('?status=closed')).toEqual([n.d, n.c]);
    expect(await ids('?status=open,closed')).toEqual([n.e, n.d, n.c, n.b, n.a]);
    expect(await ids('?service_code=06001')).toEqual([n.b]);
    expect(await ids('?service_code=06001,09006&status=closed')).toEqual([n.d, n.c]);
    expect(await ids('?service_code=99999')).toEqual([]);
    expect(bodyOf(await get('/open311/v2/requests.xml?service_code=99999'), 'xml', 'service_requests')).toEqual({});
  });

  it('pages with the wiki extension: page and page_size, newest first, no overlap', async () => {
    expect(await ids('?page_size=2')).toEqual([n.e, n.d]);
    expect(await ids('?page_size=2&page=2')).toEqual([n.c, n.b]);
    expect(await ids('?page_size=2&page=3')).toEqual([n.a]);
    expect(await ids('?page_size=2&page=4')).toEqual([]);
    expect(await ids('?page=')).toHaveLength(5); // empty ≡ absent
  });

  it('adds extended_attributes with extensions=true: channel, CitySDK and mySociety statuses, township, 督办 level', async () => {
    const requests = await list('?extensions=true');
    const byId = new Map(requests.map((r) => [r.service_request_id, r.extended_attributes]));
    expect(byId.get(n.b)).toEqual({
      channel: 'hotline',
      detailed_status: 'RECEIVED',
      extended_status: 'FOR_TRIAGE',
      township: '霞阳镇',
      township_code: '430225100',
      escalation_level: 0,
    });
    expect(byId.get(n.c)).toMatchObject({ detailed_status: 'REJECTED', extended_status: 'NO_FURTHER_ACTION' });
    expect(byId.get(n.d)).toMatchObject({ detailed_status: 'REJECTED', extended_status: 'DUPLICATE' });
    expect(byId.get(n.e)).toMatchObject({
      channel: 'other',
      detailed_status: 'IN_PROCESS',
      extended_status: 'ACTION_SCHEDULED',
    });
    expect((await list('?extensions=false'))[0]).not.toHaveProperty('extended_attributes');
    const one = (await get(`/open311/v2/requests/${n.b}.xml?extensions=true`)).body;
    expect(one).toContain('<extended_attributes><channel>hotline</channel><detailed_status>RECEIVED</detailed_status>');
  });
});
