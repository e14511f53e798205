import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, miandu, prepareCases, reportBody, xiayang } from './cases.test-support.ts';
import { registerReportsDirectly } from './verify-report.test-support.ts';
import { stagedId, staffUploadUrl } from './photo-uploads/uploads.test-support.ts';

/**
 * Every request that names a second record — a merge target, a photo, a staged upload, a department, a place —
 * is checked in the caller's scope, and "not yours" answers exactly as "not there" (audited when it is not
 * yours). Issue #9, item 3: a 霞阳镇 dispatcher merged a case into a 沔渡镇 one.
 */
describe('cases: second records named in a request, in the caller’s scope', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  let xiayangDispatcher: SignedIn;
  beforeAll(async () => {
    who = await prepareCases(t);
    await registerReportsDirectly(t);
    xiayangDispatcher = await signIn(t.app, { roles: ['dispatcher'], scopeRegion: xiayang });
  });

  const denials = async (objectId: string) =>
    (
      await t.db.database.query<{ reason_code: string }>(
        "select reason_code from audit_event where event_type = 'access.denied' and object_id = $1",
        [objectId],
      )
    ).map((r) => r.reason_code);
  const miandouCase = async () =>
    (await post('/api/cases', who.miandouInspector, await reportBody({ regionCode: miandu }))).json().caseNo as string;
  const missingCaseNo = '2026-09999999';

  describe('merge (duplicateOf)', () => {
    it('another township’s case answers as a missing one: 404 at duplicateOf, audited, nothing merged, and the reporter sees only their own steps', async () => {
      const own = (await post('/api/public/cases', null, await reportBody())).json();
      const foreign = await miandouCase();
      const { revision } = (await get(`/api/cases/${own.caseNo}`, xiayangDispatcher)).json();
      const intoForeign = await post(`/api/cases/${own.caseNo}/merge`, xiayangDispatcher, {
        revision,
        duplicateOf: foreign,
      });
      const intoMissing = await post(`/api/cases/${own.caseNo}/merge`, xiayangDispatcher, {
        revision,
        duplicateOf: missingCaseNo,
      });
      expect(intoForeign.statusCode, intoForeign.body).toBe(404);
      expect(intoForeign.json()).toEqual(intoMissing.json());
      expect(intoForeign.json().error).toMatchObject({ code: 'not_found', fields: { duplicateOf: 'Case not found' } });
      expect(await denials(foreign)).toEqual(['out_of_scope']);
      expect(await denials(missingCaseNo)).toEqual([]);
      expect((await get(`/api/cases/${own.caseNo}`, xiayangDispatcher)).json()).toMatchObject({
        status: 'reported',
        revision,
        duplicateOf: null,
      });
      const tracked = (
        await get(`/api/public/cases/${own.caseNo}`, null, { 'x-case-token': own.trackingToken })
      ).json();
      expect(tracked).toMatchObject({ status: 'reported', followsCaseNo: null, steps: [{ status: 'reported' }] });
      expect(tracked.steps).toHaveLength(1);
    });

    it('a closed case in scope is refused as before; a county dispatcher may merge across townships, and the reporter then follows', async () => {
      const own = (await post('/api/public/cases', null, await reportBody())).json();
      const foreign = await miandouCase();
      const { revision } = (await get(`/api/cases/${own.caseNo}`, who.dispatcher)).json();
      const merged = await post(`/api/cases/${own.caseNo}/merge`, who.dispatcher, { revision, duplicateOf: foreign });
      expect(merged.statusCode, merged.body).toBe(200);
      const tracked = (
        await get(`/api/public/cases/${own.caseNo}`, null, { 'x-case-token': own.trackingToken })
      ).json();
      expect(tracked).toMatchObject({ status: 'reported', followsCaseNo: foreign });
      // The 霞阳镇 reader of the 沔渡镇 case's duplicate does not learn the 沔渡镇 number; the county does.
      expect((await get(`/api/cases/${own.caseNo}`, xiayangDispatcher)).json().duplicateOf).toBeNull();
      expect((await get(`/api/cases/${own.caseNo}`, who.dispatcher)).json().duplicateOf).toBe(foreign);
      const another = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
      const view = (await get(`/api/cases/${another}`, who.dispatcher)).json();
      const intoMerged = await post(`/api/cases/${another}/merge`, who.dispatcher, {
        revision: view.revision,
        duplicateOf: own.caseNo,
      });
      expect(intoMerged.json().error.fields).toEqual({ duplicateOf: 'Cases can only be merged into an open case' });
    });

    it('the merged reports a case lists are those the reader may open', async () => {
      const target = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
      const foreign = await miandouCase();
      const { revision } = (await get(`/api/cases/${foreign}`, who.dispatcher)).json();
      expect(
        (await post(`/api/cases/${foreign}/merge`, who.dispatcher, { revision, duplicateOf: target })).statusCode,
      ).toBe(200);
      expect((await get(`/api/cases/${target}`, who.dispatcher)).json().duplicates).toEqual([foreign]);
      expect((await get(`/api/cases/${target}`, who.inspector)).json().duplicates).toEqual([]);
    });
  });

  describe('photos (photoId)', () => {
    it('another township’s photo asked for under one’s own case is the same 404 as a missing photo, audited', async () => {
      const own = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
      const foreign = await miandouCase();
      const foreignPhoto = (await get(`/api/cases/${foreign}`, who.miandouInspector)).json().photos[0].id as string;
      const viaOwn = await get(`/api/cases/${own}/photos/${foreignPhoto}`, who.inspector);
      const missing = await get(`/api/cases/${own}/photos/${randomUUID()}`, who.inspector);
      expect(viaOwn.statusCode).toBe(404);
      expect(viaOwn.json()).toEqual(missing.json());
      expect(await denials(foreignPhoto)).toEqual(['out_of_scope']);
    });

    it('a photo of another case the reader may open is only "not under this number": 404, no denial', async () => {
      const own = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
      const neighbour = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
      const photo = (await get(`/api/cases/${neighbour}`, who.inspector)).json().photos[0].id as string;
      expect((await get(`/api/cases/${own}/photos/${photo}`, who.inspector)).statusCode).toBe(404);
      expect((await get(`/api/cases/${neighbour}/photos/${photo}`, who.inspector)).statusCode).toBe(200);
      expect(await denials(photo)).toEqual([]);
    });

    it('the reporter’s tracking code opens only their case’s photos: another case’s is a 404 like a missing one, audited', async () => {
      const own = (await post('/api/public/cases', null, await reportBody())).json();
      const foreign = await miandouCase();
      const foreignPhoto = (await get(`/api/cases/${foreign}`, who.dispatcher)).json().photos[0].id as string;
      const headers = { 'x-case-token': own.trackingToken };
      const viaOwn = await get(`/api/public/cases/${own.caseNo}/photos/${foreignPhoto}`, null, headers);
      const missing = await get(`/api/public/cases/${own.caseNo}/photos/${randomUUID()}`, null, headers);
      expect(viaOwn.statusCode).toBe(404);
      expect(viaOwn.json()).toEqual(missing.json());
      expect(await denials(foreignPhoto)).toEqual(['out_of_scope']);
      const ownPhoto = (await get(`/api/cases/${own.caseNo}`, who.dispatcher)).json().photos[0].id as string;
      expect((await get(`/api/public/cases/${own.caseNo}/photos/${ownPhoto}`, null, headers)).statusCode).toBe(200);
    });
  });

  describe('staged uploads (uploadId)', () => {
    it('someone else’s upload is refused at its field exactly as a missing one, audited, and stays theirs', async () => {
      const theirs = await stagedId(t, staffUploadUrl, who.inspector);
      const withTheirs = await post(
        '/api/cases',
        who.otherInspector,
        await reportBody({ photos: [{ uploadId: theirs }] }),
      );
      const withMissing = await post(
        '/api/cases',
        who.otherInspector,
        await reportBody({ photos: [{ uploadId: randomUUID() }] }),
      );
      expect(withTheirs.statusCode).toBe(400);
      expect(withTheirs.json()).toEqual(withMissing.json());
      expect(withTheirs.json().error.fields).toEqual({ 'photos.0': expect.stringContaining('not found') });
      expect(await denials(theirs)).toEqual(['out_of_scope']);
      expect(
        (await post('/api/cases', who.inspector, await reportBody({ photos: [{ uploadId: theirs }] }))).statusCode,
      ).toBe(201);
    });
  });

  describe('departments (dispatch)', () => {
    it('an inactive department answers as one that does not exist', async () => {
      await t.db.database.query(
        "insert into cases_department (region_code, key, title_zh, title_en, active, sort_order) values ('430225', 'closed_office', '已撤销科室', 'Closed office', false, 99)",
      );
      const caseNo = (await post('/api/cases', who.inspector, await reportBody())).json().caseNo;
      const { revision } = (await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision: 0 })).json();
      const inactive = await post(`/api/cases/${caseNo}/dispatch`, who.dispatcher, {
        revision,
        department: 'closed_office',
      });
      const unknown = await post(`/api/cases/${caseNo}/dispatch`, who.dispatcher, {
        revision,
        department: 'no_such_office',
      });
      expect(inactive.statusCode).toBe(400);
      expect(inactive.json()).toEqual(unknown.json());
    });
  });

  describe('places (regionCode) and the duplicate picker', () => {
    it('a township’s inspector cannot report a case into another township: refused at regionCode, audited, nothing stored', async () => {
      const before = (await get('/api/cases?pageSize=1', who.dispatcher)).json().total;
      const res = await post('/api/cases', who.inspector, await reportBody({ regionCode: miandu }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({
        regionCode: 'This place is outside your area; you cannot report there',
      });
      expect(await denials(miandu)).toEqual(['out_of_scope']);
      expect((await get('/api/cases?pageSize=1', who.dispatcher)).json().total).toBe(before);
    });

    it('the intake’s nearby cases (the merge picker) are the reader’s; the public report form still sees the county', async () => {
      const place = { lng: 113.9, lat: 26.3 };
      const foreign = (
        await post('/api/cases', who.miandouInspector, await reportBody({ regionCode: miandu, ...place }))
      ).json().caseNo as string;
      const near = `/api/cases/nearby?categoryCode=09006&lng=${place.lng}&lat=${place.lat}`;
      expect((await get(near, xiayangDispatcher)).json().items.map((i: { caseNo: string }) => i.caseNo)).not.toContain(
        foreign,
      );
      expect((await get(near, who.dispatcher)).json().items.map((i: { caseNo: string }) => i.caseNo)).toContain(
        foreign,
      );
      expect(
        (await get(near.replace('/api/cases/', '/api/public/cases/'), null))
          .json()
          .items.map((i: { caseNo: string }) => i.caseNo),
      ).toContain(foreign);
    });
  });
});
