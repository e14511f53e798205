import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadPolicy } from './case-setup.ts';
import { CaseScope } from './case-scope.ts';
import { caseScopeOf } from './cases.policy.ts';
import type { NearbyQuery, NearbySchema } from './cases.schema.ts';
import { listDepartments } from './departments.store.ts';
import { findNearbyOpenCases } from './duplicates.ts';

type Nearby = Static<typeof NearbySchema>;

async function nearbyIn(ctx: Ctx, scope: CaseScope, query: Static<typeof NearbyQuery>): Promise<Nearby> {
  const radiusM = query.radiusM ?? (await loadPolicy(ctx)).duplicateRadiusM;
  const rows = await findNearbyOpenCases(ctx.db, ctx.countyCode, scope, { ...query, radiusM });
  return {
    radiusM,
    items: rows.map((r) => ({
      caseNo: r.caseNo,
      status: r.status,
      distanceM: r.distanceM,
      address: r.address,
      reportedAt: r.reportedAt.toISOString(),
    })),
  };
}

/** Staff: the open cases nearby that the person may open — and so merge into (the intake's duplicate picker). */
export function nearbyCases(ctx: Ctx, query: Static<typeof NearbyQuery>): Promise<Nearby> {
  if (!ctx.actor) throw AppError.unauthenticated();
  return nearbyIn(ctx, caseScopeOf(ctx.actor), query);
}

/** The report form: open cases nearby anywhere in the county, with the public facts the form shows. */
export function publicNearbyCases(ctx: Ctx, query: Static<typeof NearbyQuery>): Promise<Nearby> {
  return nearbyIn(ctx, CaseScope.countyWide('public-duplicate-check'), query);
}

export async function listDepartmentsDto(ctx: Ctx) {
  const rows = await listDepartments(ctx.db, ctx.countyCode);
  return {
    items: rows.filter((r) => r.active).map((r) => ({ key: r.key, name: ctx.locale === 'en' ? r.titleEn : r.titleZh })),
  };
}
