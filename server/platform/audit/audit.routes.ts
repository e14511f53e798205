import { Type } from 'typebox';
import { S } from '../http/schema.ts';
import type { TypedApp } from '../module.ts';
import { shanghaiTime } from './audit.export.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import { AuditExportQuery, AuditPageSchema, AuditSearchQuery, ChainVerificationSchema } from './audit.schema.ts';
import { exportAudit, searchAudit, verifyAudit } from './audit.service.ts';

/** Granted to the 审计管理员 only (三员: the audit administrator reads the trail and nothing else). */
export const auditPermissions = {
  read: 'audit.read',
  verify: 'audit.verify',
  export: 'audit.export',
} as const;

const tags = ['audit'];
const errors = { 400: S.error(), 401: S.error(), 403: S.error() };

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The audit administrator's interface (AUD-06): search, verify the chain, export. */
export function registerAuditRoutes(app: TypedApp): void {
  app.get(
    '/api/audit/events',
    {
      config: { access: { permission: auditPermissions.read } },
      schema: {
        tags,
        summary: 'Search the audit trail, newest first',
        querystring: AuditSearchQuery,
        response: { 200: AuditPageSchema, ...errors },
      },
    },
    async (request) => {
      const result = await searchAudit(request.ctx, request.query);
      return { ...result, items: result.items.map(presentAuditEvent) };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: { permission: auditPermissions.verify } },
      schema: {
        tags,
        summary: "Verify the county's audit hash chain",
        response: { 200: ChainVerificationSchema, ...errors },
      },
    },
    async (request) => verifyAudit(request.ctx),
  );

  app.get(
    '/api/audit/export',
    {
      config: { access: { permission: auditPermissions.export } },
      schema: {
        tags,
        summary: 'Export the filtered audit trail as .xlsx or CSV (at most 50,000 rows)',
        querystring: AuditExportQuery,
        // Buffers bypass the serialiser; the schema only documents the file for OpenAPI.
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx or CSV file' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { ctx } = request;
      const file = await exportAudit(ctx, request.query);
      const stamp = shanghaiTime(ctx.clock()).slice(0, 19).replace(/[-:]/g, '');
      return reply
        .header('content-type', contentTypes[file.format])
        .header('content-disposition', `attachment; filename="audit-${ctx.countyCode}-${stamp}.${file.format}"`)
        .header('x-row-count', String(file.rowCount))
        .send(file.body);
    },
  );
}
