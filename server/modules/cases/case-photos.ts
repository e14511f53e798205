import { randomUUID } from 'node:crypto';
import type { PhotoStage } from '../../db/schema/cases.ts';
import { recordAuditOutside } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { InspectedImage } from '../../platform/files/image.ts';
import { inspectImage } from '../../platform/files/image.ts';
import { combinePhotoErrors, photoError } from '../../platform/files/image-errors.ts';
import {
  casePhotoCount,
  inspectPhotos,
  type PhotoCountRule,
  storedPhotoFields,
  validatePhotoCount,
} from '../../platform/files/photos.ts';
import type { FieldProblems } from '../../platform/http/app-error.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { insertPhotos } from './case-photos.store.ts';
import { parseUploadId, type UploadToken, uploadSecretHash } from './photo-uploads/upload-token.ts';
import { consumeUploads, liveUploadIds } from './photo-uploads/uploads.store.ts';

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A photo in a request: inline base64 (API clients, older apps) or the id of a photo uploaded beforehand. */
export interface PhotoInput {
  data?: string;
  uploadId?: string;
}

/** Whose staged uploads a request may use: the signed-in actor's, or a citizen's (proved by each id's secret). */
export type UploadOwner = { actorId: string } | 'citizen';

export function uploadOwnerOf(ctx: Ctx): UploadOwner {
  return ctx.actor ? { actorId: ctx.actor.id } : 'citizen';
}

/** The photos of a request, checked and in their order: inline ones decoded and cleaned, staged ones named. */
export interface CheckedPhotos {
  count: number;
  field: string;
  owner: UploadOwner;
  inline: Array<{ index: number; image: InspectedImage }>;
  staged: Array<{ index: number; token: UploadToken }>;
}

export function inlinePhotos(images: readonly InspectedImage[], field = 'photos'): CheckedPhotos {
  return {
    count: images.length,
    field,
    owner: 'citizen',
    inline: images.map((image, index) => ({ index, image })),
    staged: [],
  };
}

export interface CheckPhotosOptions {
  count?: PhotoCountRule;
  field?: string;
  owner: UploadOwner;
}

/**
 * Checks the count (inline and staged together), decodes and checks every inline photo, and checks that each
 * upload id is one this caller could own, before anything is stored: a bad photo among nine refuses the whole
 * submission with each bad photo's field name (`photos.3`) and saves nothing. Whether a staged upload still
 * exists is settled when it is consumed, inside the transaction (a retried request must reach its replay).
 */
export async function checkPhotos(items: readonly PhotoInput[], options: CheckPhotosOptions): Promise<CheckedPhotos> {
  const { count = casePhotoCount, field = 'photos', owner } = options;
  validatePhotoCount(items.length, count, field);
  const checked: CheckedPhotos = { count: items.length, field, owner, inline: [], staged: [] };
  const errors: AppError[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const name = `${field}.${index}`;
    try {
      if ((item.data === undefined) === (item.uploadId === undefined))
        throw AppError.field(name, 'cases.photo_one_source');
      if (item.data !== undefined)
        checked.inline.push({ index, image: await inspectImage(decodeBase64(item.data, name), { field: name }) });
      else checked.staged.push({ index, token: ownedToken(item.uploadId!, owner, seen, name) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw combinePhotoErrors(errors);
  return checked;
}

/** Inline base64 photos only, checked as a whole (what `checkReport`'s `prechecked` takes; the intake bench). */
export async function inspectUploadedPhotos(
  uploads: ReadonlyArray<{ data: string }>,
  count: PhotoCountRule = casePhotoCount,
  field = 'photos',
): Promise<InspectedImage[]> {
  const buffers = uploads.map((upload, index) => decodeBase64(upload.data, `${field}.${index}`));
  return inspectPhotos(buffers, { field, count });
}

function decodeBase64(value: string, field: string): Buffer {
  const data = value.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
  if (!base64.test(data)) throw photoError(field, 'not_an_image');
  return Buffer.from(data, 'base64');
}

/** A staff id is a bare UUID, a citizen's carries its secret; the other kind, or the same id twice, is not theirs. */
function ownedToken(uploadId: string, owner: UploadOwner, seen: Set<string>, field: string): UploadToken {
  const token = parseUploadId(uploadId);
  const fits = token !== null && (owner === 'citizen') === (token.secret !== null) && !seen.has(token.id);
  if (!fits) throw missingUpload(field);
  seen.add(token.id);
  return token;
}

const missingUpload = (field: string) => AppError.field(field, 'cases.photo_upload_missing');

/**
 * Stores the checked photos as the case's, inside the caller's transaction: inline ones inserted, staged ones
 * moved within the database. A staged upload that is gone (expired, used, someone else's) refuses the request
 * with its field, and the transaction rolls back, so nothing is consumed.
 */
export async function storePhotos(
  t: Ctx,
  caseId: number,
  stage: PhotoStage,
  photos: CheckedPhotos,
  firstOrder = 0,
): Promise<void> {
  const now = t.clock();
  const rows = photos.inline.map(({ index, image }) => ({
    regionCode: t.countyCode,
    caseId,
    id: randomUUID(),
    stage,
    ...storedPhotoFields(image),
    uploadedAt: now,
    uploadedBy: t.actor?.kind === 'user' ? t.actor.id : null,
    sortOrder: firstOrder + index,
  }));
  await insertPhotos(t.db, rows);
  if (photos.staged.length === 0) return;
  const ownerId = photos.owner === 'citizen' ? null : photos.owner.actorId;
  const wanted = photos.staged.map(({ index, token }) => ({
    id: token.id,
    secretHash: token.secret === null ? null : uploadSecretHash(token.secret),
    sortOrder: firstOrder + index,
  }));
  const moved = await consumeUploads(t.db, { regionCode: t.countyCode, caseId, stage, ownerId, now }, wanted);
  const missing = photos.staged.filter(({ token }) => !moved.has(token.id));
  if (missing.length === 0) return;
  await auditOthersUploads(
    t,
    missing.map(({ token }) => token.id),
  );
  const problems: FieldProblems = {};
  for (const { index } of missing) problems[`${photos.field}.${index}`] = { key: 'cases.photo_upload_missing' };
  throw AppError.validation(problems);
}

/**
 * An upload that was not consumed answers the same whether it is gone or someone else's; someone else's is
 * an attempt on another person's photo and goes on the trail (it survives the rollback that follows).
 */
async function auditOthersUploads(t: Ctx, ids: readonly string[]): Promise<void> {
  for (const id of await liveUploadIds(t.db, t.countyCode, ids, t.clock())) {
    await recordAuditOutside(t, {
      eventType: 'access.denied',
      action: 'use',
      outcome: 'failure',
      objectType: 'case_photo_upload',
      objectId: id,
      reasonCode: 'out_of_scope',
    });
  }
}
