import type { Ctx } from '../../platform/context.ts';
import type { Bilingual, FigureDeclaration, FigureScope } from '../../platform/module.ts';
import { evaluateCases } from './evaluation/evaluation.service.ts';
import type { Indicators } from './evaluation/indicators.ts';

/**
 * What the case loop offers the dashboard: the 综合评价 totals (evaluation.service.ts) over the caller's cases
 * and the period, so a figure on the dashboard is the number the evaluation page and its Excel file print.
 * The definitions are evaluation.store.ts's, in words.
 */
type Figure = keyof Omit<Indicators, 'lowVolume'>;

async function totalOf(ctx: Ctx, scope: FigureScope, figure: Figure): Promise<number | null> {
  const evaluation = await evaluateCases(ctx, { from: scope.from, to: scope.to, groupBy: 'township' });
  return evaluation.total[figure];
}

const cases: Bilingual = { zh: '件', en: 'cases' };
const percent: Bilingual = { zh: '%', en: '%' };

function figure(
  figureKey: Figure,
  key: string,
  label: Bilingual,
  unit: Bilingual,
  definition: Bilingual,
): FigureDeclaration {
  return { key, ...label, unit, definition, compute: (ctx, scope) => totalOf(ctx, scope, figureKey) };
}

export const casesFigures: readonly FigureDeclaration[] = [
  figure('reported', 'cases.reported', { zh: '上报数', en: 'Reported' }, cases, {
    zh: '统计时段内上报的案件数（各渠道，含不予立案与合并）',
    en: 'Cases reported in the period, every channel, rejected and merged ones included',
  }),
  figure('registered', 'cases.registered', { zh: '立案数', en: 'Registered' }, cases, {
    zh: '统计时段内立案的案件数',
    en: 'Cases registered in the period',
  }),
  figure('due', 'cases.due', { zh: '应结案数', en: 'Due' }, cases, {
    zh: '已派遣案件中，处置时限或结案时间（取较早者）落在统计时段内的案件数',
    en: 'Dispatched cases whose deadline or closing, whichever came first, falls in the period',
  }),
  figure('closed', 'cases.closed', { zh: '结案数', en: 'Closed' }, cases, {
    zh: '应结案中已结案的案件数',
    en: 'Of the cases due, those closed',
  }),
  figure('closedRate', 'cases.closed_rate', { zh: '结案率', en: 'Closed rate' }, percent, {
    zh: '结案数 ÷ 应结案数；应结案数为 0 时无值',
    en: 'Closed ÷ due; none when nothing was due',
  }),
  figure('onTimeRate', 'cases.on_time_rate', { zh: '按期结案率', en: 'On-time rate' }, percent, {
    zh: '按期结案数 ÷ 应结案数（处置反馈早于处置时限为按期）',
    en: 'Closed on time ÷ due (on time: the handling feedback came before the deadline)',
  }),
  figure('reworkRate', 'cases.rework_rate', { zh: '返工率', en: 'Rework rate' }, percent, {
    zh: '返工数 ÷ 结案数（至少一次核查未通过为返工）',
    en: 'Reworked ÷ closed (reworked: at least one failed verification)',
  }),
  figure(
    'avgHandlingHours',
    'cases.avg_handling_hours',
    { zh: '平均处置时长', en: 'Average handling time' },
    { zh: '工作小时', en: 'working hours' },
    {
      zh: '结案案件从最后一次派遣到最后一次处置反馈的工作时间的平均值',
      en: 'Average working time of closed cases from the last dispatch to the last handling feedback',
    },
  ),
  figure(
    'satisfaction',
    'cases.satisfaction',
    { zh: '满意度', en: 'Satisfaction' },
    { zh: '分（1–5）', en: 'score (1–5)' },
    {
      zh: '已回访评价的结案案件的平均分',
      en: 'Average 1–5 score of the closed cases that were rated',
    },
  ),
  figure('verifyOnTimeRate', 'cases.verify_on_time_rate', { zh: '按时核实率', en: 'On-time check rate' }, percent, {
    zh: '按时核实数 ÷ 核实数：统计时段内监督员完成现场核实（属实或不属实，以最后一次为准）的上报中，在核实时限内完成的比例；核实数为 0 时无值',
    en: 'Checked in time ÷ checked: of the reports an inspector checked on site in the period (confirmed or not, the last check), the share answered within the check time limit; none when nothing was checked',
  }),
  figure('overdueOpen', 'cases.overdue_open', { zh: '超期未结', en: 'Open and overdue' }, cases, {
    zh: '当前超过环节时限且未挂起的在办案件数（当下快照，不随统计时段变化）',
    en: 'Open cases past their stage deadline and not suspended, now (a snapshot, not of the period)',
  }),
];
