import { customType, doublePrecision, integer, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A 行政区划代码 (2–12 digits). Stored with the "C" collation on both engines so that
 * `LIKE '430225%'` subtree filters use a plain btree index whatever the database's default collation is
 * (server PostgreSQL is often C.UTF-8 or en_US.UTF-8, PGlite is C).
 */
/** A point in time, always `timestamptz`: every table's `*_at` column. */
export const at = (name: string) => timestamp(name, { withTimezone: true });

export const regionCode = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});

/** Binary content (photos). pg returns a Buffer, PGlite a Uint8Array: both read back as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

/**
 * A cleaned photo as stored (platform/files: EXIF stripped, upright): its bytes and thumbnail, size, digest and
 * the EXIF place and time kept as data. A case's photos and the photos staged before a report hold the same.
 */
export const cleanedPhotoColumns = () => ({
  contentType: text('content_type').notNull(),
  content: bytea('content').notNull(),
  thumbnail: bytea('thumbnail').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  sha256: text('sha256').notNull(),
  exifLng: doublePrecision('exif_lng'),
  exifLat: doublePrecision('exif_lat'),
  takenAt: at('taken_at'),
});
