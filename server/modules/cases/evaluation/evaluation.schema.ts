import { type Static, Type } from 'typebox';
import { S } from '../../../platform/http/schema.ts';
import { CaseListItemSchema } from '../cases.schema.ts';
import { dimensions } from './evaluation.store.ts';
import { measures } from './evaluation-rows.ts';
import { defaultMinVolume } from './indicators.ts';

const day = (description: string) => Type.String({ format: 'date', description });
const period = {
  from: day('First day of the period (Asia/Shanghai)'),
  to: day('Last day of the period, included (Asia/Shanghai); at most three years after `from`'),
  minVolume: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: `A group with fewer 应结案 is flagged lowVolume (default ${defaultMinVolume})`,
    }),
  ),
};

export const EvaluationQuery = S.object({ ...period, groupBy: S.literals(dimensions) });
export type EvaluationQueryInput = Static<typeof EvaluationQuery>;

/** The Excel file holds every dimension, one sheet each, unless `groupBy` picks one. */
export const EvaluationExportQuery = S.object({ ...period, groupBy: Type.Optional(S.literals(dimensions)) });
export type EvaluationExportQueryInput = Static<typeof EvaluationExportQuery>;

const count = Type.Integer({ minimum: 0 });
const rate = (description: string) =>
  Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()], {
    description: `${description}; null (shown "—") when the denominator is 0`,
  });

export const IndicatorsSchema = Type.Object({
  reported: count,
  registered: count,
  due: Type.Integer({ minimum: 0, description: '应结案数' }),
  closed: count,
  closedOnTime: count,
  closedRate: rate('结案率 % = closed / due'),
  onTimeRate: rate('按期结案率 % = closedOnTime / due'),
  reworked: count,
  reworkRate: rate('返工率 % = reworked / closed'),
  avgHandlingHours: Type.Union([Type.Number(), Type.Null()], {
    description: 'Average working hours from dispatch to feedback',
  }),
  satisfaction: Type.Union([Type.Number(), Type.Null()], { description: 'Average 回访 score 1–5' }),
  rated: count,
  verified: Type.Integer({ minimum: 0, description: '核实数: reports whose last on-site check lies in the period' }),
  verifiedOnTime: Type.Integer({ minimum: 0, description: '按时核实数: of those, answered within the 核实 limit' }),
  verifyOnTimeRate: rate('按时核实率 % = verifiedOnTime / verified'),
  overdueOpen: Type.Union([count, Type.Null()], {
    description: 'Open and overdue now (a snapshot; null on month rows)',
  }),
  lowVolume: Type.Boolean(),
});

export const EvaluationRowSchema = Type.Object({
  key: Type.Union([Type.String(), Type.Null()], {
    description: 'Township code, department key (null: not dispatched), category code or YYYY-MM',
  }),
  name: Type.String(),
  ...IndicatorsSchema.properties,
});
export type EvaluationRowDto = Static<typeof EvaluationRowSchema>;

export const EvaluationSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  groupBy: S.literals(dimensions),
  minVolume: Type.Integer(),
  generatedAt: Type.String({ format: 'date-time' }),
  rows: Type.Array(EvaluationRowSchema),
  total: EvaluationRowSchema,
});
export type EvaluationDto = Static<typeof EvaluationSchema>;

/** `group=-`: the row without a key (未派遣, cases never dispatched); no `group`: the total row. */
export const noGroupKey = '-';

export const EvaluationCasesQuery = S.object({
  from: period.from,
  to: period.to,
  groupBy: S.literals(dimensions),
  group: Type.Optional(
    Type.String({
      pattern: '^(-|[0-9]{6}|[0-9]{9}|[0-9]{5}|[0-9]{4}-[0-9]{2}|[a-z][a-z0-9_]{1,39})$',
      description:
        "The row's key as the figures give it: township code, department key, category code or YYYY-MM; `-` for the row without a key (未派遣); left out for the total",
    }),
  ),
  measure: S.literals(measures),
  ...S.page(),
});
export type EvaluationCasesQueryInput = Static<typeof EvaluationCasesQuery>;

export const EvaluationCasesSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  groupBy: S.literals(dimensions),
  measure: S.literals(measures),
  /** The row's name as the figures show it (合计 for the total). */
  groupName: Type.String(),
  generatedAt: Type.String({ format: 'date-time' }),
  /** Exact: equals the figure of the same row and measure. */
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(CaseListItemSchema),
});
export type EvaluationCasesDto = Static<typeof EvaluationCasesSchema>;
