import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { findRegion } from '../../../platform/regions/regions.store.ts';
import { findActiveVersion } from '../catalogue/catalogue.store.ts';

export const geoReportV2Specification = 'http://wiki.open311.org/GeoReport_v2';

export type Open311Discovery = {
  changeset: Date;
  contact: string;
  key_service: string;
  endpoints: Array<{
    specification: string;
    url: string;
    changeset: Date;
    type: 'production' | 'test';
    formats: string[];
  }>;
};

/**
 * Service Discovery (Open311 `Service_Discovery.md`). `changeset` is when the service list last changed: the
 * loaded time of the active catalogue edition, which is in the past as validators require. `baseUrl` is where
 * clients reach `/open311/v2` (scheme and host, no trailing slash).
 */
export async function readOpen311Discovery(ctx: Ctx, baseUrl: string): Promise<Open311Discovery> {
  const edition = await findActiveVersion(ctx.db, ctx.countyCode);
  if (!edition) throw AppError.notFound('what.cases_catalogue');
  const county = (await findRegion(ctx.db, ctx.countyCode))?.name ?? ctx.countyCode;
  return {
    changeset: edition.loadedAt,
    contact: translate(ctx.locale, 'open311.contact', { county }),
    key_service: translate(ctx.locale, 'open311.key_service', { county }),
    endpoints: [
      {
        specification: geoReportV2Specification,
        url: `${baseUrl}/open311/v2`,
        changeset: edition.loadedAt,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
