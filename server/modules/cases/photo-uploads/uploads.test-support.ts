import { photo } from '../../../platform/files/image.fixtures.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import type { SignedIn } from '../../../testing/test-auth.ts';
import { inXiayang } from '../cases.test-support.ts';

export const staffUploadUrl = '/api/cases/photo-uploads';
export const publicUploadUrl = '/api/public/cases/photo-uploads';

/** A small phone photo taken in 霞阳镇 (EXIF position and time), as raw JPEG bytes. */
export function phonePhoto(): Promise<Buffer> {
  return photo({ width: 80, height: 60, gps: inXiayang, takenAt: '2026:03:02 08:30:00', offset: '+08:00' });
}

/** POSTs raw bytes as one photo upload, signed in or (null) from the public page, answered in English. */
export function uploadPhoto(
  t: TestApp,
  url: string,
  actor: SignedIn | null,
  bytes: Buffer,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...(actor?.headers ?? {}), 'accept-language': 'en', 'content-type': 'image/jpeg', ...headers },
    payload: bytes,
  });
}

/** Uploads a fresh photo and returns its uploadId (fails loudly when the upload is refused). */
export async function stagedId(t: TestApp, url: string, actor: SignedIn | null): Promise<string> {
  const res = await uploadPhoto(t, url, actor, await phonePhoto());
  if (res.statusCode !== 201) throw new Error(`upload refused: ${res.statusCode} ${res.body}`);
  return res.json().uploadId;
}

export async function stagedCount(t: TestApp): Promise<number> {
  const rows = await t.db.database.query<{ n: number }>('select count(*)::int as n from cases_photo_upload');
  return rows[0]!.n;
}
