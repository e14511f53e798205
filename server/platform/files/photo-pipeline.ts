import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { cleanedLongestSide, type EncodedImage, type InspectedImage, thumbnailLongestSide } from './image.ts';
import { formatMegapixels, photoError } from './image-errors.ts';
import { readPhotoExif } from './image-exif.ts';
import type { AcceptedImageType } from './image-type.ts';
import { metadataSegments } from './jpeg-segments.ts';

/**
 * The decoding half of the photo pipeline, run in the photo worker process (photo-worker.child.ts): libvips
 * decodes, orients, shrinks and re-encodes; every failure is an AppError naming `field`.
 */

/** The format sharp reports for each accepted type (AVIF is a HEIF container). */
const sharpFormats: Record<AcceptedImageType, keyof sharp.FormatEnum> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
};

/** Decoding with `failOn: 'error'` refuses truncated and corrupt data but tolerates libjpeg's harmless warnings. */
const decodeFailOn = 'error';
/** A decode slower than this is treated as a hostile file rather than left to hold a slot. */
export const decodeTimeoutSeconds = 30;

export async function cleanPhoto(
  bytes: Buffer,
  type: AcceptedImageType,
  field: string,
  maxPixels: number,
): Promise<InspectedImage> {
  const header = await readHeader(bytes, type, field, maxPixels);
  const exif = await readPhotoExif(header.exif);
  const cleaned = await encode(bytes, field, maxPixels, cleanedLongestSide, 85);
  // The thumbnail is made from the cleaned photo: already oriented and stripped, and cheap to shrink on load.
  const thumbnail = await encode(cleaned.bytes, field, maxPixels, thumbnailLongestSide, 80);
  assertNoMetadata(cleaned.bytes);
  assertNoMetadata(thumbnail.bytes);
  return {
    ...cleaned,
    sha256: createHash('sha256').update(cleaned.bytes).digest('hex'),
    thumbnail,
    exif,
    originalType: type,
  };
}

/** The header only (no pixels decoded): the real format, the declared dimensions and the raw EXIF block. */
async function readHeader(bytes: Buffer, type: AcceptedImageType, field: string, maxPixels: number): Promise<Metadata> {
  let header: Metadata;
  try {
    header = await sharp(bytes, { failOn: decodeFailOn, limitInputPixels: false }).metadata();
  } catch {
    throw photoError(field, 'corrupt');
  }
  if (header.format !== sharpFormats[type]) throw photoError(field, 'corrupt');
  // A HEIF container that is not AV1 is HEIC (HEVC), which this build of libvips cannot decode.
  if (type === 'avif' && header.compression !== 'av1') throw photoError(field, 'heic_unsupported');
  const { width, height } = header;
  if (!width || !height) throw photoError(field, 'corrupt');
  if (width * height > maxPixels) {
    throw photoError(field, 'too_many_pixels', { width, height, limitMp: formatMegapixels(maxPixels) });
  }
  return header;
}

/**
 * Decode, orient by EXIF, fit inside `longestSide` (never enlarging), flatten transparency onto white and write a
 * baseline-compatible JPEG. sharp writes no metadata unless asked (no keepExif/withMetadata here), and converts
 * to sRGB when it drops the ICC profile. libjpeg-turbo, not mozjpeg: mozjpeg made files about a tenth smaller
 * for five times the CPU (bench/results/cases-intake.json), and intake CPU is what limits a county's busy hour.
 */
async function encode(
  input: Buffer,
  field: string,
  maxPixels: number,
  longestSide: number,
  quality: number,
): Promise<EncodedImage> {
  try {
    const { data, info } = await sharp(input, { failOn: decodeFailOn, limitInputPixels: maxPixels })
      .timeout({ seconds: decodeTimeoutSeconds })
      .rotate()
      .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality, optimiseCoding: true })
      .toBuffer({ resolveWithObject: true });
    return { contentType: 'image/jpeg', bytes: data, width: info.width, height: info.height };
  } catch {
    // The header passed readHeader, so a failure here (truncated data, a pixel limit the header hid, a
    // timeout) means the file is not the image it claims to be.
    throw photoError(field, 'corrupt');
  }
}

/** Defence in depth: the promise "no metadata leaves the pipeline" is checked on every photo, not assumed. */
function assertNoMetadata(jpeg: Buffer): void {
  const found = metadataSegments(jpeg);
  if (found.length > 0) {
    throw new Error(
      `photo pipeline produced metadata segments: ${found.map((s) => `${s.name}:${s.identifier}`).join(', ')}`,
    );
  }
}
