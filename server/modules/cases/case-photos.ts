import { randomUUID } from 'node:crypto';
import type { PhotoStage } from '../../db/schema/cases.ts';
import type { Ctx } from '../../platform/context.ts';
import type { InspectedImage } from '../../platform/files/image.ts';
import { photoError } from '../../platform/files/image-errors.ts';
import { casePhotoCount, inspectPhotos, type PhotoCountRule } from '../../platform/files/photos.ts';
import { insertPhotos } from './cases.store.ts';

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decodes and checks every photo before anything is stored, so a bad photo among nine refuses the whole
 * submission with each bad photo's field name (`photos.3`) and saves nothing.
 */
export async function inspectUploadedPhotos(uploads: ReadonlyArray<{ data: string }>, count: PhotoCountRule = casePhotoCount, field = 'photos'): Promise<InspectedImage[]> {
  const buffers = uploads.map((upload, index) => {
    const data = upload.data.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
    if (!base64.test(data)) throw photoError(`${field}.${index}`, 'not_an_image');
    return Buffer.from(data, 'base64');
  });
  return inspectPhotos(buffers, { field, count });
}

export async function storePhotos(t: Ctx, caseId: number, stage: PhotoStage, images: readonly InspectedImage[], firstOrder = 0): Promise<string[]> {
  const now = t.clock();
  const rows = images.map((image, i) => ({
    regionCode: t.countyCode,
    caseId,
    id: randomUUID(),
    stage,
    contentType: image.contentType,
    content: image.bytes,
    thumbnail: image.thumbnail.bytes,
    width: image.width,
    height: image.height,
    sha256: image.sha256,
    exifLng: image.exif.lng,
    exifLat: image.exif.lat,
    takenAt: image.exif.takenAt,
    uploadedAt: now,
    uploadedBy: t.actor?.kind === 'user' ? t.actor.id : null,
    sortOrder: firstOrder + i,
  }));
  await insertPhotos(t.db, rows);
  return rows.map((r) => r.id);
}
