/**
 * The marker segments of a JPEG before its image data (ITU-T T.81 §B.1.1.4). Used to prove a cleaned photo
 * carries no metadata: EXIF and XMP live in APP1, ICC profiles in APP2, IPTC in APP13; JFIF's APP0 is harmless.
 */
export interface JpegSegment {
  marker: number;
  /** 'APP1', 'DQT', 'SOF2', …; for APPn, `identifier` holds the leading zero-terminated name (e.g. 'Exif'). */
  name: string;
  identifier: string;
  length: number;
}

const names = new Map<number, string>([
  [0xc4, 'DHT'],
  [0xcc, 'DAC'],
  [0xda, 'SOS'],
  [0xdb, 'DQT'],
  [0xdd, 'DRI'],
  [0xfe, 'COM'],
]);

export function jpegSegments(bytes: Uint8Array): JpegSegment[] {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`JPEG marker expected at ${at}`);
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const body = bytes.subarray(at + 4, at + 2 + length);
    segments.push({ marker, name: markerName(marker), identifier: appIdentifier(marker, body), length });
    if (marker === 0xda) break; // entropy-coded data follows
    at += 2 + length;
  }
  return segments;
}

/** Segments that would carry metadata out of the pipeline: APP1–APP15 and comments. */
export function metadataSegments(bytes: Uint8Array): JpegSegment[] {
  return jpegSegments(bytes).filter((s) => (s.marker >= 0xe1 && s.marker <= 0xef) || s.marker === 0xfe);
}

function markerName(marker: number): string {
  if (marker >= 0xe0 && marker <= 0xef) return `APP${marker - 0xe0}`;
  if (marker >= 0xc0 && marker <= 0xcf && !names.has(marker)) return `SOF${marker - 0xc0}`;
  return names.get(marker) ?? `0x${marker.toString(16)}`;
}

function appIdentifier(marker: number, body: Uint8Array): string {
  if (marker < 0xe0 || marker > 0xef) return '';
  const end = body.indexOf(0);
  return Buffer.from(body.subarray(0, end === -1 ? Math.min(body.length, 32) : end)).toString('latin1');
}
