import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { loadPolicy } from './case-setup.ts';
import type { NearbyQuery, NearbySchema } from './cases.schema.ts';
import { listDepartments } from './departments.store.ts';
import { findNearbyOpenCases } from './duplicates.ts';


export async function nearbyCases(ctx: Ctx, query: Static<typeof NearbyQuery>): Promise<Static<typeof NearbySchema>> {
  const radiusM = query.radiusM ?? (await loadPolicy(ctx)).duplicateRadiusM;
  const rows = await findNearbyOpenCases(ctx.db, ctx.countyCode, { ...query, radiusM });
  return { radiusM, items: rows.map((r) => ({ caseNo: r.caseNo, status: r.status, distanceM: r.distanceM, address: r.address, reportedAt: r.reportedAt.toISOString() })) };
}

export async function listDepartmentsDto(ctx: Ctx) {
  const rows = await listDepartments(ctx.db, ctx.countyCode);
  return { items: rows.filter((r) => r.active).map((r) => ({ key: r.key, name: ctx.locale === 'en' ? r.titleEn : r.titleZh })) };
}
