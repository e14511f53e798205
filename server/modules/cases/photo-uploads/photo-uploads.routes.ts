import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { assertPermission } from '../../../platform/access/access.ts';
import { idempotencyHeader, idempotencyKeyOf } from '../../../platform/delivery/idempotency.ts';
import { defaultPhotoLimits } from '../../../platform/files/image.ts';
import { formatMegabytes, photoError } from '../../../platform/files/image-errors.ts';
import { S } from '../../../platform/http/schema.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { casePermissions as P } from '../case-flow.ts';
import { publicClientOfRequest, spendOnArrival } from '../public-intake.ts';
import { PhotoUploadedSchema } from '../cases.schema.ts';
import { stagePhoto, uploadField } from './stage-photo.ts';

/** The body is the photo itself, as a phone's file picker or camera gives it; its type is then read from the bytes. */
export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/octet-stream'];
const maxBytes = defaultPhotoLimits.maxBytes;
const errors = {
  400: S.error(),
  401: S.error(),
  403: S.error(),
  413: S.error(),
  415: S.error(),
  422: S.error(),
  429: S.error(),
};
const consumes = uploadContentTypes;
const NoQuery = S.object({});
const responses = { 201: PhotoUploadedSchema, ...errors };

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

function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}

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

    scope.post(
      '/api/cases/photo-uploads',
      {
        config: { access: { permission: P.read } },
        preHandler: mayAttachPhotos,
        schema: {
          tags: ['cases'],
          summary: 'Upload one photo for a report, 处理反馈 or 核查 to come; send an Idempotency-Key',
          consumes,
          querystring: NoQuery,
          response: responses,
        },
      },
      async (request, reply) => {
        const result = await stagePhoto(
          request.ctx,
          bodyBytes(request.body),
          idempotencyKeyOf(request.headers[idempotencyHeader]),
          null,
        );
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(201).send(result.body);
      },
    );

    scope.post(
      '/api/public/cases/photo-uploads',
      {
        // The citizen page sends photos with XMLHttpRequest (for its progress bar), which carries a staff session
        // cookie of the same browser; the upload ignores the session (it is the citizen's by secret), so no CSRF.
        config: { access: 'public', csrfExempt: true },
        // Uploads and reports share the client's hourly budget (public-intake.ts), spent before the photo is read.
        onRequest: spendOnArrival,
        schema: {
          tags: ['cases (public)'],
          summary: 'Upload one photo for a citizen report to come; the uploadId carries its own secret',
          consumes,
          querystring: NoQuery,
          response: responses,
        },
      },
      async (request, reply) => {
        const result = await stagePhoto(
          request.ctx,
          bodyBytes(request.body),
          idempotencyKeyOf(request.headers[idempotencyHeader]),
          publicClientOfRequest(request),
        );
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(201).send(result.body);
      },
    );
  });
}
