import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { assertPermission } from '../../../platform/access/access.ts';
import { defaultPhotoLimits, photoSlots } from '../../../platform/files/image.ts';
import { formatMegabytes, photoError, photosBusy } from '../../../platform/files/image-errors.ts';
import { defineRoute, registerRoutes } from '../../../platform/http/define-route.ts';
import { S } from '../../../platform/http/schema.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { casePermissions as P } from '../case-flow.ts';
import { PhotoUploadedSchema } from '../cases.schema.ts';
import { inspectUpload, stagePhoto, uploadField, uploadFingerprint } from './stage-photo.ts';

/** The body is the photo itself, as a phone's file picker or camera gives it; its type is then read from the bytes. */
export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/octet-stream'];
const maxBytes = defaultPhotoLimits.maxBytes;
/** Beyond the shared set: a photo over the limit (413 before a byte is read) and a body that is no image (415). */
const errors = [413, 415] as const;
const schema = { consumes: uploadContentTypes, querystring: S.object({}), response: { 201: PhotoUploadedSchema } };

/** Those who attach photos: reporters, handlers (处理反馈) and inspectors (核查). */
const photoTakers = [P.report, P.handle, P.verify];

async function mayAttachPhotos(request: FastifyRequest): Promise<void> {
  const permissions = request.ctx.actor?.permissions;
  if (!photoTakers.some((p) => permissions?.has(p))) await assertPermission(request, P.report);
}

/** A declared size over the limit is refused before a byte is read, with the same field error the check gives. */
async function refuseDeclaredOversize(request: FastifyRequest): Promise<void> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw photoError(uploadField, 'too_large', { limitMb: formatMegabytes(maxBytes) });
}

/**
 * While every photo slot is busy and the queue is full, a photo would be refused once read: refuse it before its
 * bytes cross a weak mobile link, with 503 and Retry-After (the phone sends it again with the same key).
 */
async function refuseWhilePhotosBusy(): Promise<void> {
  if (photoSlots().full) throw photosBusy();
}

function bodyBytes(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/** With an Idempotency-Key a retried upload (its answer lost on a weak signal) gets the first answer back. */
function stagedUpload(citizen: boolean) {
  return {
    operation: 'cases.photo-upload',
    status: 201,
    fingerprint: (request: FastifyRequest) => uploadFingerprint(bodyBytes(request)),
    prepare: (request: FastifyRequest) => inspectUpload(bodyBytes(request)),
    write: (t: Parameters<typeof stagePhoto>[0], image: Parameters<typeof stagePhoto>[1]) =>
      stagePhoto(t, image, citizen),
  };
}

const staffUpload = defineRoute({
  method: 'POST',
  url: '/api/cases/photo-uploads',
  summary: 'Upload one photo for a report, 处理反馈 or 核查 to come; send an Idempotency-Key',
  tags: ['cases'],
  access: { permission: P.read },
  preHandler: mayAttachPhotos,
  errors,
  schema,
  idempotency: stagedUpload(false),
});

const citizenUpload = defineRoute({
  method: 'POST',
  url: '/api/public/cases/photo-uploads',
  summary: 'Upload one photo for a citizen report to come; the uploadId carries its own secret',
  tags: ['cases (public)'],
  access: 'public',
  // The citizen page sends photos with XMLHttpRequest (for its progress bar), which carries a staff session
  // cookie of the same browser; the upload ignores the session (it is the citizen's by secret), so no CSRF.
  csrfExempt: true,
  // Uploads and reports share the client's hourly budget, spent before the photo is read.
  rateLimit: 'public-write',
  errors,
  schema,
  idempotency: stagedUpload(true),
});

/**
 * One photo per request, sent as soon as it is picked, so a report over a weak signal never carries nine photos
 * at once (nor a third more for base64). Scoped: only these routes take raw image bodies; JSON is refused (415).
 */
export async function registerPhotoUploadRoutes(app: TypedApp): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(uploadContentTypes, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.addHook('onRequest', refuseDeclaredOversize);
    scope.addHook('onRequest', refuseWhilePhotosBusy);
    registerRoutes(scope, [staffUpload, citizenUpload]);
  });
}
