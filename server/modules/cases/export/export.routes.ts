import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { type DefinedRoute, defineRoute } from '../../../platform/http/define-route.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { casePermissions } from '../case-flow.ts';
import { CaseExportQuery } from './export.schema.ts';
import { defaultExportLimits, type ExportLimits, exportCaseList } from './export.service.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The route with its caps: production's by default, small ones in tests. */
function caseListFile(limits: ExportLimits): DefinedRoute {
  return defineRoute({
    method: 'GET',
    url: '/api/cases/export.xlsx',
    summary: `The case list's filter as an Excel file (at most ${limits.maxRows} cases; audited)`,
    tags: ['cases'],
    access: { permission: casePermissions.export },
    schema: {
      querystring: CaseExportQuery,
      // A stream bypasses the serialiser; the schema only documents the file for OpenAPI.
      response: { 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: '.xlsx file' }) },
    },
    handler: async (request, reply) => {
      const file = await exportCaseList(request.ctx, request.query, limits);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-row-count', String(file.rowCount))
        .send(file.body);
    },
  });
}

/** GET /api/cases/export.xlsx: the case list's current filter as an Excel file (streamed, capped, audited). */
export function exportRoutes(app: TypedApp, limits: ExportLimits = defaultExportLimits): void {
  caseListFile(limits)(app);
}
