import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesCase, casesEvent } from '../../../db/schema/cases.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type CaseActors, jpegBase64, prepareCases } from '../cases.test-support.ts';
import { registerReportsDirectly } from '../verify-report.test-support.ts';
import {
  advanceCase,
  bodyOf,
  createPartnerKeys,
  expectSameInBoth,
  expectSpecError,
  type FormFields,
  formats,
  listOf,
  type PartnerKeys,
  postForm,
  submitPartnerRequest,
} from './contract/contract.test-support.ts';
import {
  oneServiceRequestSchema,
  postUpdateResponseSchema,
  requestUpdatesSchema,
} from './contract/georeport-v2.schemas.ts';
import { shanghaiIso } from './format.ts';

type Request = Record<string, unknown> & { service_request_id: string };
type Update = {
  update_id: string;
  service_request_id: string;
  status: string;
  updated_datetime: string;
  description: string;
  media_url: string;
  external_status_code?: string;
};

/**
 * The round trip a partner sees: POST a request, follow it through GET while staff work it through the loop,
 * and read the status changes from mySociety's updates feed.
 */
describe('Open311 round trip and GET Service Request Updates', () => {
  const t = useTestApp();
  let who: CaseActors;
  let keys: PartnerKeys;
  let caseNo: string;
  let rejected: string;
  let merged: string;
  let target: string;
  const start = new Date('2026-03-02T01:00:00Z');
  const minute = (m: number) => new Date(start.getTime() + m * 60_000);
  let expectedWhenReported: unknown;

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
  const request = async () =>
    listOf<Request>(
      await get(`/open311/v2/requests/${caseNo}.json`),
      'json',
      'service_requests',
      oneServiceRequestSchema,
    )[0]!;
  const updatesUrl = (format: string, query = '') =>
    `/open311/v2/servicerequestupdates.${format}?api_key=${encodeURIComponent(keys.partner.key)}${query}`;
  const updates = async (query = '') =>
    listOf<Update>(await get(updatesUrl('json', query)), 'json', 'service_request_updates', requestUpdatesSchema);

  beforeAll(async () => {
    who = await prepareCases(t);
    await registerReportsDirectly(t);
    keys = await createPartnerKeys(t);
    t.clock.set(start);
    caseNo = await submitPartnerRequest(t, keys.partner.key);
    const reported = await request();
    expect(reported).toMatchObject({
      status: 'open',
      requested_datetime: shanghaiIso(start),
      updated_datetime: shanghaiIso(start),
    });
    expectedWhenReported = reported.expected_datetime;
    const steps: Array<[string, CaseActors[keyof CaseActors], Record<string, unknown>]> = [
      ['register', who.dispatcher, {}],
      ['dispatch', who.dispatcher, { department: 'chengguan' }],
      ['accept', who.handler, {}],
      ['feedback', who.handler, { result: '已劝离摊主', photos: [{ data: await jpegBase64() }] }],
      ['verify', who.inspector, { passed: true, note: '内部备注：复查 13912345678' }],
    ];
    for (const [index, [step, actor, body]] of steps.entries()) {
      t.clock.set(minute(2 * (index + 1)));
      await advanceCase(t, actor, caseNo, step, body);
    }
    t.clock.set(minute(20));
    rejected = await submitPartnerRequest(t, keys.partner.key);
    await advanceCase(t, who.dispatcher, rejected, 'reject', { reason: '非城管事项，请拨打 13700001111' });
    t.clock.set(minute(21));
    target = await submitPartnerRequest(t, keys.partner.key);
    merged = await submitPartnerRequest(t, keys.partner.key);
    await advanceCase(t, who.dispatcher, merged, 'merge', { duplicateOf: target });
    t.clock.set(minute(30));
  });

  it('shows the new request open with its SLA deadline, then closed at the verification time', async () => {
    expect(expectedWhenReported).toMatch(/^2026-03-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(new Date(expectedWhenReported as string).getTime()).toBeGreaterThan(start.getTime());
    expect(await request()).toMatchObject({
      status: 'closed',
      status_notes: null,
      expected_datetime: null,
      requested_datetime: shanghaiIso(start),
      updated_datetime: shanghaiIso(minute(10)),
    });
  });

  it('lists every status change of the loop as an update, oldest first, the report itself and staff notes left out', async () => {
    const own = (await updates()).filter((u) => u.service_request_id === caseNo);
    expect(own).toEqual([
      {
        update_id: `${caseNo}-2`,
        service_request_id: caseNo,
        status: 'INVESTIGATING',
        updated_datetime: shanghaiIso(minute(2)),
        description: 'Registered',
        media_url: '',
        external_status_code: 'registered',
      },
      {
        update_id: `${caseNo}-3`,
        service_request_id: caseNo,
        status: 'ACTION_SCHEDULED',
        updated_datetime: shanghaiIso(minute(4)),
        description: 'Dispatched',
        media_url: '',
        external_status_code: 'dispatched',
      },
      {
        update_id: `${caseNo}-4`,
        service_request_id: caseNo,
        status: 'IN_PROGRESS',
        updated_datetime: shanghaiIso(minute(6)),
        description: 'Being handled',
        media_url: '',
        external_status_code: 'handling',
      },
      {
        update_id: `${caseNo}-5`,
        service_request_id: caseNo,
        status: 'IN_PROGRESS',
        updated_datetime: shanghaiIso(minute(8)),
        description: 'Awaiting verification',
        media_url: '',
        external_status_code: 'handled',
      },
      {
        update_id: `${caseNo}-6`,
        service_request_id: caseNo,
        status: 'FIXED',
        updated_datetime: shanghaiIso(minute(10)),
        description: 'Closed',
        media_url: '',
        external_status_code: 'closed',
      },
    ]);
    expect(JSON.stringify(await updates())).not.toMatch(/内部备注|13912345678/);
  });

  it('says why a request was not taken on (scrubbed) and which case a duplicate joined', async () => {
    const all = await updates();
    expect(all.find((u) => u.service_request_id === rejected)).toMatchObject({
      status: 'NO_FURTHER_ACTION',
      description: 'Rejected: 非城管事项，请拨打 137****1111',
      external_status_code: 'rejected',
    });
    const joined = all.find((u) => u.service_request_id === merged)!;
    expect(joined).toMatchObject({
      status: 'DUPLICATE',
      external_status_code: 'duplicate',
      description: `Merged: merged into case ${target}`,
    });
    expect(all.some((u) => u.service_request_id === target)).toBe(false); // still reported: no status change yet
  });

  it('selects updates by updated_datetime and pages them', async () => {
    const window = `&start_date=${encodeURIComponent(shanghaiIso(minute(5)))}&end_date=${encodeURIComponent(shanghaiIso(minute(8)))}`;
    expect((await updates(window)).map((u) => u.update_id)).toEqual([`${caseNo}-4`, `${caseNo}-5`]);
    const all = await updates();
    expect((await updates('&page_size=2&page=2')).map((u) => u.update_id)).toEqual(
      all.slice(2, 4).map((u) => u.update_id),
    );
  });

  describe.each(formats)('servicerequestupdates.%s', (format) => {
    it('the same updates in JSON and XML, statuses in upper case', async () => {
      const json = await updates();
      expect(json.length).toBeGreaterThanOrEqual(7);
      const xml = bodyOf(await get(updatesUrl(format)), format, 'service_request_updates');
      expectSameInBoth(json, xml, format, 'service_request_updates');
    });

    it('403 without an api_key, with a wrong one, or with one lacking cases.open311.submit', async () => {
      expectSpecError(await get(`/open311/v2/servicerequestupdates.${format}`), format, 403);
      expectSpecError(
        await get(`/open311/v2/servicerequestupdates.${format}?api_key=wm_nothere_${'x'.repeat(43)}`),
        format,
        403,
      );
      expectSpecError(
        await get(`/open311/v2/servicerequestupdates.${format}?api_key=${encodeURIComponent(keys.reader.key)}`),
        format,
        403,
      );
    });

    it('404 for a foreign jurisdiction, 400 for an unknown parameter or a window over 90 days', async () => {
      expectSpecError(await get(updatesUrl(format, '&jurisdiction_id=430224')), format, 404);
      expect(expectSpecError(await get(updatesUrl(format, '&status=open')), format, 400)).toEqual([
        { code: 400, description: 'status: Unknown field' },
      ]);
      const span = '&start_date=2025-01-01T00:00:00Z&end_date=2026-03-02T00:00:00Z';
      expect(expectSpecError(await get(updatesUrl(format, span)), format, 400)).toEqual([
        { code: 400, description: 'end_date: start_date and end_date may be at most 90 days apart' },
      ]);
    });
  });

  describe('POST servicerequestupdates (a partner comment)', () => {
    const comment = (overrides: FormFields = {}): FormFields => ({
      api_key: keys.partner.key,
      service_request_id: caseNo,
      update_id: 'fms-comment-1',
      status: 'OPEN',
      updated_datetime: '2026-03-02T09:31:00+08:00',
      description: '市民补充：摊位晚上又出现了',
      first_name: '张',
      email: 'z@example.cn',
      ...overrides,
    });
    const post = (format: string, fields: FormFields) =>
      postForm(t, `/open311/v2/servicerequestupdates.${format}`, fields, { 'accept-language': 'en' });
    const partnerEvents = async (id: string) => {
      const [row] = await t.db.database.db
        .select()
        .from(casesCase)
        .where(and(eq(casesCase.regionCode, '430225'), eq(casesCase.caseNo, id)));
      return t.db.database.db
        .select()
        .from(casesEvent)
        .where(and(eq(casesEvent.caseId, row!.id), eq(casesEvent.action, 'partner_update')));
    };

    it.each(formats)(
      '.%s: records the comment on the timeline without moving the case, once per update_id',
      async (format) => {
        const fields = comment({ update_id: `fms-${format}` });
        const json = listOf<{ update_id: string }>(
          await post('json', fields),
          'json',
          'service_request_updates',
          postUpdateResponseSchema,
        );
        expect(json).toEqual([{ update_id: expect.stringMatching(new RegExp(`^${caseNo}-\\d+$`)) }]);
        expectSameInBoth(
          json,
          bodyOf(await post(format, fields), format, 'service_request_updates'),
          format,
          'service_request_updates',
        );
        const events = (await partnerEvents(caseNo)).filter((e) => e.details.updateId === `fms-${format}`);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          actorKind: 'api_key',
          actorId: keys.partner.id,
          fromStatus: 'closed',
          toStatus: 'closed',
          note: '市民补充：摊位晚上又出现了',
          details: { status: 'OPEN' },
        });
        expect(JSON.stringify(events[0])).not.toContain('z@example.cn');
        expect((await request()).status).toBe('closed');
        expect((await updates()).some((u) => u.update_id === json[0]!.update_id)).toBe(false);
      },
    );

    it.each(formats)(
      '.%s: 403 without a partner key, 404 for a request it did not submit, 400 for REOPEN and bad arguments',
      async (format) => {
        expectSpecError(await post(format, comment({ api_key: keys.reader.key })), format, 403);
        const other = await createPartnerKeys(t);
        expect(
          expectSpecError(await post(format, comment({ api_key: other.partner.key })), format, 404)[0]!.description,
        ).toBe('Service request (service_request_id) not found');
        expectSpecError(await post(format, comment({ service_request_id: '2026-99999999' })), format, 404);
        expect(expectSpecError(await post(format, comment({ status: 'REOPEN' })), format, 400)[0]!.description).toBe(
          'status: Cases cannot be reopened through Open311; submit a new service request',
        );
        expect(expectSpecError(await post(format, comment({ status: 'fixed' })), format, 400)[0]!.description).toBe(
          'status: Not one of the allowed values',
        );
        expect(
          expectSpecError(await post(format, comment({ updated_datetime: '2026-03-02 09:31' })), format, 400)[0]!
            .description,
        ).toMatch(/^updated_datetime: Must be a date and time/);
        expect(expectSpecError(await post(format, comment({ colour: 'red' })), format, 400)[0]!.description).toBe(
          'colour: Unknown field',
        );
        expectSpecError(await post(format, comment({ jurisdiction_id: 'sfgov.org' })), format, 404);
      },
    );
  });
});
