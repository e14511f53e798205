import {
  type MerchantFilters,
  type MerchantKind,
  type MerchantStatus,
  merchantKinds,
  merchantStatuses,
  type RiskGrade,
  riskGrades,
} from '../merchantsApi.ts';

/**
 * The registry list's state lives in the URL (`?kind=catering&township=430225100&page=2`), so a filtered list can
 * be shared, bookmarked, and found again after opening a merchant.
 */
export interface MerchantQuery {
  filters: MerchantFilters;
  page: number;
  pageSize: number;
}

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;
/** The server's own bounds (merchants.schema.ts: q up to 50 characters, page size up to 200). */
const maxSearch = 50;
const maxPageSize = 200;

const regionCode = /^\d{9}(\d{3})?$/;
const flagNames = ['supervised', 'schoolSurroundings', 'marketStall'] as const;
export type FlagName = (typeof flagNames)[number];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

function flag(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Reads the URL leniently: an edited or outdated link drops what it cannot use instead of failing. */
export function readMerchantQuery(params: URLSearchParams): MerchantQuery {
  const township = params.get('township');
  const filters: MerchantFilters = {
    township: township !== null && regionCode.test(township) ? township : undefined,
    kind: oneOf<MerchantKind>(merchantKinds, params.get('kind')),
    riskGrade: oneOf<RiskGrade>(riskGrades, params.get('riskGrade')),
    status: oneOf<MerchantStatus>(merchantStatuses, params.get('status')),
    q: params.get('q')?.trim().slice(0, maxSearch) || undefined,
  };
  for (const name of flagNames) filters[name] = flag(params.get(name));
  return {
    filters: compact(filters),
    page: positive(params.get('page'), 1, 100_000),
    pageSize: positive(params.get('pageSize'), defaultPageSize, maxPageSize),
  };
}

export function writeMerchantQuery(query: MerchantQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(compact(query.filters))) params.set(name, String(value));
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== defaultPageSize) params.set('pageSize', String(query.pageSize));
  return params;
}

/** Leaves out empty values, so two equal filters compare equal and the URL stays short. */
export function compact(filters: MerchantFilters): MerchantFilters {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out as MerchantFilters;
}
