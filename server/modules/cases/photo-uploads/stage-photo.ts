import { createHash } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { type InspectedImage, inspectImage } from '../../../platform/files/image.ts';
import { storedPhotoFields } from '../../../platform/files/photos.ts';
import type { PhotoUploadedDto } from '../cases.schema.ts';
import { formatUploadId, newCitizenUploadToken, newStaffUploadToken, uploadSecretHash } from './upload-token.ts';
import { insertUpload } from './uploads.store.ts';

/** How long a staged photo waits for its report: a day covers a form left open overnight, not a week. */
export const uploadLifetimeMs = 24 * 3_600_000;
/** The field every upload error names: the body is the one photo. */
export const uploadField = 'photo';

/** Checked before the transaction: decoding is the slow part and must not hold the database. */
export async function inspectUpload(bytes: Buffer): Promise<InspectedImage> {
  return inspectImage(bytes, { field: uploadField });
}

/** What a retried upload must repeat to get the first answer back: the same bytes. */
export function uploadFingerprint(bytes: Buffer): { sha256: string } {
  return { sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Stages the cleaned copy of a checked photo (the raw bytes are never stored). A signed-in person's upload
 * belongs to them; a citizen's to whoever holds the id's secret.
 */
export async function stagePhoto(t: Ctx, image: InspectedImage, citizen: boolean): Promise<PhotoUploadedDto> {
  const now = t.clock();
  const expiresAt = new Date(now.getTime() + uploadLifetimeMs);
  const token = citizen ? newCitizenUploadToken() : newStaffUploadToken();
  await insertUpload(t.db, {
    regionCode: t.countyCode,
    id: token.id,
    ownerUserId: citizen ? null : (t.actor?.id ?? null),
    secretHash: token.secret === null ? null : uploadSecretHash(token.secret),
    sourceIp: citizen ? t.ip : null,
    ...storedPhotoFields(image),
    uploadedAt: now,
    expiresAt,
  });
  await recordAudit(t, {
    eventType: 'cases.photo_upload',
    action: 'create',
    objectType: 'photo_upload',
    objectId: token.id,
    details: { bytes: image.bytes.length, citizen },
  });
  const { lng, lat } = image.exif;
  return {
    uploadId: formatUploadId(token),
    width: image.width,
    height: image.height,
    takenAt: image.exif.takenAt?.toISOString() ?? null,
    location: lng !== null && lat !== null ? { lng, lat } : null,
    expiresAt: expiresAt.toISOString(),
  };
}
