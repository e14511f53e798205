import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/test-app.ts';
import { signIn } from '../../../testing/test-auth.ts';
import { type CaseActors, caseHttp, jpegBase64, prepareCases, reportBody, xiayang } from '../cases.test-support.ts';
import { sweepExpiredUploads } from './sweep-uploads.ts';
import { publicUploadUrl, staffUploadUrl, stagedCount, stagedId } from './uploads.test-support.ts';

describe('reports, 处理反馈 and 核查 that name uploaded photos', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
  });

  const missing = 'Photo not found or expired; please upload it again';
  const photosOf = async (caseNo: string) =>
    (await get(`/api/cases/${caseNo}`, who.dispatcher)).json().photos as Array<{ id: string; stage: string }>;
  const isStaged = async (uploadId: string) =>
    (await t.db.database.query('select 1 from cases_photo_upload where id = $1', [uploadId.split('.')[0]])).length ===
    1;

  it('refuses someone else’s upload, a citizen’s id on the staff form and a staff id on the public form, without consuming them', async () => {
    const mine = await stagedId(t, staffUploadUrl, who.inspector);
    const citizens = await stagedId(t, publicUploadUrl, null);
    const refusals: Array<[typeof who.inspector | null, string, string]> = [
      [who.otherInspector, '/api/cases', mine],
      [who.inspector, '/api/cases', citizens],
      [null, '/api/public/cases', mine],
      [null, '/api/public/cases', `${citizens.slice(0, -4)}AAAA`],
      [who.inspector, '/api/cases', '00000000-0000-4000-8000-000000000000'],
    ];
    for (const [actor, url, uploadId] of refusals) {
      const res = await post(url, actor, await reportBody({ photos: [{ uploadId }] }));
      expect(res.statusCode, `${url} ${uploadId}: ${res.body}`).toBe(400);
      expect(res.json().error.fields).toEqual({ 'photos.0': missing });
    }
    expect(await isStaged(mine)).toBe(true);
    expect(await isStaged(citizens)).toBe(true);
  });

  it('400 for a photo with both or neither of data and uploadId, for an unknown field in it, and for a malformed id', async () => {
    const both = await post(
      '/api/cases',
      who.inspector,
      await reportBody({ photos: [{ data: await jpegBase64(), uploadId: '00000000-0000-4000-8000-000000000000' }] }),
    );
    expect(both.json().error.fields).toEqual({ 'photos.0': 'Give each photo either data or uploadId, not both' });
    const neither = await post('/api/cases', who.inspector, await reportBody({ photos: [{}] }));
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields).toHaveProperty(['photos.0']);
    const unknown = await post(
      '/api/cases',
      who.inspector,
      await reportBody({ photos: [{ uploadId: '00000000-0000-4000-8000-000000000000', url: 'http://x' }] }),
    );
    expect(unknown.json().error.fields).toEqual({ 'photos.0.url': 'Unknown field' });
    const malformed = await post(
      '/api/cases',
      who.inspector,
      await reportBody({ photos: [{ uploadId: 'not-an-id' }] }),
    );
    expect(Object.keys(malformed.json().error.fields)).toEqual(['photos.0.uploadId']);
  });

  it('a report refused for another field, or for one gone upload among several, consumes nothing', async () => {
    const first = await stagedId(t, staffUploadUrl, who.inspector);
    const second = await stagedId(t, staffUploadUrl, who.inspector);
    const wrongCategory = await post(
      '/api/cases',
      who.inspector,
      await reportBody({ categoryCode: '09999', photos: [{ uploadId: first }] }),
    );
    expect(wrongCategory.json().error.fields).toEqual({ categoryCode: expect.any(String) });
    const oneGone = await post(
      '/api/cases',
      who.inspector,
      await reportBody({
        photos: [{ uploadId: first }, { uploadId: second }, { uploadId: '00000000-0000-4000-8000-000000000000' }],
      }),
    );
    expect(oneGone.statusCode).toBe(400);
    expect(oneGone.json().error.fields).toEqual({ 'photos.2': missing });
    const twice = await post(
      '/api/cases',
      who.inspector,
      await reportBody({ photos: [{ uploadId: first }, { uploadId: first }] }),
    );
    expect(twice.json().error.fields).toEqual({ 'photos.1': missing });
    expect(await isStaged(first)).toBe(true);
    expect(await isStaged(second)).toBe(true);
  });

  it('a staff report mixes uploads with inline photos in order; the uploads become its photos once, and a retry replays', async () => {
    const first = await stagedId(t, staffUploadUrl, who.inspector);
    const second = await stagedId(t, staffUploadUrl, who.inspector);
    const body = await reportBody({
      photos: [{ uploadId: first }, { data: await jpegBase64() }, { uploadId: second }],
    });
    const headers = { 'idempotency-key': 'report-with-uploads-01' };
    const res = await post('/api/cases', who.inspector, body, headers);
    expect(res.statusCode, res.body).toBe(201);
    const photos = await photosOf(res.json().caseNo);
    expect(photos.map((p) => p.id)).toEqual([first, expect.any(String), second]);
    expect(await isStaged(first)).toBe(false);
    const retry = await post('/api/cases', who.inspector, body, headers);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().caseNo).toBe(res.json().caseNo);
    const reused = await post('/api/cases', who.inspector, await reportBody({ photos: [{ uploadId: first }] }));
    expect(reused.json().error.fields).toEqual({ 'photos.0': missing });
    const image = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${res.json().caseNo}/photos/${first}`,
      headers: who.dispatcher.headers,
    });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
  });

  it('counts inline and uploaded photos together: ten is too many', async () => {
    const uploads = await Promise.all([1, 2, 3, 4, 5].map(() => stagedId(t, staffUploadUrl, who.inspector)));
    const inline = await jpegBase64();
    const ten = [...uploads.map((uploadId) => ({ uploadId })), ...[1, 2, 3, 4, 5].map(() => ({ data: inline }))];
    const res = await post('/api/cases', who.inspector, await reportBody({ photos: ten }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['photos']);
    for (const id of uploads) expect(await isStaged(id)).toBe(true);
  });

  it('a citizen reports with their own uploads from the public page', async () => {
    const uploadId = await stagedId(t, publicUploadUrl, null);
    const res = await post(
      '/api/public/cases',
      null,
      await reportBody({ regionCode: xiayang, photos: [{ uploadId }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((await photosOf(res.json().caseNo)).map((p) => p.id)).toEqual([uploadId.split('.')[0]]);
    expect(await isStaged(uploadId)).toBe(false);
  });

  it('feedback and verification take uploads; another department’s handler is refused and consumes nothing', async () => {
    const { caseNo } = (await post('/api/cases', who.inspector, await reportBody())).json();
    let view = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    view = (await post(`/api/cases/${caseNo}/register`, who.dispatcher, { revision: view.revision })).json();
    view = (
      await post(`/api/cases/${caseNo}/dispatch`, who.dispatcher, { revision: view.revision, department: 'chengguan' })
    ).json();
    view = (await post(`/api/cases/${caseNo}/accept`, who.handler, { revision: view.revision })).json();
    const strangers = await stagedId(t, staffUploadUrl, who.otherDepartment);
    const refused = await post(`/api/cases/${caseNo}/feedback`, who.otherDepartment, {
      revision: view.revision,
      result: '已处理',
      photos: [{ uploadId: strangers }],
    });
    expect(refused.statusCode).toBe(404);
    expect(await isStaged(strangers)).toBe(true);
    const after = await stagedId(t, staffUploadUrl, who.handler);
    const fed = await post(`/api/cases/${caseNo}/feedback`, who.handler, {
      revision: view.revision,
      result: '已劝离摊主',
      photos: [{ uploadId: after }],
    });
    expect(fed.statusCode, fed.body).toBe(200);
    const check = await stagedId(t, staffUploadUrl, who.inspector);
    const verified = await post(`/api/cases/${caseNo}/verify`, who.inspector, {
      revision: fed.json().revision,
      passed: true,
      photos: [{ uploadId: check }],
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().photos.map((p: { stage: string }) => p.stage)).toEqual(['report', 'handle', 'verify']);
  });

  it('an upload expires after a day: refused in a report, then swept away', async () => {
    const uploadId = await stagedId(t, staffUploadUrl, who.volunteer);
    t.clock.advanceMinutes(24 * 60 + 1);
    const volunteer = await signIn(t.app, { roles: ['volunteer'], scopeRegion: xiayang });
    const fresh = await stagedId(t, staffUploadUrl, volunteer);
    const before = await stagedCount(t);
    // The session idled out meanwhile; test sign-in makes a new account, so the old upload is handed to it.
    await t.db.database.query('update cases_photo_upload set owner_user_id = $1 where id = $2', [
      volunteer.userId,
      uploadId,
    ]);
    const res = await post('/api/cases', volunteer, await reportBody({ photos: [{ uploadId }, { uploadId: fresh }] }));
    expect(res.json().error.fields).toEqual({ 'photos.0': missing });
    const swept = await sweepExpiredUploads(t.db.ctx({ clock: t.clock }));
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await isStaged(uploadId)).toBe(false);
    expect(await isStaged(fresh)).toBe(true);
    expect(await stagedCount(t)).toBe(before - swept);
  });
});
