import { defineRoute, registerRoutes } from '../../platform/http/define-route.ts';
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
import { spendInlinePhotos } from './public-intake.ts';
import { withdrawSmsConsent } from './sms-consent.ts';
import { checkCitizenReport } from './public-report.ts';
import { storeReport } from './report-case.ts';
import { rateCase, reporterPhoto, trackCase } from './tracking.ts';

const tags = ['cases (public)'];

const form = defineRoute({
  method: 'GET',
  url: '/api/public/cases/form',
  summary: 'What the report form offers: categories in plain words, townships and villages',
  tags,
  access: 'public',
  schema: { response: { 200: PublicFormSchema } },
  handler: async (request) => publicForm(request.ctx),
});

const nearby = defineRoute({
  method: 'GET',
  url: '/api/public/cases/nearby',
  summary: 'Open cases of a category near a point, before reporting it again',
  tags,
  access: 'public',
  schema: { querystring: NearbyQuery, response: { 200: NearbySchema } },
  handler: async (request) => publicNearbyCases(request.ctx, request.query),
});

const citizenReport = defineRoute({
  method: 'POST',
  url: '/api/public/cases',
  summary: 'Report a problem, anonymously or with a phone for follow-up; placed by a point, or by township and address',
  tags,
  access: 'public',
  // Reports and photo uploads share the client's hourly budget, spent before the body is read.
  rateLimit: 'public-write',
  bodyLimit: publicReportBodyLimit,
  schema: { body: CitizenReportBody, response: { 201: ReportedSchema, 200: ReportedSchema } },
  idempotency: {
    operation: 'cases.report',
    status: 201,
    // Checked before the transaction: photo decoding is slow and must not hold the database.
    prepare: async (request) => {
      await spendInlinePhotos(request, request.body.photos);
      return checkCitizenReport(request.ctx, request.body);
    },
    write: (t, checked) => storeReport(t, checked),
  },
});

const tracking = defineRoute({
  method: 'GET',
  url: '/api/public/cases/:caseNo',
  summary: 'Track a case with its number and tracking code',
  tags,
  access: 'public',
  schema: { params: CaseNoParams, headers: TrackingHeaders, response: { 200: TrackingSchema } },
  handler: async (request) => trackCase(request.ctx, request.params.caseNo, request.headers['x-case-token']),
});

const resultPhoto = defineRoute({
  method: 'GET',
  url: '/api/public/cases/:caseNo/photos/:photoId',
  summary: 'A result photo of the reporter’s case',
  tags,
  access: 'public',
  schema: { params: PhotoParams, querystring: PhotoQuery, headers: TrackingHeaders },
  handler: async (request, reply) => {
    const { caseNo, photoId } = request.params;
    const token = request.headers['x-case-token'];
    const photo = await reporterPhoto(request.ctx, caseNo, token, photoId, request.query.variant ?? 'content');
    return reply.type(photo.contentType).header('x-content-type-options', 'nosniff').send(photo.bytes);
  },
});

const rating = defineRoute({
  method: 'POST',
  url: '/api/public/cases/:caseNo/rating',
  summary: '回访: rate the result once the case is closed',
  tags,
  access: 'public',
  schema: { params: CaseNoParams, headers: TrackingHeaders, body: RateBody, response: { 200: TrackingSchema } },
  handler: async (request) =>
    rateCase(request.ctx, request.params.caseNo, request.headers['x-case-token'], request.body),
});

const smsWithdraw = defineRoute({
  method: 'DELETE',
  url: '/api/public/cases/:caseNo/sms-consent',
  summary: 'Stop the SMS notices about this case (withdraw the consent given on the report form)',
  tags,
  access: 'public',
  rateLimit: 'public-write',
  schema: { params: CaseNoParams, headers: TrackingHeaders, response: { 200: TrackingSchema } },
  handler: async (request) => withdrawSmsConsent(request.ctx, request.params.caseNo, request.headers['x-case-token']),
});

/** The citizen's side: report from a phone, follow the case with its number and code, rate the result. */
export function registerPublicCaseRoutes(app: TypedApp): void {
  registerRoutes(app, [form, nearby, citizenReport, tracking, resultPhoto, rating, smsWithdraw]);
}
