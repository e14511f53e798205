import { formatMegabytes, photoError, photosBusy } from './image-errors.ts';
import type { PhotoExif } from './image-exif.ts';
import { type AcceptedImageType, isAcceptedImageType, refusedImageLabels, sniffImageType } from './image-type.ts';
import { createPhotoSlots, type PhotoSlots, PhotoSlotsFull } from './photo-slots.ts';
import { cleanInPhotoWorker } from './photo-worker.ts';

/**
 * The photo pipeline: a client's bytes in, a cleaned JPEG (oriented, capped in size, every byte of metadata gone),
 * its thumbnail and the EXIF facts worth keeping out. No database, no HTTP; failures are AppErrors. The cheap
 * checks run here; decoding runs in the photo worker process (photo-pipeline.ts, photo-worker.ts).
 */

export interface PhotoLimits {
  /** Largest upload accepted, in bytes. Default 10 MiB. */
  maxBytes?: number;
  /** Largest decoded size, width × height. Default 40 megapixels (decompression-bomb guard). */
  maxPixels?: number;
}

export interface InspectOptions extends PhotoLimits {
  /** The request field errors point at, e.g. `photos.2`. Default `photo`. */
  field?: string;
}

export interface EncodedImage {
  contentType: 'image/jpeg';
  bytes: Buffer;
  width: number;
  height: number;
}

export interface InspectedImage extends EncodedImage {
  /** Hex SHA-256 of the cleaned bytes: a content address and a duplicate check. */
  sha256: string;
  thumbnail: EncodedImage;
  exif: PhotoExif;
  originalType: AcceptedImageType;
}

export const defaultPhotoLimits: Required<PhotoLimits> = { maxBytes: 10 * 1_048_576, maxPixels: 40_000_000 };
export const cleanedLongestSide = 2560;
export const thumbnailLongestSide = 320;
/** Photos cleaned at once: one per core of the county's usual 2-core server (each decode runs one libvips thread). */
export const defaultPhotoConcurrency = 2;
/**
 * Photos that may wait for a slot. With the slots, this bounds the request bodies held for photo work to 10:
 * about 100 MB of photo uploads. Eight phones sending their largest photo at once all wait; more get 503 and retry.
 */
export const defaultPhotoQueue = 8;

let slots = createPhotoSlots(defaultPhotoConcurrency, defaultPhotoQueue);

/** How many photos one process cleans at once, and how many more may wait (memory: the bodies they hold). */
export function setPhotoConcurrency(limit: number, maxWaiting = defaultPhotoQueue): void {
  slots = createPhotoSlots(limit, maxWaiting);
}

/** The process's photo slots: an upload route refuses a body it could not queue before reading it. */
export function photoSlots(): PhotoSlots {
  return slots;
}

/**
 * Checks the bytes (size, type by content), then cleans the photo in the photo worker process (photo-worker.ts)
 * within one of the process's photo slots. Every refusal is an AppError: a field error for the photo, 503
 * `photos_busy` when the slots and their queue are full.
 */
export async function inspectImage(bytes: Buffer, options: InspectOptions = {}): Promise<InspectedImage> {
  const field = options.field ?? 'photo';
  const maxBytes = options.maxBytes ?? defaultPhotoLimits.maxBytes;
  const maxPixels = options.maxPixels ?? defaultPhotoLimits.maxPixels;
  if (bytes.length > maxBytes) throw photoError(field, 'too_large', { limitMb: formatMegabytes(maxBytes) });
  const type = sniffImageType(bytes);
  if (type === 'unknown') throw photoError(field, 'not_an_image');
  if (type === 'heic') throw photoError(field, 'heic_unsupported');
  if (!isAcceptedImageType(type)) throw photoError(field, 'unsupported_type', { type: refusedImageLabels[type] });
  try {
    return await slots.run(() => cleanInPhotoWorker({ bytes, type, field, maxPixels }));
  } catch (error) {
    if (error instanceof PhotoSlotsFull) throw photosBusy();
    throw error;
  }
}
