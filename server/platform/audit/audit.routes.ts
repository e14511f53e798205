import { Type } from 'typebox';
import { defineRoute, registerRoutes } from '../http/define-route.ts';
import type { TypedApp } from '../module.ts';
import { shanghaiTime } from './audit.export.ts';
import { presentAuditPage } from './audit.presenter.ts';
import { AuditExportQuery, AuditPageSchema, AuditSearchQuery, ChainVerificationSchema } from './audit.schema.ts';
import { exportAudit, searchAudit, verifyAudit } from './audit.service.ts';

/** Granted to the 审计管理员 only (三员: the audit administrator reads the trail and nothing else). */
export const auditPermissions = {
  read: 'audit.read',
  verify: 'audit.verify',
  export: 'audit.export',
} as const;

const tags = ['audit'];

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

const searchEvents = defineRoute({
  method: 'GET',
  url: '/api/audit/events',
  summary: 'Search the audit trail, newest first',
  tags,
  access: { permission: auditPermissions.read },
  schema: { querystring: AuditSearchQuery, response: { 200: AuditPageSchema } },
  handler: async (request) => {
    const result = await searchAudit(request.ctx, request.query);
    return { ...result, items: await presentAuditPage(request.ctx, result.items) };
  },
});

const verifyChain = defineRoute({
  method: 'GET',
  url: '/api/audit/verify',
  summary: "Verify the county's audit hash chain",
  tags,
  access: { permission: auditPermissions.verify },
  schema: { response: { 200: ChainVerificationSchema } },
  handler: async (request) => verifyAudit(request.ctx),
});

const exportEvents = defineRoute({
  method: 'GET',
  url: '/api/audit/export',
  summary: 'Export the filtered audit trail as .xlsx or CSV (at most 50,000 rows)',
  tags,
  access: { permission: auditPermissions.export },
  schema: {
    querystring: AuditExportQuery,
    // Buffers bypass the serialiser; the schema only documents the file for OpenAPI.
    response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx or CSV file' }) },
  },
  handler: async (request, reply) => {
    const { ctx } = request;
    const file = await exportAudit(ctx, request.query);
    const stamp = shanghaiTime(ctx.clock()).slice(0, 19).replace(/[-:]/g, '');
    return reply
      .header('content-type', contentTypes[file.format])
      .header('content-disposition', `attachment; filename="audit-${ctx.countyCode}-${stamp}.${file.format}"`)
      .header('x-row-count', String(file.rowCount))
      .send(file.body);
  },
});

/** The audit administrator's interface (AUD-06): search, verify the chain, export. */
export function registerAuditRoutes(app: TypedApp): void {
  registerRoutes(app, [searchEvents, verifyChain, exportEvents]);
}
