/**
 * What a file is, decided by its first bytes. The declared Content-Type and the file name come from the
 * client and are never trusted; this is the first gate, and sharp must still decode the file afterwards.
 */

/** Formats the photo pipeline accepts. */
export const acceptedImageTypes = ['jpeg', 'png', 'webp', 'avif'] as const;
export type AcceptedImageType = (typeof acceptedImageTypes)[number];

/** How each accepted format is named to users (the messages in files.messages.ts list the same names). */
export const acceptedImageLabels: Record<AcceptedImageType, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
};

/** Formats we recognise only to refuse them with a precise message. */
export type RefusedImageType = 'heic' | 'gif' | 'svg' | 'pdf' | 'tiff' | 'bmp' | 'ico' | 'jxl';
export type SniffedType = AcceptedImageType | RefusedImageType | 'unknown';

/** Names for the refused formats, shown in the "{type} is not supported" message. */
export const refusedImageLabels: Record<RefusedImageType, string> = {
  heic: 'HEIC',
  gif: 'GIF',
  svg: 'SVG',
  pdf: 'PDF',
  tiff: 'TIFF',
  bmp: 'BMP',
  ico: 'ICO',
  jxl: 'JPEG XL',
};

export function isAcceptedImageType(type: SniffedType): type is AcceptedImageType {
  return (acceptedImageTypes as readonly string[]).includes(type);
}

const signatures: Array<[SniffedType, number[]]> = [
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['gif', [0x47, 0x49, 0x46, 0x38]], // GIF8(7|9)a
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['bmp', [0x42, 0x4d]],
  ['ico', [0x00, 0x00, 0x01, 0x00]],
  ['jxl', [0xff, 0x0a]],
  ['jxl', [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20]],
];

export function sniffImageType(bytes: Uint8Array): SniffedType {
  for (const [type, signature] of signatures) {
    if (startsWith(bytes, signature)) return type;
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  const heif = sniffHeif(bytes);
  if (heif) return heif;
  if (looksLikeSvg(bytes)) return 'svg';
  return 'unknown';
}

/**
 * ISO-BMFF (ISO/IEC 23008-12): `[size]ftyp[major brand][minor version][compatible brands…]`. AVIF and HEIC share
 * the container; the brands tell which codec is inside.
 */
function sniffHeif(bytes: Uint8Array): 'avif' | 'heic' | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, Math.max(16, boxSize), 256);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  const heicBrands = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'];
  return brands.some((b) => heicBrands.includes(b)) ? 'heic' : null;
}

/** SVG is XML text and may carry scripts: recognised (after an optional BOM and whitespace) only to refuse it. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg')) return true;
  return (
    (head.startsWith('<?xml') || head.startsWith('<!doctype svg') || head.startsWith('<!--')) && head.includes('<svg')
  );
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}
