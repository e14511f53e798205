import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, cleanedPhotoColumns, regionCode } from './columns.ts';

/**
 * Photos uploaded one by one while a report or a handling step is being filled in, before it is sent: already
 * cleaned (EXIF stripped, upright JPEG) — the raw bytes are never stored. A report that names an upload moves
 * it into `cases_photo` inside its own transaction and deletes the row; unused rows expire (about 24 h) and the
 * sweep removes them. Exactly one owner: a signed-in user, or the citizen holding the upload's secret.
 */
export const casesPhotoUpload = pgTable(
  'cases_photo_upload',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    ownerUserId: uuid('owner_user_id'),
    /** sha256 of the random secret a public upload's id carries; the secret itself is given out once. */
    secretHash: text('secret_hash'),
    /** Public uploads only: the address they came from, to cap how many one address may stage. */
    sourceIp: text('source_ip'),
    ...cleanedPhotoColumns(),
    uploadedAt: at('uploaded_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('cases_photo_upload_expiry_idx').on(t.regionCode, t.expiresAt),
    index('cases_photo_upload_source_idx')
      .on(t.regionCode, t.sourceIp, t.uploadedAt)
      .where(sql`${t.sourceIp} is not null`),
    check('cases_photo_upload_one_owner', sql`(${t.ownerUserId} is null) <> (${t.secretHash} is null)`),
  ],
);
