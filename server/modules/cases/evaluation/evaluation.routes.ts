import { Type } from 'typebox';
import { defineRoute, registerRoutes } from '../../../platform/http/define-route.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { casePermissions } from '../case-flow.ts';
import {
  EvaluationCasesQuery,
  EvaluationCasesSchema,
  EvaluationExportQuery,
  EvaluationQuery,
  EvaluationSchema,
} from './evaluation.schema.ts';
import { evaluateCases, exportEvaluation } from './evaluation.service.ts';
import { listFigureCases } from './evaluation-cases.ts';

const tags = ['cases'];
const access = { permission: casePermissions.evaluate };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const evaluation = defineRoute({
  method: 'GET',
  url: '/api/cases/evaluation',
  summary: '综合评价: 立案数, 结案率, 按期结案率, 返工率, 处置时长 … by township, department, category or month',
  tags,
  access,
  schema: { querystring: EvaluationQuery, response: { 200: EvaluationSchema } },
  handler: async (request) => evaluateCases(request.ctx, request.query),
});

const evaluationFile = defineRoute({
  method: 'GET',
  url: '/api/cases/evaluation.xlsx',
  summary: '综合评价 as an Excel file, one sheet per dimension (audited)',
  tags,
  access,
  schema: {
    querystring: EvaluationExportQuery,
    // Buffers bypass the serialiser; the schema only documents the file for OpenAPI.
    response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '.xlsx file' }) },
  },
  handler: async (request, reply) => {
    const file = await exportEvaluation(request.ctx, request.query);
    return reply
      .header('content-type', xlsxType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.body);
  },
});

const figureCases = defineRoute({
  method: 'GET',
  url: '/api/cases/evaluation/cases',
  summary: '综合评价 drill-down: the cases behind one figure (a measure of one row, or of the total), paged',
  tags,
  access,
  schema: { querystring: EvaluationCasesQuery, response: { 200: EvaluationCasesSchema } },
  handler: async (request) => listFigureCases(request.ctx, request.query),
});

/** 综合评价 (数字城管 step 7): the indicators by township, department, category or month, their Excel file, and the cases behind each figure. */
export function evaluationRoutes(app: TypedApp): void {
  registerRoutes(app, [evaluation, evaluationFile, figureCases]);
}
