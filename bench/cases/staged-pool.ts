// Photos staged before the report, as the report pages now send them (POST …/photo-uploads while the form is
// filled in, then the report names each by uploadId). A measured report consumes its upload, so every request
// needs a fresh one: one photo goes through the real upload endpoint, and the bench copies its staged row in
// SQL as many times as the next run needs (the upload's own cost is measured in a run of its own).
import type { Database } from '../../server/platform/db/database.ts';
import { HttpClient } from './http-client.ts';

/** Sends the photo through the real endpoint and returns its uploadId (the row the pool copies). */
export async function uploadOnce(baseUrl: string, headers: Record<string, string>, photo: Buffer): Promise<string> {
  const client = new HttpClient(baseUrl);
  try {
    const res = await client.request('POST', '/api/cases/photo-uploads', {
      headers: { ...headers, 'content-type': 'image/jpeg' },
      body: photo,
    });
    if (res.status !== 201) throw new Error(`photo upload failed: ${res.status} ${res.body}`);
    return (JSON.parse(res.body) as { uploadId: string }).uploadId;
  } finally {
    client.close();
  }
}

/** `count` copies of the staged upload `templateId` (same owner, photo and expiry), in batches; their ids. */
export async function copyStagedUpload(database: Database, templateId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let done = 0; done < count; done += 2000) {
    const rows = await database.query<{ id: string }>(
      `insert into cases_photo_upload (region_code, id, owner_user_id, secret_hash, source_ip, content_type, content, thumbnail, width, height,
         sha256, exif_lng, exif_lat, taken_at, uploaded_at, expires_at)
       select region_code, gen_random_uuid(), owner_user_id, secret_hash, source_ip, content_type, content, thumbnail, width, height,
         sha256, exif_lng, exif_lat, taken_at, uploaded_at, expires_at
       from cases_photo_upload, generate_series(1, $2::int) where id = $1
       returning id`,
      [templateId, Math.min(2000, count - done)],
    );
    ids.push(...rows.map((r) => r.id));
  }
  if (ids.length !== count) throw new Error(`staged ${ids.length} copies of upload ${templateId}, wanted ${count}`);
  return ids;
}

/** Copies not consumed by a run: removed so the next run's storage and counts start clean. */
export async function dropUnused(database: Database, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) {
    await database.query('delete from cases_photo_upload where id = any($1::uuid[])', [ids.slice(i, i + 5000)]);
  }
}

/**
 * Hands out each staged id once. A run that outpaces its pool gets nothing (the caller then names an id that was
 * never staged, so those requests fail with a 400 and show in the run's failures) rather than reusing one.
 */
export class UploadPool {
  private next = 0;
  constructor(private readonly ids: readonly string[]) {}

  take(): string | undefined {
    return this.ids[this.next++];
  }

  /** Ids never handed out. */
  unused(): string[] {
    return this.ids.slice(Math.min(this.next, this.ids.length));
  }
}
