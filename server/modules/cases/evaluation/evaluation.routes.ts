import { Type } from 'typebox';
import { S } from '../../../platform/http/schema.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { casePermissions } from '../case-flow.ts';
import { EvaluationExportQuery, EvaluationQuery, EvaluationSchema } from './evaluation.schema.ts';
import { evaluateCases, exportEvaluation } from './evaluation.service.ts';

const tags = ['cases'];
const errors = { 400: S.error(), 401: S.error(), 403: S.error() };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 综合评价 (数字城管 step 7): the indicators by township, department, category or month, and their Excel file. */
export function evaluationRoutes(app: TypedApp): void {
  app.get(
    '/api/cases/evaluation',
    {
      config: { access: { permission: casePermissions.evaluate } },
      schema: {
        tags,
        summary: '综合评价: 立案数, 结案率, 按期结案率, 返工率, 处置时长 … by township, department, category or month',
        querystring: EvaluationQuery,
        response: { 200: EvaluationSchema, ...errors },
      },
    },
    async (request) => evaluateCases(request.ctx, request.query),
  );

  app.get(
    '/api/cases/evaluation.xlsx',
    {
      config: { access: { permission: casePermissions.evaluate } },
      schema: {
        tags,
        summary: '综合评价 as an Excel file, one sheet per dimension (audited)',
        querystring: EvaluationExportQuery,
        // Buffers bypass the serialiser; the schema only documents the file for OpenAPI.
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx file' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await exportEvaluation(request.ctx, request.query);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
