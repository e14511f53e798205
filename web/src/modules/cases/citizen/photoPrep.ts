/**
 * Phone photos are 12–50 megapixels and several megabytes; over a county's mobile signal that is the
 * difference between a report that arrives and one that times out. Each photo is shrunk here to at most
 * 2560 px on its longest side as a JPEG, then uploaded on its own as soon as it is picked (the server checks type
 * and size on the bytes again, reads the EXIF location and strips the metadata).
 */
export const maxPhotoEdge = 2560;
const jpegQuality = 0.85;
/** A JPEG already this small is sent untouched: re-encoding would only lose quality (and its EXIF location). */
const passThroughBytes = 3 * 1_048_576;

export interface Size {
  width: number;
  height: number;
}

/** The size that fits `max` on the longest side, keeping the aspect ratio; never enlarges. */
export function fitWithin(size: Size, max = maxPhotoEdge): Size {
  const longest = Math.max(size.width, size.height);
  if (longest <= max) return { width: size.width, height: size.height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** Whether the original file can be sent as it is. */
export function canSendAsIs(file: { type: string; size: number }, size: Size): boolean {
  return (
    file.type === 'image/jpeg' && file.size <= passThroughBytes && Math.max(size.width, size.height) <= maxPhotoEdge
  );
}

export interface PreparedPhoto {
  /** The JPEG to upload. */
  blob: Blob;
  /** An object URL of the same bytes for the preview (revoke with `releasePhoto`). */
  previewUrl: string;
  width: number;
  height: number;
  bytes: number;
}

export class NotAnImageError extends Error {
  constructor() {
    super('not an image');
    this.name = 'NotAnImageError';
  }
}

/** Decodes, shrinks if needed and encodes one photo, upright (EXIF orientation applied by the decoder). */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const image = await decode(file);
  try {
    const original = { width: image.width, height: image.height };
    const blob = canSendAsIs(file, original) ? file : await encodeJpeg(image, fitWithin(original));
    const size = blob === file ? original : fitWithin(original);
    return { blob, previewUrl: URL.createObjectURL(blob), ...size, bytes: blob.size };
  } finally {
    if ('close' in image) image.close();
  }
}

export function releasePhoto(photo: Pick<PreparedPhoto, 'previewUrl'>): void {
  URL.revokeObjectURL(photo.previewUrl);
}

type Decoded = ImageBitmap | HTMLImageElement;

async function decode(file: File): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // Older Safari refuses the options or the format: fall back to an <img>, which also applies orientation.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } catch {
    throw new NotAnImageError();
  } finally {
    URL.revokeObjectURL(url);
  }
}

function encodeJpeg(image: Decoded, size: Size): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new NotAnImageError());
  // JPEG has no transparency: a white ground keeps a transparent PNG's background from turning black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(image, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new NotAnImageError())), 'image/jpeg', jpegQuality),
  );
}
