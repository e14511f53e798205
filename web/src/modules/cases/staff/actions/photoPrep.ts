/**
 * Phone photos are 12–50 MP and 3–10 MB; nine of them would take minutes on a field connection and hit the
 * server's limits. A photo larger than 2560 px on its long side (or heavier than 4 MB) is redrawn on a
 * canvas at 2560 px as JPEG before it is uploaded; a smaller one goes as it is, so the server can still read
 * its EXIF time and position (the server strips EXIF before storing either way).
 */
export const maxPhotoEdge = 2560;
const maxUntouchedBytes = 4 * 1024 * 1024;
const untouchedTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);
const jpegQuality = 0.86;

export class UnreadablePhotoError extends Error {
  constructor(readonly fileName: string) {
    super(`cannot read ${fileName}`);
    this.name = 'UnreadablePhotoError';
  }
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('decode'));
    image.src = src;
  });
}

/** The scale that brings the long side down to `maxEdge` (never up). */
export function scaleToFit(width: number, height: number, maxEdge = maxPhotoEdge): number {
  const longSide = Math.max(width, height);
  return longSide > maxEdge ? maxEdge / longSide : 1;
}

/** The photo to upload: the file itself when it is small enough, else a 2560 px JPEG of it. */
export async function preparePhoto(file: File): Promise<Blob> {
  let dataUrl: string;
  let image: HTMLImageElement;
  try {
    dataUrl = await readAsDataUrl(file);
    image = await loadImage(dataUrl);
  } catch {
    throw new UnreadablePhotoError(file.name);
  }
  const scale = scaleToFit(image.naturalWidth, image.naturalHeight);
  if (scale === 1 && file.size <= maxUntouchedBytes && untouchedTypes.has(file.type)) return file;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new UnreadablePhotoError(file.name);
  // A transparent PNG would turn black as JPEG: paint it on white first.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', jpegQuality));
  if (!blob) throw new UnreadablePhotoError(file.name);
  return blob;
}
