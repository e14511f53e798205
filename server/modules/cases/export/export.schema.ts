import type { Static } from 'typebox';
import { S } from '../../../platform/http/schema.ts';
import { CaseListQuery } from '../cases.schema.ts';

// The list's filters, without paging: the file holds every case the filter finds (up to the cap).
const { page: _page, pageSize: _pageSize, ...filters } = CaseListQuery.properties;

export const CaseExportQuery = S.object(filters);
export type CaseExportQueryInput = Static<typeof CaseExportQuery>;
