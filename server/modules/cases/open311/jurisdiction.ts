import { AppError } from '../../../platform/http/app-error.ts';

/** The one jurisdiction this server answers for: the county's GB/T 2260 code, or a domain it is reached on. */
export interface ServedJurisdiction {
  countyCode: string;
  domains: readonly string[];
}

/**
 * GeoReport v2 lets a one-jurisdiction server ignore `jurisdiction_id`; we accept it when absent or empty
 * (optional arguments: empty ≡ absent) or when it names us, and answer anything else with the spec's 404 so
 * a client pointed at the wrong county finds out.
 */
export function isServedJurisdiction(jurisdictionId: string | undefined, served: ServedJurisdiction): boolean {
  const id = jurisdictionId?.trim().toLowerCase() ?? '';
  if (id === '') return true;
  return id === served.countyCode || served.domains.some((domain) => domain.toLowerCase() === id);
}

export function assertServedJurisdiction(jurisdictionId: string | undefined, served: ServedJurisdiction): void {
  if (!isServedJurisdiction(jurisdictionId, served)) throw AppError.notFound('what.open311_jurisdiction');
}
