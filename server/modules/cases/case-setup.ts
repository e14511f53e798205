import type { Ctx } from '../../platform/context.ts';
import { loadCalendar, loadWorkingHours } from '../../platform/calendar/load-calendar.ts';
import { shanghaiYearOf } from '../../platform/calendar/shanghai-time.ts';
import { cachedReference } from '../../platform/cache/reference-cache.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findActiveVersion, listEditionRows } from './catalogue/catalogue.store.ts';
import { type CasesPolicy, loadCasesPolicy } from './case-policy.ts';
import type { CodeLimit, WorkTime } from './sla.ts';

export interface CategoryFacts {
  version: string;
  code: string;
  titleZh: string;
  titleEn: string;
  measureUnit: string | null;
  defaultDepartment: string | null;
  limits: CodeLimit[];
}

/** The county's calendar around now: the year before (open cases) to the year after (deadlines in January). */
export function loadWorkTime(ctx: Ctx): Promise<WorkTime> {
  const year = shanghaiYearOf(ctx.clock());
  return cachedReference(ctx, `calendar/${year}`, referenceTtlMs, async () => ({
    calendar: await loadCalendar(ctx.db, ctx.countyCode, year - 1, year + 1),
    hours: await loadWorkingHours(ctx.db, ctx.countyCode),
  }));
}

export function loadPolicy(ctx: Ctx): Promise<CasesPolicy> {
  return cachedReference(ctx, 'cases/policy', referenceTtlMs, () => loadCasesPolicy(ctx.db, ctx.countyCode));
}

/** How long another server process may serve reference data that an administrator just changed. */
const referenceTtlMs = 30_000;

/** A code of the active edition with its time limits; an unknown code is a field error on `field`. */
export async function loadCategory(
  ctx: Ctx,
  code: string,
  field = 'categoryCode',
  version?: string,
): Promise<CategoryFacts> {
  const edition =
    version ??
    (
      await cachedReference(ctx, 'cases/catalogue/active', referenceTtlMs, () =>
        findActiveVersion(ctx.db, ctx.countyCode),
      )
    )?.version;
  if (!edition) throw AppError.field(field, 'cases.unknown_category');
  const facts = await cachedReference(ctx, `cases/catalogue/${edition}/${code}`, referenceTtlMs, () =>
    categoryFacts(ctx, edition, code),
  );
  if (!facts) throw AppError.field(field, 'cases.unknown_category');
  return facts;
}

async function categoryFacts(ctx: Ctx, edition: string, code: string): Promise<CategoryFacts | null> {
  const rows = await listEditionRows(ctx.db, ctx.countyCode, edition, code);
  const category = rows.categories[0];
  if (!category) return null;
  return {
    version: edition,
    code,
    titleZh: category.titleZh,
    titleEn: category.titleEn,
    measureUnit: category.measureUnit,
    defaultDepartment: category.defaultDepartment,
    limits: rows.limits.map((l) => ({ stage: l.stage, step: l.step, amount: l.amount, unit: l.unit })),
  };
}
