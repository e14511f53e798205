import type { ItemOf, QueryOf, ResponseOf } from '../../api/types.ts';
import { apiDownload, type DownloadedFile, withQuery } from '../../app/api.ts';
import { apiClient, dataOf } from '../../app/apiClient.ts';

/**
 * The audit administrator's API. The shapes are the server's own (generated from its route schemas by
 * `npm run gen:api`): an event carries every stored field, hashes included.
 */
export type AuditPage = ResponseOf<'/api/audit/events', 'get'>;
export type AuditEvent = ItemOf<AuditPage['items']>;
/** The filters shared by the search and the export, so an export is exactly what the screen showed. */
export type AuditFilters = Omit<QueryOf<'/api/audit/events', 'get'>, 'page' | 'pageSize'>;
export type ChainVerification = ResponseOf<'/api/audit/verify', 'get'>;

export type ExportFormat = 'xlsx' | 'csv';

export const auditApi = {
  search: (filters: AuditFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/audit/events', { params: { query: { ...filters, page, pageSize } }, signal })),
  verify: () => dataOf(apiClient.GET('/api/audit/verify')),
  export: (filters: AuditFilters, format: ExportFormat): Promise<DownloadedFile> =>
    apiDownload(withQuery('/api/audit/export', { ...filters, format })),
};
