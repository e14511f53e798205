import { type CaseChannel, type CaseFilters, type CaseStatus, caseChannels, caseStatuses } from '../casesApi.ts';
import { isQueueTab, type QueueTab } from './queues.ts';

/**
 * The list's state lives in the URL (`?tab=intake&status=reported&page=2`), so a filtered list can be shared,
 * bookmarked, reopened after the case page, and shown on the map with the same filter.
 */
export interface ListQuery {
  /** Undefined: the user has not picked a tab; the page opens the first one they have. */
  tab: QueueTab | undefined;
  filters: Omit<CaseFilters, 'queue'>;
  page: number;
  pageSize: number;
}

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;

const date = /^\d{4}-\d{2}-\d{2}$/;
const categoryCode = /^\d{5}$/;
const tagKey = /^[a-z][a-z0-9_]{0,39}$/;
const regionCode = /^\d{9}(\d{3})?$/;
const departmentKey = /^[a-z][a-z0-9_]{1,39}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);
const matching = (pattern: RegExp, value: string | null) => (value !== null && pattern.test(value) ? value : undefined);

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Reads the URL leniently: an edited or outdated link drops what it cannot use instead of failing. */
export function readListQuery(params: URLSearchParams): ListQuery {
  const tab = params.get('tab');
  const overdue = params.get('overdue');
  const pageSize = positive(params.get('pageSize'), defaultPageSize, 200);
  const filters: ListQuery['filters'] = {
    status: params.getAll('status').filter((s): s is CaseStatus => (caseStatuses as readonly string[]).includes(s)),
    categoryCode: matching(categoryCode, params.get('categoryCode')),
    tag: matching(tagKey, params.get('tag')),
    regionCode: matching(regionCode, params.get('regionCode')),
    department: matching(departmentKey, params.get('department')),
    channel: oneOf<CaseChannel>(caseChannels, params.get('channel')),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    from: matching(date, params.get('from')),
    to: matching(date, params.get('to')),
    q: params.get('q')?.trim().slice(0, 40) || undefined,
  };
  return {
    tab: isQueueTab(tab) ? tab : undefined,
    filters: compact(filters),
    page: positive(params.get('page'), 1, 100_000),
    pageSize,
  };
}

export function writeListQuery(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.tab) params.set('tab', query.tab);
  const { status, ...single } = query.filters;
  for (const [name, value] of Object.entries(single)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  for (const s of status ?? []) params.append('status', s);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== defaultPageSize) params.set('pageSize', String(query.pageSize));
  return params;
}

/** Leaves out empty values, so two equal filters compare equal and the URL stays short. */
export function compact(filters: ListQuery['filters']): ListQuery['filters'] {
  const out: ListQuery['filters'] = {};
  for (const [name, value] of Object.entries(filters) as [keyof ListQuery['filters'], unknown][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[name] = value;
  }
  return out;
}

export function hasFilters(filters: ListQuery['filters']): boolean {
  return Object.keys(compact(filters)).length > 0;
}
