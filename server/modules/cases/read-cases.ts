import { requireInScope } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadVisibleCase } from './apply-action.ts';
import { caseListWhere, searchRank } from './case-filters.sql.ts';
import { loadCaseLookups } from './case-lookups.ts';
import { findPendingRequest } from './case-requests.store.ts';
import { loadPolicy } from './case-setup.ts';
import { caseScopeOf, caseVisibilityOf } from './cases.policy.ts';
import { presentDetail, presentListItem } from './cases.presenter.ts';
import type { CaseDetailDto, CaseListDto, CaseListQueryInput } from './cases.schema.ts';
import { routeFor } from './departments.store.ts';
import { findPhoto, listPhotoMeta, photoHeldElsewhere } from './case-photos.store.ts';
import { caseNosOf, countCasesUpTo, listCaseEvents, listCasePage, mergedReportNos } from './cases.store.ts';

function actorOf(ctx: Ctx) {
  if (!ctx.actor) throw AppError.unauthenticated();
  return ctx.actor;
}

/**
 * Beyond this many matches the list says "10,000+" instead of counting: at a million cases an exact count(*)
 * costs 100–280 ms while the page itself takes 1–8 ms (bench/results/cases-scale.json).
 */
export const listCountCap = 10_000;

/** A page of cases in the actor's scope, newest first (the overdue queue: most overdue first). */
export async function listCases(ctx: Ctx, query: CaseListQueryInput, countCap = listCountCap): Promise<CaseListDto> {
  const actor = actorOf(ctx);
  const now = ctx.clock();
  const where = caseListWhere(ctx.countyCode, actor, caseVisibilityOf(actor), query, now);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const order = query.queue === 'overdue' ? 'due' : 'newest';
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  const rows = await listCasePage(ctx.db, where, order, paging, searchRank(query.q));
  const n = await countCasesUpTo(ctx.db, where, countCap + 1);
  const lookups = await loadCaseLookups(ctx, rows);
  return {
    items: rows.map((r) => presentListItem(r, lookups, now)),
    total: Math.min(n, countCap),
    totalCapped: n > countCap,
    page,
    pageSize,
  };
}

export async function readCase(ctx: Ctx, caseNo: string): Promise<CaseDetailDto> {
  const row = await loadVisibleCase(ctx, caseNo);
  const scope = caseScopeOf(actorOf(ctx));
  const events = await listCaseEvents(ctx.db, row);
  const photos = await listPhotoMeta(ctx.db, row);
  const pending = await findPendingRequest(ctx.db, row);
  // The merged reports and the merge target are named only when the reader may open them too.
  const duplicateNos = await mergedReportNos(ctx.db, row, scope);
  const duplicateOfNo =
    row.duplicateOf === null
      ? null
      : ((await caseNosOf(ctx.db, ctx.countyCode, [row.duplicateOf], scope)).get(row.duplicateOf) ?? null);
  const lookups = await loadCaseLookups(
    ctx,
    [row],
    events.map((e) => (e.actorKind === 'user' ? e.actorId : null)),
  );
  const suggestedDepartment =
    row.status === 'registered' ? await routeFor(ctx.db, ctx.countyCode, row.categoryCode, row.townshipCode) : null;
  const { maxExtensionHours } = await loadPolicy(ctx);
  return presentDetail(
    ctx,
    { row, events, photos, pending, duplicateOfNo, duplicateNos, suggestedDepartment, maxExtensionHours },
    lookups,
  );
}

/** A photo of a case in scope; one of another case outside the reader's scope is an audited 404, like a missing one. */
export async function readCasePhoto(ctx: Ctx, caseNo: string, photoId: string, variant: 'content' | 'thumbnail') {
  const row = await loadVisibleCase(ctx, caseNo);
  return requireInScope(
    ctx,
    { objectType: 'case_photo', objectId: photoId, what: 'what.case_photo' },
    () => findPhoto(ctx.db, row, photoId, variant),
    () => photoHeldElsewhere(ctx.db, row, photoId, caseScopeOf(actorOf(ctx))),
  );
}
