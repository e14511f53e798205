import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultPhotoConcurrency,
  defaultPhotoQueue,
  photoSlots,
  setPhotoConcurrency,
} from '../../../platform/files/image.ts';
import { photo } from '../../../platform/files/image.fixtures.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { signIn } from '../../../testing/test-auth.ts';
import { type CaseActors, inXiayang, prepareCases } from '../cases.test-support.ts';
import { publicIntakePerHour } from '../public-intake.ts';
import { phonePhoto, publicUploadUrl, staffUploadUrl, stagedCount, uploadPhoto } from './uploads.test-support.ts';

describe('photo uploads: one photo per request, checked by content', () => {
  const t = useTestApp();
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
  });

  it('401 without a session on the staff route; 403 for a role that attaches no photos', async () => {
    expect((await uploadPhoto(t, staffUploadUrl, null, await phonePhoto())).statusCode).toBe(401);
    const admin = await signIn(t.app, { roles: ['sys_admin'] });
    expect((await uploadPhoto(t, staffUploadUrl, admin, await phonePhoto())).statusCode).toBe(403);
    expect(await stagedCount(t)).toBe(0);
  });

  it('400 for what is not an accepted image, with the field and the check’s own message, in zh or en', async () => {
    const text = await uploadPhoto(t, staffUploadUrl, who.inspector, Buffer.from('just some text, no photo'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields).toEqual({ photo: expect.stringContaining('Not an image') });
    const pdf = await uploadPhoto(t, staffUploadUrl, who.inspector, Buffer.from('%PDF-1.7 not a photo'));
    expect(pdf.json().error.fields).toEqual({ photo: expect.stringContaining('PDF is not supported') });
    const gif = await uploadPhoto(
      t,
      publicUploadUrl,
      null,
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      { 'content-type': 'image/gif' },
    );
    expect(gif.statusCode).toBe(415);
    const gifAsOctets = await uploadPhoto(
      t,
      publicUploadUrl,
      null,
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      { 'content-type': 'application/octet-stream' },
    );
    expect(gifAsOctets.statusCode).toBe(400);
    expect(gifAsOctets.json().error.fields.photo).toContain('GIF');
    const zh = await uploadPhoto(t, staffUploadUrl, who.inspector, Buffer.alloc(0), { 'accept-language': 'zh-CN' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.fields.photo).toMatch(/不是图片/);
    expect(await stagedCount(t)).toBe(0);
  });

  it('400 for an unknown query field, 415 for JSON, 413 naming the field for a photo over the limit', async () => {
    const unknown = await uploadPhoto(t, `${staffUploadUrl}?caseNo=1`, who.inspector, await phonePhoto());
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ caseNo: 'Unknown field' });
    const json = await t.app.inject({
      method: 'POST',
      url: staffUploadUrl,
      headers: { ...who.inspector.headers, 'accept-language': 'en' },
      payload: { data: 'aGVsbG8=' },
    });
    expect(json.statusCode).toBe(415);
    const huge = await uploadPhoto(t, publicUploadUrl, null, Buffer.alloc(10 * 1_048_576 + 1, 0xff));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({
      code: 'payload_too_large',
      fields: { photo: expect.stringContaining('10 MB') },
    });
  });

  it('stages the cleaned photo and answers its size, capture time and EXIF position; the raw bytes are not kept', async () => {
    const before = await stagedCount(t);
    const bytes = await phonePhoto();
    const res = await uploadPhoto(t, staffUploadUrl, who.inspector, bytes);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ width: 80, height: 60, takenAt: '2026-03-02T00:30:00.000Z' });
    expect(body.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.location.lng).toBeCloseTo(inXiayang.lng, 4);
    expect(body.location.lat).toBeCloseTo(inXiayang.lat, 4);
    expect(new Date(body.expiresAt).getTime() - t.clock().getTime()).toBe(24 * 3_600_000);
    const [row] = await t.db.database.query<{ content: Uint8Array; owner: string }>(
      'select content, owner_user_id as owner from cases_photo_upload where id = $1',
      [body.uploadId],
    );
    expect(Buffer.from(row!.content).includes(Buffer.from('wenming-test'))).toBe(false);
    expect(Buffer.from(row!.content).equals(bytes)).toBe(false);
    expect(row!.owner).toBe(who.inspector.userId);
    expect(await stagedCount(t)).toBe(before + 1);
    const png = await uploadPhoto(t, staffUploadUrl, who.handler, await photo({ format: 'png' }), {
      'content-type': 'application/octet-stream',
    });
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().location).toBeNull();
  });

  it('a public upload carries its own secret; the same Idempotency-Key stores the photo once; another photo under it is a 422', async () => {
    const before = await stagedCount(t);
    const bytes = await phonePhoto();
    const headers = { 'idempotency-key': 'phone-upload-0001' };
    const first = await uploadPhoto(t, publicUploadUrl, null, bytes, headers);
    const again = await uploadPhoto(t, publicUploadUrl, null, bytes, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().uploadId).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await stagedCount(t)).toBe(before + 1);
    const other = await uploadPhoto(t, publicUploadUrl, null, await photo(), headers);
    expect(other.statusCode).toBe(422);
    const [row] = await t.db.database.query<{ hash: string; ip: string }>(
      'select secret_hash as hash, source_ip as ip from cases_photo_upload where id = $1',
      [first.json().uploadId.split('.')[0]],
    );
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.json().uploadId).not.toContain(row!.hash);
    expect(row!.ip).toBeTruthy();
  });

  it('a staff session cookie sent along with a public upload (same browser) needs no CSRF token and does not own the upload', async () => {
    const { 'x-csrf-token': _csrf, ...cookieOnly } = who.inspector.headers;
    const res = await uploadPhoto(t, publicUploadUrl, null, await phonePhoto(), cookieOnly);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().uploadId).toContain('.');
    const staffWithoutCsrf = await uploadPhoto(t, staffUploadUrl, null, await phonePhoto(), cookieOnly);
    expect(staffWithoutCsrf.statusCode).toBe(403);
  });

  it('503 with Retry-After before the photo is read while every photo slot is busy and the queue is full; taken again after', async () => {
    const before = await stagedCount(t);
    const bytes = await phonePhoto();
    const key = { 'idempotency-key': 'phone-upload-busy-0001' };
    setPhotoConcurrency(1, 0);
    let release = () => {};
    const held = photoSlots().run(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    try {
      const busy = await uploadPhoto(t, staffUploadUrl, who.inspector, bytes, key);
      expect(busy.statusCode).toBe(503);
      expect(busy.headers['retry-after']).toBe('5');
      expect(busy.json().error).toMatchObject({
        code: 'photos_busy',
        message: 'Too many photos are being processed right now; please try again shortly',
      });
      expect(busy.json().error.fields).toBeUndefined(); // not the photo's fault: nothing to correct
      // Refused on arrival: a body the route would refuse once read (JSON, 415) gets the same 503.
      const json = await t.app.inject({
        method: 'POST',
        url: publicUploadUrl,
        headers: { 'accept-language': 'zh-CN' },
        payload: { data: 'aGVsbG8=' },
      });
      expect([json.statusCode, json.json().error.message]).toEqual([503, '照片处理繁忙，请稍后重试']);
    } finally {
      release();
      await held;
      setPhotoConcurrency(defaultPhotoConcurrency, defaultPhotoQueue);
    }
    expect(await stagedCount(t)).toBe(before);
    const retried = await uploadPhoto(t, staffUploadUrl, who.inspector, bytes, key);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await stagedCount(t)).toBe(before + 1);
  });

  it('one phone may stage only so many public uploads an hour (429 with Retry-After), and may again an hour later', async () => {
    const bytes = await phonePhoto();
    const phone = { 'x-device-id': 'phone-0001-aaaaaaaaaaaa' };
    let last = await uploadPhoto(t, publicUploadUrl, null, bytes, phone);
    for (let i = 0; i < publicIntakePerHour.device && last.statusCode === 201; i++)
      last = await uploadPhoto(t, publicUploadUrl, null, bytes, phone);
    expect(last.statusCode).toBe(429);
    expect(last.json().error).toMatchObject({
      code: 'rate_limited',
      message: 'Too many submissions from here; please try again in 60 min',
    });
    expect(last.headers['retry-after']).toBe('3600');
    // another phone behind the same address has its own budget
    expect(
      (await uploadPhoto(t, publicUploadUrl, null, bytes, { 'x-device-id': 'phone-0002-bbbbbbbbbbbb' })).statusCode,
    ).toBe(201);
    t.clock.advanceMinutes(61);
    expect((await uploadPhoto(t, publicUploadUrl, null, bytes, phone)).statusCode).toBe(201);
  });
});
