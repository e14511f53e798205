import exifr from 'exifr';

/** What the pipeline keeps from a photo's EXIF before stripping it. */
export interface PhotoExif {
  /** WGS84 decimal degrees as the camera wrote them (phones write raw GNSS, i.e. WGS84, not GCJ-02). */
  lng: number | null;
  lat: number | null;
  /** DateTimeOriginal as an instant; see `parseExifDateTime` for the time zone rule. */
  takenAt: Date | null;
}

export const noExif: PhotoExif = { lng: null, lat: null, takenAt: null };

/**
 * Reads GPS and capture time from a raw EXIF block as sharp's `metadata().exif` returns it (`Exif\0\0` then a
 * TIFF structure) — the same for JPEG APP1, PNG eXIf, WebP EXIF and HEIF Exif items, so one reader serves every
 * format. EXIF is client-written and often damaged: a block that cannot be read means "no EXIF", never a rejection.
 */
export async function readPhotoExif(exifBlock: Uint8Array | undefined): Promise<PhotoExif> {
  const tiff = tiffOf(exifBlock);
  if (!tiff) return noExif;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(Buffer.from(tiff), {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      interop: false,
      makerNote: false,
      userComment: false,
      xmp: false,
      icc: false,
      iptc: false,
      reviveValues: false,
    });
  } catch {
    return noExif;
  }
  if (!tags) return noExif;
  const position = gpsPosition(tags.latitude, tags.longitude);
  return {
    ...position,
    takenAt: parseExifDateTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal),
  };
}

function tiffOf(block: Uint8Array | undefined): Uint8Array | null {
  if (!block || block.length < 8) return null;
  const header = Buffer.from(block.subarray(0, 6)).toString('latin1');
  const tiff = header === 'Exif\0\0' ? block.subarray(6) : block;
  const order = Buffer.from(tiff.subarray(0, 2)).toString('latin1');
  return order === 'II' || order === 'MM' ? tiff : null;
}

/**
 * A usable position or none. exifr has already applied the N/S and E/W references. (0, 0) is what cameras write
 * without a fix, and lies in the Gulf of Guinea; it is treated as absent.
 */
export function gpsPosition(latitude: unknown, longitude: unknown): Pick<PhotoExif, 'lat' | 'lng'> {
  const none = { lat: null, lng: null };
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return none;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return none;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return none;
  if (latitude === 0 && longitude === 0) return none;
  // 7 decimals ≈ 1 cm: far below GNSS accuracy, and it drops float noise such as 26.490000000000002.
  return { lat: round7(latitude), lng: round7(longitude) };
}

function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

const exifDateTime = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const exifOffset = /^([+-])(\d{2}):(\d{2})$/;

/**
 * EXIF DateTimeOriginal ('YYYY:MM:DD HH:MM:SS', EXIF 2.32 §4.6.6) is wall-clock time without a zone. The zone is
 * OffsetTimeOriginal when the camera wrote it (EXIF 2.31+), otherwise China Standard Time (UTC+8 all year since
 * 1991), where the platform's photos are taken. Blank, zeroed or impossible values give null.
 */
export function parseExifDateTime(dateTime: unknown, offset?: unknown): Date | null {
  if (typeof dateTime !== 'string') return null;
  const match = exifDateTime.exec(dateTime.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wallClockMs = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wallClockMs).getUTCDate() !== day) return null; // 2026:02:30 is not a date
  return new Date(wallClockMs - offsetMinutes(offset) * 60_000);
}

function offsetMinutes(offset: unknown): number {
  const chinaStandardTime = 8 * 60;
  if (typeof offset !== 'string') return chinaStandardTime;
  const match = exifOffset.exec(offset.trim());
  if (!match) return chinaStandardTime;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 14 * 60 || Number(match[3]) > 59) return chinaStandardTime;
  return match[1] === '-' ? -minutes : minutes;
}
