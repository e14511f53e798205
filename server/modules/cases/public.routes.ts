import { idempotencyHeader, idempotencyKeyOf, runIdempotent } from '../../platform/delivery/idempotency.ts';
import { S } from '../../platform/http/schema.ts';
import type { TypedApp } from '../../platform/module.ts';
import { publicNearbyCases } from './case-queries.ts';
import {
  CaseNoParams,
  CitizenReportBody,
  NearbyQuery,
  NearbySchema,
  PhotoParams,
  PhotoQuery,
  RateBody,
  ReportedSchema,
  TrackingHeaders,
  TrackingSchema,
} from './cases.schema.ts';
import { PublicFormSchema, publicForm } from './public-form.ts';
import { publicReportBodyLimit } from './body-limits.ts';
import { publicClientOfRequest, spendInlinePhotos, spendOnArrival } from './public-intake.ts';
import { checkReport, storeReport } from './report-case.ts';
import { rateCase, reporterPhoto, trackCase } from './tracking.ts';

const tags = ['cases (public)'];
const errors = {
  400: S.error(),
  403: S.error(),
  404: S.error(),
  409: S.error(),
  413: S.error(),
  422: S.error(),
  429: S.error(),
};
const open = { access: 'public' as const };

/** The citizen's side: report from a phone, follow the case with its number and code, rate the result. */
export function registerPublicCaseRoutes(app: TypedApp): void {
  app.get(
    '/api/public/cases/form',
    {
      config: open,
      schema: {
        tags,
        summary: 'What the report form offers: categories in plain words, townships and villages',
        response: { 200: PublicFormSchema },
      },
    },
    async (request) => publicForm(request.ctx),
  );

  app.get(
    '/api/public/cases/nearby',
    {
      config: open,
      schema: {
        tags,
        summary: 'Open cases of a category near a point, before reporting it again',
        querystring: NearbyQuery,
        response: { 200: NearbySchema, ...errors },
      },
    },
    async (request) => publicNearbyCases(request.ctx, request.query),
  );

  app.post(
    '/api/public/cases',
    {
      bodyLimit: publicReportBodyLimit,
      onRequest: spendOnArrival,
      config: open,
      schema: {
        tags,
        summary: 'Report a problem, anonymously or with a phone for follow-up',
        body: CitizenReportBody,
        response: { 201: ReportedSchema, 200: ReportedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request.headers[idempotencyHeader]);
      await spendInlinePhotos(request, request.body.photos);
      // Checked before the transaction: photo decoding is slow and must not hold the database.
      const checked = await checkReport(request.ctx, { ...request.body, channel: 'citizen' }, undefined, 'citizen');
      // A citizen's keys are theirs alone: two phones that happen to pick one key never see each other's answer.
      const scope = `cases.report:citizen:${publicClientOfRequest(request).own}`;
      const result = await runIdempotent(request.ctx, { scope, key, body: request.body }, async (t) => ({
        statusCode: 201,
        body: await storeReport(t, checked),
      }));
      return reply.code(result.statusCode).send(result.body);
    },
  );

  app.get(
    '/api/public/cases/:caseNo',
    {
      config: open,
      schema: {
        tags,
        summary: 'Track a case with its number and tracking code',
        params: CaseNoParams,
        headers: TrackingHeaders,
        response: { 200: TrackingSchema, ...errors },
      },
    },
    async (request) => trackCase(request.ctx, request.params.caseNo, request.headers['x-case-token']),
  );

  app.get(
    '/api/public/cases/:caseNo/photos/:photoId',
    {
      config: open,
      schema: {
        tags,
        summary: 'A result photo of the reporter’s case',
        params: PhotoParams,
        querystring: PhotoQuery,
        headers: TrackingHeaders,
      },
    },
    async (request, reply) => {
      const photo = await reporterPhoto(
        request.ctx,
        request.params.caseNo,
        request.headers['x-case-token'],
        request.params.photoId,
        request.query.variant ?? 'content',
      );
      return reply.type(photo.contentType).header('x-content-type-options', 'nosniff').send(photo.bytes);
    },
  );

  app.post(
    '/api/public/cases/:caseNo/rating',
    {
      config: open,
      schema: {
        tags,
        summary: '回访: rate the result once the case is closed',
        params: CaseNoParams,
        headers: TrackingHeaders,
        body: RateBody,
        response: { 200: TrackingSchema, ...errors },
      },
    },
    async (request) => rateCase(request.ctx, request.params.caseNo, request.headers['x-case-token'], request.body),
  );
}
