import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, miandu, prepareCases, reportBody, xiayang } from './cases.test-support.ts';
import { stagedId, staffUploadUrl } from './photo-uploads/uploads.test-support.ts';

/** A 12345 call as the dispatcher takes it: township and address instead of a point, no photo. */
function intake(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'hotline',
    categoryCode: '09006',
    regionCode: xiayang,
    address: '霞阳镇炎帝大道 88 号门前',
    description: '来电反映水果摊占用人行道经营，行人只能走机动车道',
    photos: [],
    callerName: '王先生',
    phone: '139 0733 1234',
    smsConsent: true,
    ticketNo: ' rx260312-001 ',
    ...overrides,
  };
}

describe('staff reports and the 12345 hotline intake (POST /api/cases)', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  let cadre: SignedIn;
  let miandouCadre: SignedIn;
  beforeAll(async () => {
    who = await prepareCases(t);
    cadre = await signIn(t.app, { roles: ['village_cadre'], scopeRegion: xiayang });
    miandouCadre = await signIn(t.app, { roles: ['village_cadre'], scopeRegion: miandu });
  });

  const countCases = async () => (await get('/api/cases?pageSize=1', who.dispatcher)).json().total as number;
  const detailOf = async (caseNo: string, actor = who.dispatcher) => (await get(`/api/cases/${caseNo}`, actor)).json();

  it('401 without a session', async () => {
    expect((await post('/api/cases', null, intake())).statusCode).toBe(401);
  });

  it('400: the caller’s fields and the hotline channel without 热线受理, each at its field', async () => {
    const inspector = await post('/api/cases', who.inspector, {
      ...(await reportBody()),
      callerName: '王先生',
      ticketNo: 'RX1',
      phone: '13907331234',
    });
    expect(inspector.statusCode).toBe(400);
    expect(inspector.json().error.fields).toEqual({
      callerName: 'Only a hotline intake takes this field',
      phone: 'Only a hotline intake takes this field',
      ticketNo: 'Only a hotline intake takes this field',
    });
    for (const [actor, channel] of [
      [who.inspector, 'hotline'],
      [who.volunteer, 'patrol'],
      [who.coordinator, 'hotline'],
      [who.dispatcher, 'citizen'],
    ] as const) {
      const res = await post('/api/cases', actor, await reportBody({ channel }));
      expect(res.json().error.fields, channel).toEqual({ channel: 'You cannot report cases from this source' });
    }
  });

  it('400: an intake without what a call must say, field by field, in zh or en', async () => {
    const cases = await countCases();
    const noWords = await post('/api/cases', who.dispatcher, intake({ description: '  ', address: '' }));
    expect(noWords.json().error.fields).toEqual({ address: expect.any(String), description: expect.any(String) });
    const badTicket = await post('/api/cases', who.dispatcher, intake({ ticketNo: '工单 12' }));
    expect(badTicket.json().error.fields).toEqual({ ticketNo: 'A ticket number is 3–40 letters, digits or - _ /' });
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: who.dispatcher.headers,
      payload: intake({ phone: '12345' }),
    });
    expect(zh.json().error.fields).toEqual({ phone: '请输入有效的手机号码' });
    const unknown = await post('/api/cases', who.dispatcher, intake({ callerIdCard: '430225199001011234' }));
    expect(unknown.json().error.fields).toEqual({ callerIdCard: 'Unknown field' });
    const longName = await post('/api/cases', who.dispatcher, intake({ callerName: '王'.repeat(41) }));
    expect(Object.keys(longName.json().error.fields)).toEqual(['callerName']);
    // An inspector's report without photos is still refused; only a call goes without.
    const noPhoto = await post('/api/cases', who.inspector, await reportBody({ photos: [] }));
    expect(Object.keys(noPhoto.json().error.fields)).toEqual(['photos']);
    expect(await countCases()).toBe(cases);
  });

  it('403 for a role without the report permission; a place outside one’s area is refused at regionCode', async () => {
    expect((await post('/api/cases', who.handler, intake())).statusCode).toBe(403);
    const foreign = await post('/api/cases', miandouCadre, await reportBody({ regionCode: xiayang }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({
      regionCode: 'This place is outside your area; you cannot report there',
    });
  });

  it('each reporter’s channel is decided by the server from who they are', async () => {
    const channelOf = async (actor: SignedIn, body: Record<string, unknown>) => {
      const res = await post('/api/cases', actor, body);
      expect(res.statusCode, res.body).toBe(201);
      return (await detailOf(res.json().caseNo)).channel;
    };
    expect(await channelOf(who.inspector, await reportBody())).toBe('patrol');
    expect(await channelOf(who.volunteer, await reportBody())).toBe('volunteer');
    expect(await channelOf(cadre, await reportBody())).toBe('other');
    expect(await channelOf(who.coordinator, await reportBody())).toBe('other');
    expect(await channelOf(who.dispatcher, await reportBody())).toBe('other');
    const { channel: _c, ...unsaid } = intake({ ticketNo: 'RX260312-050' });
    expect(await channelOf(who.dispatcher, unsaid)).toBe('hotline');
  });

  it('an inspector whose phone found no position reports by township and address', async () => {
    const { lng: _lng, lat: _lat, ...body } = await reportBody();
    const res = await post('/api/cases', who.inspector, { ...body, description: undefined });
    expect(res.statusCode, res.body).toBe(201);
    const detail = await detailOf(res.json().caseNo);
    expect(detail).toMatchObject({ channel: 'patrol', lng: null, lat: null, description: '' });
    const nowhere = await post('/api/cases', who.inspector, { ...body, address: ' ' });
    expect(nowhere.json().error.fields).toEqual({ address: expect.any(String) });
  });

  describe('a hotline intake', () => {
    let caseNo: string;
    let trackingToken: string;
    const key = { 'idempotency-key': 'hotline-desk-0001' };
    beforeAll(async () => {
      const res = await post('/api/cases', who.dispatcher, intake(), key);
      expect(res.statusCode, res.body).toBe(201);
      ({ caseNo, trackingToken } = res.json());
    });

    it('answers with the 查询码 the desk reads out: it opens the caller’s tracking page, and only its hash is kept', async () => {
      const tracked = await t.app.inject({
        method: 'GET',
        url: `/api/public/cases/${caseNo}`,
        headers: { 'x-case-token': trackingToken },
      });
      expect(tracked.statusCode, tracked.body).toBe(200);
      expect(tracked.json()).toMatchObject({ caseNo, status: 'verifying' });
      const wrong = await t.app.inject({
        method: 'GET',
        url: `/api/public/cases/${caseNo}`,
        headers: { 'x-case-token': `${trackingToken}x` },
      });
      expect(wrong.statusCode).toBe(403);
      const [row] = await t.db.database.query<{ hash: string }>(
        'select tracking_token_hash as hash from cases_case where case_no = $1',
        [caseNo],
      );
      expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.hash).not.toContain(trackingToken);
      // A retried intake replays the same code, so the caller is never told one that does not work.
      expect((await post('/api/cases', who.dispatcher, intake(), key)).json().trackingToken).toBe(trackingToken);
    });

    it('is stored with its 工单号, the caller masked, no point and no photo', async () => {
      const detail = await detailOf(caseNo);
      expect(detail).toMatchObject({
        channel: 'hotline',
        lng: null,
        townshipCode: xiayang,
        photos: [],
        reporter: { kind: 'staff', phone: '139****1234', name: '王*生', ticketNo: 'RX260312-001', smsConsent: true },
      });
      const list = await get(`/api/cases?q=${caseNo}`, who.dispatcher);
      expect(list.body).not.toContain('13907331234');
      expect(JSON.stringify(detail)).not.toContain('王先生');
    });

    it('keeps the caller’s phone and name encrypted at rest, and the audit row names the ticket, not the caller', async () => {
      const [row] = await t.db.database.query<{ phone: string; name: string; ticket: string }>(
        'select reporter_phone_enc as phone, reporter_name_enc as name, hotline_ticket_no as ticket from cases_case where case_no = $1',
        [caseNo],
      );
      expect(row?.ticket).toBe('RX260312-001');
      expect(row?.phone).not.toContain('13907331234');
      expect(row?.phone).not.toContain('1234');
      expect(row?.name).not.toContain('王');
      const audits = await t.db.database.query<{ details: Record<string, unknown> }>(
        "select details from audit_event where event_type = 'cases.report' and object_id = $1",
        [caseNo],
      );
      expect(audits.map((a) => a.details)).toEqual([
        { category: '09006', channel: 'hotline', township: xiayang, ticketNo: 'RX260312-001' },
      ]);
      expect(JSON.stringify(audits)).not.toContain('1234');
    });

    it('shows the clear phone only through the audited reveal', async () => {
      const res = await post('/api/pii/reveal', who.dispatcher, {
        objectType: 'case',
        objectId: caseNo,
        fields: ['reporterPhone'],
        reason: '回访来电人核实办理情况',
      });
      expect(res.json()).toEqual({ values: { reporterPhone: '13907331234' } });
      expect(
        (
          await post('/api/pii/reveal', who.inspector, {
            objectType: 'case',
            objectId: caseNo,
            fields: ['reporterPhone'],
            reason: '回访来电人核实办理情况',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('a lost answer retried with the same key gives the same case, not a 409', async () => {
      const cases = await countCases();
      const again = await post('/api/cases', who.dispatcher, intake(), key);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().caseNo).toBe(caseNo);
      expect(await countCases()).toBe(cases);
    });

    it('409 for a second intake of the same ticket, however it is keyed in, naming the first case', async () => {
      const cases = await countCases();
      const twice = await post('/api/cases', who.dispatcher, intake({ ticketNo: 'ＲＸ２６０３１２－００１' }));
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error).toMatchObject({
        code: 'hotline_ticket_taken',
        fields: { ticketNo: `Ticket RX260312-001 was already taken in as case ${caseNo}; do not enter it twice` },
      });
      expect(await countCases()).toBe(cases);
    });

    it('another township’s inspector cannot open it (404), nor is the ticket’s case named to a holder who cannot', async () => {
      expect((await get(`/api/cases/${caseNo}`, who.miandouInspector)).statusCode).toBe(404);
      const townDesk = await signIn(t.app, { roles: ['dispatcher'], scopeRegion: miandu });
      const blind = await post('/api/cases', townDesk, intake({ regionCode: miandu }));
      expect(blind.statusCode).toBe(409);
      expect(blind.body).not.toContain(caseNo);
    });
  });

  it('an inspector’s report naming uploaded photos, retried after a lost answer, is the same case', async () => {
    const uploadId = await stagedId(t, staffUploadUrl, who.inspector);
    const body = await reportBody({ photos: [{ uploadId }], description: undefined });
    const key = { 'idempotency-key': 'field-draft-0b1c2d3e' };
    const first = await post('/api/cases', who.inspector, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post('/api/cases', who.inspector, body, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect((await detailOf(first.json().caseNo)).photos).toHaveLength(1);
  });
});
