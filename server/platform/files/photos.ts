import { AppError } from '../http/app-error.ts';
import { type InspectedImage, type InspectOptions, inspectImage } from './image.ts';
import { combinePhotoErrors, photoError } from './image-errors.ts';

export interface PhotoCountRule {
  min: number;
  max: number;
}

/** A case report carries 1–9 photos; a handler's "after" photos follow the same rule. */
export const casePhotoCount: PhotoCountRule = { min: 1, max: 9 };

/** Throws a field error on `field` (e.g. `photos`) when `count` is outside the rule. */
export function validatePhotoCount(count: number, rule: PhotoCountRule, field: string): void {
  if (count < rule.min) throw photoError(field, 'too_few_photos', { min: rule.min });
  if (count > rule.max) throw photoError(field, 'too_many_photos', { max: rule.max });
}

export interface InspectPhotosOptions extends Omit<InspectOptions, 'field'> {
  /** The list field; each photo's errors point at `${field}.${index}`. Default `photos`. */
  field?: string;
  count?: PhotoCountRule;
}

/**
 * Checks the count, then every photo, one after another (each decode already competes for the process's photo
 * slots; a request should not take several). All rejected photos are reported together, so the user fixes them
 * in one go. Returns the photos in the order given.
 */
export async function inspectPhotos(
  photos: readonly Buffer[],
  options: InspectPhotosOptions = {},
): Promise<InspectedImage[]> {
  const { field = 'photos', count = casePhotoCount, ...limits } = options;
  validatePhotoCount(photos.length, count, field);
  const inspected: InspectedImage[] = [];
  const errors: AppError[] = [];
  for (const [index, bytes] of photos.entries()) {
    try {
      inspected.push(await inspectImage(bytes, { ...limits, field: `${field}.${index}` }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw combinePhotoErrors(errors);
  return inspected;
}

/** A checked photo as the stored columns hold it (`cleanedPhotoColumns`): the cleaned bytes, never the raw ones. */
export function storedPhotoFields(image: InspectedImage) {
  return {
    contentType: image.contentType,
    content: image.bytes,
    thumbnail: image.thumbnail.bytes,
    width: image.width,
    height: image.height,
    sha256: image.sha256,
    exifLng: image.exif.lng,
    exifLat: image.exif.lat,
    takenAt: image.exif.takenAt,
  };
}
