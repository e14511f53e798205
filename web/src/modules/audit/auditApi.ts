import type { Page } from '../../app/admin/users.ts';
import { api, apiDownload, type DownloadedFile, withQuery } from '../../app/api.ts';

/** One audit row with every stored field, hashes included (server: audit/audit.schema.ts). */
export interface AuditEvent {
  regionCode: string;
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  sessionId: string | null;
  requestId: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  eventType: string;
  objectType: string | null;
  objectId: string | null;
  action: string;
  outcome: 'success' | 'failure';
  reasonCode: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The filters shared by the search and the export, so an export is exactly what the screen showed. */
export interface AuditFilters {
  from?: string;
  to?: string;
  eventType?: string;
  actorId?: string;
  objectType?: string;
  objectId?: string;
  outcome?: 'success' | 'failure';
  q?: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastSeq: number;
  firstBadSeq?: number;
  problem?: 'hash_mismatch' | 'broken_link' | 'gap' | 'head_mismatch';
}

export type ExportFormat = 'xlsx' | 'csv';

export const auditApi = {
  search: (filters: AuditFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<Page<AuditEvent>>(withQuery('/api/audit/events', { ...filters, page, pageSize }), { signal }),
  verify: () => api.get<ChainVerification>('/api/audit/verify'),
  export: (filters: AuditFilters, format: ExportFormat): Promise<DownloadedFile> =>
    apiDownload(withQuery('/api/audit/export', { ...filters, format })),
};
