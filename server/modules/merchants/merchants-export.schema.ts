import { type Static, Type } from 'typebox';
import { S } from '../../platform/http/schema.ts';
import { MerchantListQuery } from './merchants.schema.ts';

// The list's filters, without paging: the file holds every merchant the filter finds (up to the cap).
const { page: _page, pageSize: _pageSize, ...filters } = MerchantListQuery.properties;

export const MerchantExportQuery = S.object({
  ...filters,
  reason: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        "Why the operators' names and phones are needed in clear (needs pii.reveal.merchant_operator; audited as a reveal). Without it they are masked.",
    }),
  ),
});
export type MerchantExportQuery = Static<typeof MerchantExportQuery>;
