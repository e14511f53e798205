import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { loadCaseLookups } from '../case-lookups.ts';
import { CaseScope } from '../case-scope.ts';
import { type CaseRow, caseNosOf, findCaseByNo } from '../cases.store.ts';
import { listDepartments } from '../departments.store.ts';
import { dateWindowOf } from './date-window.ts';
import { listCasesByNo, listCasesReportedIn } from './open311.store.ts';
import { type Open311ServiceRequest, presentServiceRequest, type RequestNames } from './request-presenter.ts';
import { type Open311Status, statusesFor } from './status-map.ts';

/** The spec's default and the paging extension's cap: "90 days or first 1000 requests, whichever is smallest". */
export const maxPageSize = 1000;
/** Case numbers are `YYYY-` + 8 to 12 digits; anything else names no request. */
const caseNoPattern = /^[0-9]{4}-[0-9]{8,12}$/;

export interface ServiceRequestsFilter {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  extensions?: boolean;
  page?: number;
  page_size?: number;
}

/**
 * GET Service Requests, newest first. `service_request_id` overrides every other argument (spec); otherwise
 * the date window (requested_datetime), status and service codes select, and `page`/`page_size` page. The
 * query runs on the (region_code, reported_at) index family; a county-wide read ('open311-public'): GET is public
 * and the presenter publishes only public fields.
 */
export async function listOpen311Requests(ctx: Ctx, filter: ServiceRequestsFilter): Promise<Open311ServiceRequest[]> {
  const scope = CaseScope.countyWide('open311-public');
  if (filter.service_request_id !== undefined) {
    const ids = commaList(filter.service_request_id);
    if (ids.length > maxPageSize)
      throw AppError.field('service_request_id', 'open311.too_many_ids', { max: maxPageSize });
    const wanted = ids.filter((id) => caseNoPattern.test(id));
    if (wanted.length === 0) return [];
    return present(ctx, await listCasesByNo(ctx.db, ctx.countyCode, scope, wanted), filter.extensions === true);
  }
  const window = dateWindowOf(filter, ctx.clock());
  const pageSize = filter.page_size ?? maxPageSize;
  const rows = await listCasesReportedIn(
    ctx.db,
    ctx.countyCode,
    scope,
    {
      ...window,
      statuses: statusFilterOf(filter.status),
      categoryCodes: filter.service_code === undefined ? null : commaList(filter.service_code),
    },
    { limit: pageSize, offset: ((filter.page ?? 1) - 1) * pageSize },
  );
  return present(ctx, rows, filter.extensions === true);
}

/** GET Service Request: a one-element list, or the spec's 404. */
export async function readOpen311Request(
  ctx: Ctx,
  serviceRequestId: string,
  extensions: boolean,
): Promise<Open311ServiceRequest[]> {
  const row = caseNoPattern.test(serviceRequestId)
    ? await findCaseByNo(ctx.db, ctx.countyCode, serviceRequestId, CaseScope.countyWide('open311-public'))
    : undefined;
  if (!row) throw AppError.notFound('what.open311_request');
  return present(ctx, [row], extensions);
}

/**
 * GET service_request_id from a token. Our POST answers with the case number at once (services are
 * `realtime`), and the spec forbids returning a token beside it, so no token is ever issued; a client that
 * asks anyway is answered for the case whose number it sends, as servers whose tokens are their ids do.
 */
export async function resolveOpen311Token(
  ctx: Ctx,
  token: string,
): Promise<Array<{ service_request_id: string; token: string }>> {
  const row = caseNoPattern.test(token)
    ? await findCaseByNo(ctx.db, ctx.countyCode, token, CaseScope.countyWide('open311-public'))
    : undefined;
  if (!row) throw AppError.notFound('what.open311_token');
  return [{ service_request_id: row.caseNo, token }];
}

function commaList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

/** `open`, `closed` or both (≡ no filter); anything else is a 400 naming `status`. */
function statusFilterOf(text: string | undefined): CaseRow['status'][] | null {
  if (text === undefined) return null;
  const wanted = commaList(text);
  if (wanted.length === 0) return null;
  if (!wanted.every((s): s is Open311Status => s === 'open' || s === 'closed'))
    throw AppError.field('status', 'field.enum');
  if (wanted.length === 2) return null;
  return statusesFor(wanted[0] as Open311Status);
}

async function present(ctx: Ctx, rows: CaseRow[], extensions: boolean): Promise<Open311ServiceRequest[]> {
  const names = await namesFor(ctx, rows);
  return rows.map((row) => presentServiceRequest(row, names, ctx.locale, extensions));
}

async function namesFor(ctx: Ctx, rows: CaseRow[]): Promise<RequestNames> {
  const lookups = await loadCaseLookups(ctx, rows);
  const departments = new Map(
    (await listDepartments(ctx.db, ctx.countyCode)).map((d) => [d.key, ctx.locale === 'en' ? d.titleEn : d.titleZh]),
  );
  const mergedInto = rows.map((r) => r.duplicateOf).filter((id): id is number => id !== null);
  const caseNos = await caseNosOf(ctx.db, ctx.countyCode, mergedInto, CaseScope.countyWide('open311-public'));
  return {
    serviceName: lookups.categoryName,
    regionName: lookups.regionName,
    departmentTitle: (key) => departments.get(key) ?? key,
    caseNoOf: (id) => caseNos.get(id) ?? null,
  };
}
