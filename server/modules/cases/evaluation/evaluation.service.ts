import { recordAuditOutside } from '../../../platform/audit/audit.ts';
import { dayMs, isLocalDate, startOfDayMs } from '../../../platform/calendar/shanghai-time.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { caseVisibilityOf } from '../cases.policy.ts';
import type { CaseVisibility } from '../case-scope.ts';
import type {
  EvaluationDto,
  EvaluationExportQueryInput,
  EvaluationQueryInput,
  EvaluationRowDto,
} from './evaluation.schema.ts';
import { countByGroup, type Dimension, dimensions, type GroupCounts } from './evaluation.store.ts';
import { writeEvaluationWorkbook } from './evaluation.xlsx.ts';
import { listedGroups, type NamedGroup, namesOf, notDispatchedName } from './group-names.ts';
import { addCounts, computeIndicators, defaultMinVolume, type RawCounts, zeroCounts } from './indicators.ts';

/** A longer period is a data dump, not a bulletin, and would scan too much of the history (400). */
export const maxPeriodYears = 3;

export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** from..to as Asia/Shanghai days, both included: [00:00 of from, 00:00 of the day after to). */
export function checkPeriod(from: string, to: string): Period {
  if (!isLocalDate(from)) throw AppError.field('from', 'cases.evaluation.bad_date');
  if (!isLocalDate(to)) throw AppError.field('to', 'cases.evaluation.bad_date');
  if (from > to) throw AppError.field('from', 'cases.evaluation.range_reversed');
  // Same day three years on (29 Feb → "29 Feb" of a common year compares just after the 28th: still right).
  const limit = `${Number(from.slice(0, 4)) + maxPeriodYears}${from.slice(4)}`;
  if (to >= limit) throw AppError.field('to', 'cases.evaluation.range_too_long', { years: maxPeriodYears });
  return { from, to, start: new Date(startOfDayMs(from)), end: new Date(startOfDayMs(to) + dayMs) };
}

function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw AppError.unauthenticated();
  return ctx.actor;
}

interface Run {
  ctx: Ctx;
  visibility: CaseVisibility;
  period: Period;
  minVolume: number;
  now: Date;
}

async function startRun(ctx: Ctx, from: string, to: string, minVolume: number | undefined): Promise<Run> {
  const actor = requireActor(ctx);
  const period = checkPeriod(from, to);
  return {
    ctx,
    visibility: caseVisibilityOf(actor),
    period,
    minVolume: minVolume ?? defaultMinVolume,
    now: ctx.clock(),
  };
}

/** GET /api/cases/evaluation: one dimension's rows and the total, over the caller's cases. */
export async function evaluateCases(ctx: Ctx, query: EvaluationQueryInput): Promise<EvaluationDto> {
  return evaluateDimension(await startRun(ctx, query.from, query.to, query.minVolume), query.groupBy);
}

async function evaluateDimension(run: Run, dimension: Dimension): Promise<EvaluationDto> {
  const { ctx, period, minVolume } = run;
  const counted = await countByGroup(ctx.db, ctx.countyCode, run.visibility, dimension, {
    start: period.start,
    end: period.end,
    now: run.now,
  });
  // Month rows carry no overdue snapshot: it comes back on its own (key null) and goes to the total only.
  const snapshot = dimension === 'month' ? counted.find((g) => g.key === null) : undefined;
  const groups = dimension === 'month' ? counted.filter((g) => g.key !== null) : counted;
  const named = await namedGroups(run, dimension, groups);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const empty: RawCounts = { ...zeroCounts, overdueOpen: dimension === 'month' ? null : 0 };
  const rows: EvaluationRowDto[] = named.map((g) => ({
    key: g.key,
    name: g.name,
    ...computeIndicators(byKey.get(g.key) ?? empty, minVolume),
  }));
  const sum = groups.reduce<RawCounts>((total, g) => addCounts(total, g), {
    ...zeroCounts,
    overdueOpen: snapshot?.overdueOpen ?? 0,
  });
  const total = {
    key: null,
    name: translate(ctx.locale, 'cases.evaluation.total'),
    ...computeIndicators(sum, minVolume),
  };
  return {
    from: period.from,
    to: period.to,
    groupBy: dimension,
    minVolume,
    generatedAt: run.now.toISOString(),
    rows,
    total,
  };
}

/** The listed groups first (in their order), then keys only the data knows, then "not dispatched". */
async function namedGroups(run: Run, dimension: Dimension, groups: readonly GroupCounts[]): Promise<NamedGroup[]> {
  const listed = await listedGroups(run.ctx, dimension, run.visibility, run.period.from, run.period.to);
  const known = new Set(listed.map((g) => g.key));
  const extra = groups
    .map((g) => g.key)
    .filter((key): key is string => key !== null && !known.has(key))
    .sort();
  const names = await namesOf(run.ctx, dimension, extra);
  const unlisted = extra.map((key) => ({ key, name: names.get(key) ?? key }));
  const undispatched = groups.some((g) => g.key === null) ? [{ key: null, name: notDispatchedName(run.ctx) }] : [];
  return [...listed, ...unlisted, ...undispatched];
}

export interface EvaluationFile {
  body: Buffer;
  fileName: string;
}

/** GET /api/cases/evaluation.xlsx: every dimension (or the one asked for), one sheet each; audited. */
export async function exportEvaluation(ctx: Ctx, query: EvaluationExportQueryInput): Promise<EvaluationFile> {
  const run = await startRun(ctx, query.from, query.to, query.minVolume);
  const wanted = query.groupBy ? [query.groupBy] : [...dimensions];
  const sheets: EvaluationDto[] = [];
  for (const dimension of wanted) sheets.push(await evaluateDimension(run, dimension));
  const county = (await namesOf(ctx, 'township', [ctx.countyCode])).get(ctx.countyCode) ?? ctx.countyCode;
  const body = await writeEvaluationWorkbook(sheets, { county, now: run.now, locale: ctx.locale });
  // Recorded on its own, outside any business transaction: a read that leaves the building (like audit.export).
  await recordAuditOutside(ctx, {
    eventType: 'cases.evaluation_export',
    action: 'export',
    objectType: 'case_evaluation',
    objectId: `${query.from}..${query.to}`,
    details: {
      from: query.from,
      to: query.to,
      groupBy: wanted,
      minVolume: run.minVolume,
      scope: run.visibility.region,
    },
  });
  return {
    body,
    fileName: `evaluation-${ctx.countyCode}-${query.from.replace(/-/g, '')}-${query.to.replace(/-/g, '')}.xlsx`,
  };
}
