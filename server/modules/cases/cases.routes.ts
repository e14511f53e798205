import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { idempotencyHeader, idempotencyKeyOf, runIdempotent } from '../../platform/delivery/idempotency.ts';
import { S } from '../../platform/http/schema.ts';
import type { TypedApp } from '../../platform/module.ts';
import { registerCaseActionRoutes } from './case-actions.routes.ts';
import { casePermissions as P } from './case-flow.ts';
import { listDepartmentsDto, nearbyCases } from './case-queries.ts';
import {
  CaseDetailSchema,
  CaseListQuery,
  CaseListSchema,
  CaseNoParams,
  NearbyQuery,
  NearbySchema,
  PhotoParams,
  PhotoQuery,
  photoBodyLimit,
  ReportedSchema,
  StaffReportBody,
} from './cases.schema.ts';
import { registerPhotoUploadRoutes } from './photo-uploads/photo-uploads.routes.ts';
import { registerPublicCaseRoutes } from './public.routes.ts';
import { listCases, readCase, readCasePhoto } from './read-cases.ts';
import { storeReport } from './report-case.ts';
import { registerCaseSettingsRoutes } from './settings/settings.routes.ts';
import { checkStaffReport } from './staff-report.ts';

const tags = ['cases'];
const errors = {
  400: S.error(),
  401: S.error(),
  403: S.error(),
  404: S.error(),
  409: S.error(),
  413: S.error(),
  422: S.error(),
};

export function sendPhoto(reply: FastifyReply, photo: { contentType: string; bytes: Buffer }) {
  return reply
    .type(photo.contentType)
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .send(photo.bytes);
}

export async function registerCaseRoutes(app: TypedApp): Promise<void> {
  app.post(
    '/api/cases',
    {
      bodyLimit: photoBodyLimit,
      config: { access: { permission: P.report } },
      schema: {
        tags,
        summary: 'Report a case (patrol, volunteer, hotline); send an Idempotency-Key from the field',
        body: StaffReportBody,
        response: { 201: ReportedSchema, 200: ReportedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request.headers[idempotencyHeader]);
      const scope = `cases.report:${request.ctx.actor?.id}`;
      // Checked before the transaction: photo decoding is slow and must not hold the database.
      const checked = await checkStaffReport(request.ctx, request.body);
      const result = await runIdempotent(request.ctx, { scope, key, body: request.body }, async (t) => ({
        statusCode: 201,
        body: await storeReport(t, checked),
      }));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.statusCode).send(result.body);
    },
  );

  app.get(
    '/api/cases',
    {
      config: { access: { permission: P.read } },
      schema: {
        tags,
        summary: 'Cases in scope: queues, filters and paging',
        querystring: CaseListQuery,
        response: { 200: CaseListSchema, ...errors },
      },
    },
    async (request) => listCases(request.ctx, request.query),
  );

  app.get(
    '/api/cases/nearby',
    {
      config: { access: { permission: P.read } },
      schema: {
        tags,
        summary: 'Open cases of a category near a point (duplicate check)',
        querystring: NearbyQuery,
        response: { 200: NearbySchema, ...errors },
      },
    },
    async (request) => nearbyCases(request.ctx, request.query),
  );

  app.get(
    '/api/cases/departments',
    {
      config: { access: { permission: P.read } },
      schema: {
        tags,
        summary: 'Handling departments (专业部门)',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })) }),
          ...errors,
        },
      },
    },
    async (request) => listDepartmentsDto(request.ctx),
  );

  app.get(
    '/api/cases/:caseNo',
    {
      config: { access: { permission: P.read } },
      schema: {
        tags,
        summary: 'One case with its timeline, photos and the actions open to you',
        params: CaseNoParams,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => readCase(request.ctx, request.params.caseNo),
  );

  app.get(
    '/api/cases/:caseNo/photos/:photoId',
    {
      config: { access: { permission: P.read } },
      schema: { tags, summary: 'A case photo (EXIF removed)', params: PhotoParams, querystring: PhotoQuery },
    },
    async (request, reply) =>
      sendPhoto(
        reply,
        await readCasePhoto(
          request.ctx,
          request.params.caseNo,
          request.params.photoId,
          request.query.variant ?? 'content',
        ),
      ),
  );

  registerCaseActionRoutes(app);
  registerCaseSettingsRoutes(app);
  registerPublicCaseRoutes(app);
  await registerPhotoUploadRoutes(app);
}
