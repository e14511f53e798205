import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { loadCaseLookups } from '../case-lookups.ts';
import { caseVisibilityOf } from '../cases.policy.ts';
import { presentListItem } from '../cases.presenter.ts';
import { listCasePage } from '../cases.store.ts';
import { type EvaluationCasesDto, type EvaluationCasesQueryInput, noGroupKey } from './evaluation.schema.ts';
import { checkPeriod } from './evaluation.service.ts';
import type { Dimension } from './evaluation.store.ts';
import { countFigureCases, type FigureCell, figureCasesWhere } from './evaluation-cases.store.ts';
import { namesOf, notDispatchedName } from './group-names.ts';

/** The keys each dimension's rows carry (a township is the county's own code while it is to be assigned). */
const groupPatterns: Record<Dimension, RegExp> = {
  township: /^[0-9]{6}([0-9]{3})?$/,
  department: /^(-|[a-z][a-z0-9_]{1,39})$/,
  category: /^[0-9]{5}$/,
  month: /^[0-9]{4}-(0[1-9]|1[0-2])$/,
};

/** The figure a query names, or a 400 on `group` when that row or that figure cannot exist. */
export function figureCellOf(query: Pick<EvaluationCasesQueryInput, 'groupBy' | 'group' | 'measure'>): FigureCell {
  const { groupBy: dimension, group, measure } = query;
  if (group !== undefined && !groupPatterns[dimension].test(group))
    throw AppError.field('group', 'cases.evaluation.group_mismatch');
  // Month rows carry no 超期未结 (evaluation-rows.ts): only the total has it.
  if (dimension === 'month' && measure === 'overdueOpen' && group !== undefined)
    throw AppError.field('group', 'cases.evaluation.no_monthly_overdue');
  return { dimension, group: group === noGroupKey ? null : group, measure };
}

/**
 * GET /api/cases/evaluation/cases: the cases behind one figure of 综合评价 — the same set, period, group and
 * scope as the figure, so `total` equals it — newest report first, a page at a time.
 */
export async function listFigureCases(ctx: Ctx, query: EvaluationCasesQueryInput): Promise<EvaluationCasesDto> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const period = checkPeriod(query.from, query.to);
  const cell = figureCellOf(query);
  const now = ctx.clock();
  const where = figureCasesWhere(ctx.countyCode, caseVisibilityOf(ctx.actor), cell, {
    start: period.start,
    end: period.end,
    now,
  });
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const order = cell.measure === 'overdueOpen' ? 'due' : 'newest';
  const rows = await listCasePage(ctx.db, where, order, { limit: pageSize, offset: (page - 1) * pageSize });
  const total = await countFigureCases(ctx.db, where);
  const lookups = await loadCaseLookups(ctx, rows);
  return {
    from: period.from,
    to: period.to,
    groupBy: cell.dimension,
    measure: cell.measure,
    groupName: await groupNameOf(ctx, cell),
    generatedAt: now.toISOString(),
    total,
    page,
    pageSize,
    items: rows.map((r) => presentListItem(r, lookups, now)),
  };
}

async function groupNameOf(ctx: Ctx, cell: FigureCell): Promise<string> {
  if (cell.group === undefined) return translate(ctx.locale, 'cases.evaluation.total');
  if (cell.group === null) return notDispatchedName(ctx);
  return (await namesOf(ctx, cell.dimension, [cell.group])).get(cell.group) ?? cell.group;
}
