import { demoAccounts } from '../../../platform/auth/demo-accounts.ts';
import { findUserByLogin } from '../../../platform/auth/users.store.ts';
import { loadCalendar, loadWorkingHours } from '../../../platform/calendar/load-calendar.ts';
import { dayMs, shanghaiYearOf } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { listSubtreeLevel } from '../../../platform/regions/regions.store.ts';
import type { CasesPolicy } from '../case-policy.ts';
import { type CategoryFacts, loadCategory, loadPolicy } from '../case-setup.ts';
import { findActiveVersion, listEditionRows } from '../catalogue/catalogue.store.ts';
import { listDepartments, listRoutes } from '../departments.store.ts';
import type { WorkTime } from '../sla.ts';
import { historyDays } from './demo-schedule.ts';

/** Everything the history is built from, read once from the database the real loop reads. */
export interface DemoSetup {
  countyCode: string;
  now: Date;
  policy: CasesPolicy;
  work: WorkTime;
  categories: CategoryFacts[];
  townships: ReadonlyArray<{ code: string; name: string }>;
  villages: ReadonlyArray<{ code: string; name: string; parentCode: string | null }>;
  /** The routed department of a code in a township (routeFor), and the active departments. */
  departmentFor(code: string, township: string): string;
  departments: string[];
  staff: DemoStaff;
}

/** The demo accounts who act in the history, by where they work; absent accounts leave the actor unnamed. */
export interface DemoStaff {
  dispatcher: string | null;
  coordinator: string | null;
  inspectors: Map<string, string>;
  handlers: Map<string, string>;
  volunteers: Map<string, string>;
  cadres: Array<{ id: string; village: string }>;
}

export async function loadDemoSetup(ctx: Ctx): Promise<DemoSetup> {
  const now = ctx.clock();
  const policy = await loadPolicy(ctx);
  // loadWorkTime's calendar spans the year before now only; the history reaches back further.
  const firstYear = shanghaiYearOf(new Date(now.getTime() - (historyDays + 1) * dayMs));
  const work = {
    calendar: await loadCalendar(ctx.db, ctx.countyCode, firstYear, shanghaiYearOf(now) + 1),
    hours: await loadWorkingHours(ctx.db, ctx.countyCode),
  };
  const categories = await loadCategories(ctx);
  const { townships, villages } = await loadPlaces(ctx);
  const departments = (await listDepartments(ctx.db, ctx.countyCode)).filter((d) => d.active).map((d) => d.key);
  if (departments.length === 0 || townships.length === 0)
    throw new Error("the demo case history needs the county's townships and departments (seed them first)");
  const routes = await loadRoutes(ctx);
  const departmentFor = (code: string, township: string) => {
    const routed =
      routes.get(`${code}/${township}`) ??
      routes.get(`${code}/`) ??
      categories.find((c) => c.code === code)?.defaultDepartment;
    return routed && departments.includes(routed) ? routed : departments[0]!;
  };
  return {
    countyCode: ctx.countyCode,
    now,
    policy,
    work,
    categories,
    townships,
    villages,
    departments,
    departmentFor,
    staff: await loadStaff(ctx),
  };
}

/** The county's townships and villages (platform regions, read through regions.store). */
async function loadPlaces(ctx: Ctx): Promise<Pick<DemoSetup, 'townships' | 'villages'>> {
  const townships = await listSubtreeLevel(ctx.db, ctx.countyCode, 'township');
  const villages = await listSubtreeLevel(ctx.db, ctx.countyCode, 'village');
  return {
    townships: townships.map(({ code, name }) => ({ code, name })),
    villages: villages.map(({ code, name, parentCode }) => ({ code, name, parentCode })),
  };
}

/**
 * The routing table in one read, keyed `code/area`; departmentFor applies routeFor's rule (a township's own
 * route beats the county-wide one) without a query per code and township.
 */
async function loadRoutes(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await listRoutes(ctx.db, ctx.countyCode);
  return new Map(rows.map((r) => [`${r.categoryCode}/${r.areaCode}`, r.department]));
}

/** Every code of the active catalogue edition with its limits (loadCategory, as the loop reads them). */
async function loadCategories(ctx: Ctx): Promise<CategoryFacts[]> {
  const version = (await findActiveVersion(ctx.db, ctx.countyCode))?.version;
  if (!version) throw new Error('the demo case history needs the cases catalogue (no active edition)');
  const { categories } = await listEditionRows(ctx.db, ctx.countyCode, version);
  const facts: CategoryFacts[] = [];
  for (const c of categories) facts.push(await loadCategory(ctx, c.code, 'categoryCode', version));
  return facts;
}

async function loadStaff(ctx: Ctx): Promise<DemoStaff> {
  const staff: DemoStaff = {
    dispatcher: null,
    coordinator: null,
    inspectors: new Map(),
    handlers: new Map(),
    volunteers: new Map(),
    cadres: [],
  };
  for (const account of demoAccounts) {
    const user = await findUserByLogin(ctx.db, ctx.countyCode, account.loginId);
    if (user?.status !== 'active') continue;
    if (account.role === 'dispatcher') staff.dispatcher ??= user.id;
    if (account.role === 'coordinator') staff.coordinator ??= user.id;
    if (account.role === 'inspector' && !staff.inspectors.has(user.scopeRegion))
      staff.inspectors.set(user.scopeRegion, user.id);
    if (account.role === 'department' && user.department && !staff.handlers.has(user.department))
      staff.handlers.set(user.department, user.id);
    if (account.role === 'volunteer' && !staff.volunteers.has(user.scopeRegion))
      staff.volunteers.set(user.scopeRegion, user.id);
    if (account.role === 'village_cadre' && user.scopeRegion.length === 12)
      staff.cadres.push({ id: user.id, village: user.scopeRegion });
  }
  return staff;
}
