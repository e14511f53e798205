import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** Test images made on the spot with sharp, and hand-built files sharp will not write. */

export interface PhotoFixture {
  width?: number;
  height?: number;
  /** EXIF Orientation 1–8. */
  orientation?: number;
  gps?: { lat: number; lng: number };
  /** EXIF DateTimeOriginal, 'YYYY:MM:DD HH:MM:SS'. */
  takenAt?: string;
  /** EXIF OffsetTimeOriginal, '+08:00'. */
  offset?: string;
  format?: 'jpeg' | 'png' | 'webp' | 'avif';
  alpha?: boolean;
}

/** A photo with the given EXIF. sharp writes IFD0, the EXIF IFD (IFD2) and the GPS IFD (IFD3) from strings. */
export async function photo(fixture: PhotoFixture = {}): Promise<Buffer> {
  const { width = 64, height = 48, format = 'jpeg' } = fixture;
  let image = sharp({
    create: { width, height, channels: fixture.alpha ? 4 : 3, background: { r: 200, g: 40, b: 40, alpha: 0.5 } },
  });
  if (fixture.orientation) image = image.withMetadata({ orientation: fixture.orientation });
  const exif: sharp.Exif = { IFD0: { Make: 'wenming-test', Model: 'fixture', Software: 'secret-app 1.0' } };
  if (fixture.takenAt)
    exif.IFD2 = {
      DateTimeOriginal: fixture.takenAt,
      ...(fixture.offset ? { OffsetTimeOriginal: fixture.offset } : {}),
    };
  if (fixture.gps) exif.IFD3 = gpsTags(fixture.gps.lat, fixture.gps.lng);
  image = image.withExifMerge(exif);
  return image.toFormat(format).toBuffer();
}

/** EXIF GPS tags (EXIF 2.32 §4.6.6): degrees, minutes and seconds as rationals, the sign in the Ref tags. */
export function gpsTags(lat: number, lng: number): sharp.ExifDir {
  return {
    GPSLatitudeRef: lat < 0 ? 'S' : 'N',
    GPSLatitude: dms(Math.abs(lat)),
    GPSLongitudeRef: lng < 0 ? 'W' : 'E',
    GPSLongitude: dms(Math.abs(lng)),
  };
}

function dms(decimal: number): string {
  const degrees = Math.floor(decimal);
  const minutes = Math.floor((decimal - degrees) * 60);
  const hundredthsOfSeconds = Math.round(((decimal - degrees) * 60 - minutes) * 60 * 1e4);
  return `${degrees}/1 ${minutes}/1 ${hundredthsOfSeconds}/10000`;
}

/** A noisy photo, so that a cut-off copy has image data missing rather than just its end marker. */
export function noisyJpeg(width = 400, height = 300): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .jpeg()
    .toBuffer();
}

/** A PNG whose header declares `width` × `height` but carries almost no data: a decompression bomb's shape. */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const emptyDeflate = Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', emptyDeflate),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The start of an iPhone HEIC: an `ftyp` box with the `heic` brand and an empty `meta` box. sharp's prebuilt
 * libvips has no HEVC decoder, so no real HEIC could be decoded anyway; the header is what the pipeline sees first.
 */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('meta', 'latin1')]);
}

/**
 * A JPEG with a hand-assembled APP1 EXIF segment inserted after SOI, for EXIF that sharp will not write: a
 * big-endian ('MM') TIFF with only a GPS IFD, as some Android cameras produce.
 */
export function withRawApp1(jpeg: Buffer, tiff: Buffer): Buffer {
  return withSegment(jpeg, 0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

/** A JPEG with one more marker segment (APPn, COM) right after SOI. */
export function withSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** An APP13 Photoshop IRB holding an IPTC-IIM record (ISO/IEC/IPTC 1.4 §1.5) with a caption (2:120). */
export function iptcSegmentPayload(caption: string): Buffer {
  const text = Buffer.from(caption, 'utf8');
  const dataset = Buffer.concat([Buffer.from([0x1c, 0x02, 0x78, text.length >> 8, text.length & 0xff]), text]);
  const padded = dataset.length % 2 ? Buffer.concat([dataset, Buffer.from([0])]) : dataset;
  const size = Buffer.alloc(4);
  size.writeUInt32BE(dataset.length, 0);
  return Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0, 0]), // resource 0x0404 (IPTC), empty Pascal name padded to even
    size,
    padded,
  ]);
}

/** Big-endian TIFF: IFD0 → GPS IFD (tag 0x8825) with latitude/longitude as [deg, min, sec] rationals. */
export function bigEndianGpsTiff(
  lat: [number, number, number],
  latRef: 'N' | 'S',
  lng: [number, number, number],
  lngRef: 'E' | 'W',
): Buffer {
  const buf = Buffer.alloc(8 + 18 + 54 + 48);
  buf.write('MM', 0, 'latin1');
  buf.writeUInt16BE(42, 2);
  buf.writeUInt32BE(8, 4);
  // IFD0 at 8: one entry, GPSInfo pointer → 26
  buf.writeUInt16BE(1, 8);
  entry(buf, 10, 0x8825, 4, 1, 26);
  buf.writeUInt32BE(0, 22);
  // GPS IFD at 26: four entries (2 + 4×12 + 4 = 54 bytes), rationals after it at 80
  buf.writeUInt16BE(4, 26);
  entry(buf, 28, 0x0001, 2, 2, ascii4(latRef));
  entry(buf, 40, 0x0002, 5, 3, 80);
  entry(buf, 52, 0x0003, 2, 2, ascii4(lngRef));
  entry(buf, 64, 0x0004, 5, 3, 104);
  buf.writeUInt32BE(0, 76);
  [...lat, ...lng].forEach((value, i) => {
    buf.writeUInt32BE(Math.round(value * 100), 80 + i * 8);
    buf.writeUInt32BE(100, 84 + i * 8);
  });
  return buf;
}

function entry(buf: Buffer, at: number, tag: number, type: number, count: number, value: number): void {
  buf.writeUInt16BE(tag, at);
  buf.writeUInt16BE(type, at + 2);
  buf.writeUInt32BE(count, at + 4);
  buf.writeUInt32BE(value >>> 0, at + 8);
}

/** An ASCII value of ≤ 4 bytes sits left-aligned in the entry's value field ('N\0' → 0x4e000000). */
function ascii4(text: string): number {
  return Buffer.from(`${text}\0\0\0\0`.slice(0, 4), 'latin1').readUInt32BE(0);
}
