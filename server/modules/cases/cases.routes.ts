import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { defineRoute, registerRoutes } from '../../platform/http/define-route.ts';
import type { TypedApp } from '../../platform/module.ts';
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
  QueueCountsSchema,
  PhotoQuery,
  photoBodyLimit,
  ReportedSchema,
  StaffReportBody,
} from './cases.schema.ts';
import { countQueues } from './queue-counts.ts';
import { listCases, readCase, readCasePhoto } from './read-cases.ts';
import { checkStaffReport, storeStaffReport } from './staff-report.ts';

const tags = ['cases'];
const read = { permission: P.read };

export function sendPhoto(reply: FastifyReply, photo: { contentType: string; bytes: Buffer }) {
  return reply
    .type(photo.contentType)
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .send(photo.bytes);
}

const staffReport = defineRoute({
  method: 'POST',
  url: '/api/cases',
  summary: 'Report a case (patrol, volunteer, hotline); send an Idempotency-Key from the field',
  tags,
  access: { permission: P.report },
  bodyLimit: photoBodyLimit,
  schema: { body: StaffReportBody, response: { 201: ReportedSchema, 200: ReportedSchema } },
  idempotency: {
    operation: 'cases.report',
    status: 201,
    // Checked before the transaction: photo decoding is slow and must not hold the database.
    prepare: (request) => checkStaffReport(request.ctx, request.body),
    write: (t, checked) => storeStaffReport(t, checked),
  },
});

const caseList = defineRoute({
  method: 'GET',
  url: '/api/cases',
  summary: 'Cases in scope: queues, filters and paging',
  tags,
  access: read,
  schema: { querystring: CaseListQuery, response: { 200: CaseListSchema } },
  handler: async (request) => listCases(request.ctx, request.query),
});

const queueCounts = defineRoute({
  method: 'GET',
  url: '/api/cases/queue-counts',
  summary: "How many cases wait in each of the reader's queues (the staff home's to-dos)",
  tags,
  access: read,
  schema: { response: { 200: QueueCountsSchema } },
  handler: async (request) => countQueues(request.ctx),
});

const nearby = defineRoute({
  method: 'GET',
  url: '/api/cases/nearby',
  summary: 'Open cases of a category near a point (duplicate check)',
  tags,
  access: read,
  schema: { querystring: NearbyQuery, response: { 200: NearbySchema } },
  handler: async (request) => nearbyCases(request.ctx, request.query),
});

const DepartmentsSchema = Type.Object({
  items: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
});

const departments = defineRoute({
  method: 'GET',
  url: '/api/cases/departments',
  summary: 'Handling departments (专业部门)',
  tags,
  access: read,
  schema: { response: { 200: DepartmentsSchema } },
  handler: async (request) => listDepartmentsDto(request.ctx),
});

const caseDetail = defineRoute({
  method: 'GET',
  url: '/api/cases/:caseNo',
  summary: 'One case with its timeline, photos and the actions open to you',
  tags,
  access: read,
  schema: { params: CaseNoParams, response: { 200: CaseDetailSchema } },
  handler: async (request) => readCase(request.ctx, request.params.caseNo),
});

const casePhoto = defineRoute({
  method: 'GET',
  url: '/api/cases/:caseNo/photos/:photoId',
  summary: 'A case photo (EXIF removed)',
  tags,
  access: read,
  schema: { params: PhotoParams, querystring: PhotoQuery },
  handler: async (request, reply) => {
    const { caseNo, photoId } = request.params;
    return sendPhoto(reply, await readCasePhoto(request.ctx, caseNo, photoId, request.query.variant ?? 'content'));
  },
});

/** The staff side of the loop: report, list, read (the actions, settings, citizen and upload routes are parts of the manifest). */
export function registerCaseRoutes(app: TypedApp): void {
  registerRoutes(app, [staffReport, caseList, queueCounts, nearby, departments, caseDetail, casePhoto]);
}
