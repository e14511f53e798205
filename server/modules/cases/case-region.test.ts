import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../db/schema/audit.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, inXiayang, prepareCases, reportBody, xiayang } from './cases.test-support.ts';
import { createPartnerKeys, type PartnerKeys, postForm } from './open311/contract/contract.test-support.ts';

/** A case reported without a township waits in the county queue; the dispatcher sets it when registering. */
describe('township to be assigned', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  let keys: PartnerKeys;
  beforeAll(async () => {
    who = await prepareCases(t);
    keys = await createPartnerKeys(t);
  });

  /** A GeoReport v2 client's report with only what the spec requires: a service, a point and a description. */
  const reportWithoutTownship = async (): Promise<{ caseNo: string; revision: number }> => {
    const fields = {
      api_key: keys.partner.key,
      service_code: '09006',
      lat: String(inXiayang.lat),
      long: String(inXiayang.lng),
      description: '水果摊占道',
    };
    const res = await postForm(t, '/open311/v2/requests.json', fields);
    expect(res.statusCode, res.body).toBe(200);
    const caseNo: string = res.json()[0].service_request_id;
    return { caseNo, revision: (await get(`/api/cases/${caseNo}`, who.dispatcher)).json().revision };
  };

  it('400 when registering without the township, or with one outside the county or not a township or village', async () => {
    const { caseNo, revision } = await reportWithoutTownship();
    const missing = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({
      regionCode: 'Set the township or village the case is in before registering it',
    });
    const foreign = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision, regionCode: '430224100' });
    expect(foreign.json().error.fields).toEqual({ regionCode: 'That township or village is not in this county' });
    const unknown = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision, regionCode: '430225999' });
    expect(unknown.json().error.fields).toEqual({ regionCode: 'No such township or village' });
    const malformed = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision, regionCode: '430225' });
    expect(malformed.statusCode).toBe(400);
    expect((await get(`/api/cases/${caseNo}`, who.dispatcher)).json()).toMatchObject({
      status: 'reported',
      townshipCode: '430225',
    });
  });

  it('404 for a township dispatcher: the case is in the county queue, not theirs', async () => {
    const { caseNo, revision } = await reportWithoutTownship();
    const township = await signIn(t.app, { roles: ['dispatcher'], scopeRegion: xiayang });
    expect((await post(`/api/cases/${caseNo}/register`, township, { revision, regionCode: xiayang })).statusCode).toBe(
      404,
    );
  });

  it('registers it into the township named: the township staff see it from then on, the timeline and audit say so', async () => {
    const { caseNo, revision } = await reportWithoutTownship();
    expect((await get(`/api/cases/${caseNo}`, who.inspector)).statusCode).toBe(404);
    const res = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision, regionCode: xiayang });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'registered',
      townshipCode: xiayang,
      regionCode: xiayang,
      townshipName: '霞阳镇',
    });
    expect((await get(`/api/cases/${caseNo}`, who.inspector)).json()).toMatchObject({
      status: 'registered',
      townshipCode: xiayang,
    });
    const [audit] = await t.db.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, 'cases.register'), eq(auditEvent.objectId, caseNo)));
    expect(audit!.details).toMatchObject({ township: xiayang });
  });

  it('a case reported with its township keeps it: registering with another one is refused', async () => {
    const reported = await post('/api/cases', who.inspector, await reportBody());
    const { caseNo } = reported.json();
    const { revision } = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    const moved = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision, regionCode: '430225101' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({
      regionCode: 'The case already has its township; registering does not change it',
    });
    const same = await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision, regionCode: xiayang });
    expect(same.statusCode, same.body).toBe(200);
  });
});
