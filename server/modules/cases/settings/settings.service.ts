import { recordAudit } from '../../../platform/audit/audit.ts';
import { invalidateReference } from '../../../platform/cache/reference-cache.ts';
import { requireCountyWideScope } from '../../../platform/access/scope.ts';
import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { findRegion } from '../../../platform/regions/regions.store.ts';
import { writeSetting } from '../../../platform/settings/settings.store.ts';
import { casesPolicySettingKey } from '../case-policy.ts';
import { assertRegionInScope } from '../case-region.ts';
import { loadCategory, loadPolicy } from '../case-setup.ts';
import {
  deleteRoute as deleteRouteRow,
  findDepartment,
  listDepartments,
  listRoutes,
  upsertDepartments,
  upsertRoutes,
} from '../departments.store.ts';
import type { DepartmentInput, PolicyInput, RouteInput, SettingsDto } from './settings.schema.ts';

/** The county's loop settings: the policy, the departments and which codes go where. */
export async function readSettings(ctx: Ctx): Promise<SettingsDto> {
  const policy = await loadPolicy(ctx);
  const departments = await listDepartments(ctx.db, ctx.countyCode);
  const routes = await listRoutes(ctx.db, ctx.countyCode);
  return {
    policy: { ...policy, escalationLadder: [...policy.escalationLadder] },
    departments: departments.map(({ regionCode: _r, ...d }) => d),
    routes,
  };
}

/** Levels must climb with the overdue time, or the sweep would skip rungs. */
function assertLadder(ladder: PolicyInput['escalationLadder']): void {
  ladder.forEach((rung, i) => {
    const previous = ladder[i - 1];
    if (rung.level !== i + 1 || (previous && rung.overdueWorkingHours <= previous.overdueWorkingHours))
      throw AppError.field(`escalationLadder.${i}`, 'cases.ladder_order');
  });
}

/**
 * A routing rule for the whole county is a county-wide setting; one for a township may be edited by whoever's
 * scope covers that township (a field error, audited, for a township outside it).
 */
async function assertMayEditRoute(ctx: Ctx, categoryCode: string, areaCode: string): Promise<void> {
  if (areaCode === '') return requireCountyWideScope(ctx, { objectType: 'cases_route', objectId: `${categoryCode}/` });
  await assertRegionInScope(ctx, areaCode, 'cases.area_outside_scope', 'areaCode');
}

export async function savePolicy(ctx: Ctx, input: PolicyInput): Promise<SettingsDto> {
  await requireCountyWideScope(ctx, { objectType: 'setting', objectId: casesPolicySettingKey });
  assertLadder(input.escalationLadder);
  const before = await loadPolicy(ctx);
  // The county box is not an administrator's setting: it is part of the installation (validation of every report).
  const policy = { ...input, bounds: before.bounds };
  await tx(ctx, async (t) => {
    await writeSetting(t.db, t.countyCode, casesPolicySettingKey, policy, t.clock());
    await recordAudit(t, {
      eventType: 'cases.settings',
      action: 'update',
      objectType: 'setting',
      objectId: casesPolicySettingKey,
      details: { before, after: policy },
    });
  });
  invalidateReference(ctx, 'cases/policy');
  return readSettings(ctx);
}

export async function saveDepartment(ctx: Ctx, key: string, input: DepartmentInput): Promise<SettingsDto> {
  await requireCountyWideScope(ctx, { objectType: 'cases_department', objectId: key });
  await tx(ctx, async (t) => {
    const before = await findDepartment(t.db, t.countyCode, key);
    await upsertDepartments(t.db, t.countyCode, [
      {
        key,
        titleZh: input.titleZh.trim(),
        titleEn: input.titleEn.trim(),
        active: input.active,
        sortOrder: input.sortOrder ?? before?.sortOrder ?? 0,
      },
    ]);
    await recordAudit(t, {
      eventType: 'cases.settings',
      action: before ? 'update' : 'create',
      objectType: 'cases_department',
      objectId: key,
      details: { before: before ?? null, after: input },
    });
  });
  return readSettings(ctx);
}

export async function saveRoute(ctx: Ctx, categoryCode: string, input: RouteInput): Promise<SettingsDto> {
  await loadCategory(ctx, categoryCode, 'categoryCode');
  const department = await findDepartment(ctx.db, ctx.countyCode, input.department);
  if (!department?.active) throw AppError.field('department', 'cases.unknown_department');
  const areaCode = input.areaCode ?? '';
  await assertMayEditRoute(ctx, categoryCode, areaCode);
  if (
    areaCode !== '' &&
    (!areaCode.startsWith(ctx.countyCode) || (await findRegion(ctx.db, areaCode))?.level !== 'township')
  )
    throw AppError.field('areaCode', 'cases.region_unknown');
  await tx(ctx, async (t) => {
    await upsertRoutes(t.db, t.countyCode, [{ categoryCode, areaCode, department: input.department }]);
    await recordAudit(t, {
      eventType: 'cases.settings',
      action: 'update',
      objectType: 'cases_route',
      objectId: `${categoryCode}/${areaCode}`,
      details: { department: input.department },
    });
  });
  return readSettings(ctx);
}

export async function deleteRoute(ctx: Ctx, categoryCode: string, areaCode: string): Promise<SettingsDto> {
  await assertMayEditRoute(ctx, categoryCode, areaCode);
  await tx(ctx, async (t) => {
    const deleted = await deleteRouteRow(t.db, t.countyCode, categoryCode, areaCode);
    if (!deleted) throw AppError.notFound('what.cases_route');
    await recordAudit(t, {
      eventType: 'cases.settings',
      action: 'delete',
      objectType: 'cases_route',
      objectId: `${categoryCode}/${areaCode}`,
      details: { department: deleted.department },
    });
  });
  return readSettings(ctx);
}
