import { api, apiDownload, type DownloadedFile } from '../../app/api.ts';

/** Shapes of the staff case API (server: modules/cases/cases.schema.ts, catalogue/catalogue.schema.ts). */

export const caseStatuses = [
  'reported',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'closed',
  'rejected',
  'duplicate',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseChannels = ['patrol', 'citizen', 'volunteer', 'hotline', 'other'] as const;
export type CaseChannel = (typeof caseChannels)[number];

export type ClockStage = 'register' | 'dispatch' | 'handle' | 'verify';
export type PhotoStage = 'report' | 'handle' | 'verify';
export type Priority = 'normal' | 'urgent';

/** The server's action names (case-flow.ts); some share one route (verify_pass/verify_fail → /verify). */
export const caseActions = [
  'register',
  'reject',
  'merge',
  'dispatch',
  'return',
  'accept',
  'feedback',
  'verify_pass',
  'verify_fail',
  'request_extension',
  'request_suspension',
  'decide_request',
  'resume',
  'escalate',
  'rate',
] as const;
export type CaseAction = (typeof caseActions)[number];

export interface CaseClock {
  stage: ClockStage | null;
  dueAt: string | null;
  overdue: boolean;
  suspended: boolean;
}

export interface CaseListItem {
  caseNo: string;
  status: CaseStatus;
  categoryCode: string;
  categoryName: string;
  channel: CaseChannel;
  priority: Priority;
  regionCode: string;
  townshipCode: string;
  townshipName: string;
  address: string;
  /** null for a partner's report placed by its address alone (Open311). */
  lng: number | null;
  lat: number | null;
  department: string | null;
  reportedAt: string;
  closedAt: string | null;
  clock: CaseClock;
  reworkCount: number;
  escalationLevel: number;
}

/** A case with a point, as the maps draw it. */
export type PlacedCase = CaseListItem & { lng: number; lat: number };

export function isPlaced(item: CaseListItem): item is PlacedCase {
  return item.lng !== null && item.lat !== null;
}

/** Reported without a township: filed under the county (its 6-digit code) until registering sets one. */
export function isTownshipToAssign(item: Pick<CaseListItem, 'townshipCode'>): boolean {
  return item.townshipCode.length === 6;
}

export interface CasePage {
  items: CaseListItem[];
  /** Exact up to 10,000; with `totalCapped` it means "at least this many". */
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface CasePhoto {
  id: string;
  stage: PhotoStage;
  width: number;
  height: number;
  url: string;
  thumbnailUrl: string;
  takenAt: string | null;
}

export interface CaseEvent {
  seq: number;
  at: string;
  action: string;
  actor: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note: string | null;
  details: Record<string, unknown>;
}

export interface PendingRequest {
  id: string;
  kind: 'extension' | 'suspension';
  reason: string;
  hours: number | null;
  requestedAt: string;
}

export interface CaseDetail extends CaseListItem {
  description: string;
  areaM2: number | null;
  gridCode: string | null;
  reporter: { kind: 'staff' | 'citizen' | 'partner'; phone: string | null };
  registeredAt: string | null;
  dispatchedAt: string | null;
  handledAt: string | null;
  handleDueAt: string | null;
  closedOnTime: boolean | null;
  duplicateOf: string | null;
  duplicates: string[];
  satisfaction: number | null;
  satisfactionComment: string | null;
  closingNote: string | null;
  revision: number;
  actions: CaseAction[];
  /** What the user's role allows here but not on this case: they did the work it checks (maker ≠ checker). */
  withheldActions: CaseAction[];
  pendingRequest: PendingRequest | null;
  photos: CasePhoto[];
  events: CaseEvent[];
}

export interface Department {
  key: string;
  name: string;
}

export interface NearbyCase {
  caseNo: string;
  status: CaseStatus;
  distanceM: number;
  address: string;
  reportedAt: string;
}

export interface CatalogueCategory {
  code: string;
  kind: 'event' | 'component';
  major: { code: string; nameZh: string; nameEn: string };
  nameZh: string;
  nameEn: string;
  defaultDepartment: string | null;
  measureUnit: string | null;
  tags: string[];
}

export interface CampaignTag {
  key: string;
  nameZh: string;
  nameEn: string;
  codes: string[];
}

export interface Catalogue {
  categories: CatalogueCategory[];
  tags: CampaignTag[];
}

/** From the public report form: the county's townships (with villages) and the bounds points must fall in. */
export interface CountyPlaces {
  townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
  bounds: { minLng: number; maxLng: number; minLat: number; maxLat: number };
}

export const queues = ['intake', 'dispatch', 'department', 'verification', 'overdue', 'mine'] as const;
export type Queue = (typeof queues)[number];

/** The list's filters, as the URL and the API carry them (CaseListQuery on the server). */
export interface CaseFilters {
  queue?: Queue;
  status?: CaseStatus[];
  categoryCode?: string;
  tag?: string;
  regionCode?: string;
  department?: string;
  channel?: CaseChannel;
  overdue?: boolean;
  from?: string;
  to?: string;
  q?: string;
}

/** `status` repeats (`status=a&status=b`); blanks are left out so the server's checks stay quiet. */
export function caseQueryString(filters: CaseFilters, paging?: { page: number; pageSize: number }): string {
  const params = new URLSearchParams();
  const { status, ...single } = filters;
  for (const [name, value] of Object.entries(single)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  for (const s of status ?? []) params.append('status', s);
  if (paging) {
    params.set('page', String(paging.page));
    params.set('pageSize', String(paging.pageSize));
  }
  return params.toString();
}

const withQuery = (path: string, query: string) => (query === '' ? path : `${path}?${query}`);

/** The Excel export of exactly the filter on screen (the server caps and audits it). */
export function caseExportUrl(filters: CaseFilters): string {
  return withQuery('/api/cases/export.xlsx', caseQueryString(filters));
}

/** The route segment of each action (case-actions.routes.ts). */
export const actionPaths = {
  register: 'register',
  reject: 'reject',
  merge: 'merge',
  dispatch: 'dispatch',
  return: 'return',
  accept: 'accept',
  feedback: 'feedback',
  verify: 'verify',
  extension: 'extension',
  suspension: 'suspension',
  decision: 'decision',
  resume: 'resume',
  escalate: 'escalate',
} as const;
export type ActionPath = keyof typeof actionPaths;

const casePath = (caseNo: string) => `/api/cases/${encodeURIComponent(caseNo)}`;

export const casesApi = {
  list: (filters: CaseFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<CasePage>(withQuery('/api/cases', caseQueryString(filters, { page, pageSize })), { signal }),
  detail: (caseNo: string, signal?: AbortSignal) => api.get<CaseDetail>(casePath(caseNo), { signal }),
  departments: (signal?: AbortSignal) => api.get<{ items: Department[] }>('/api/cases/departments', { signal }),
  nearby: (point: { categoryCode: string; lng: number; lat: number }, signal?: AbortSignal) =>
    api.get<{ radiusM: number; items: NearbyCase[] }>(
      withQuery(
        '/api/cases/nearby',
        new URLSearchParams({
          categoryCode: point.categoryCode,
          lng: String(point.lng),
          lat: String(point.lat),
        }).toString(),
      ),
      { signal },
    ),
  catalogue: (signal?: AbortSignal) => api.get<Catalogue>('/api/cases/catalogue', { signal }),
  places: (signal?: AbortSignal) => api.get<CountyPlaces>('/api/public/cases/form', { signal }),
  act: (caseNo: string, path: ActionPath, body: Record<string, unknown>) =>
    api.post<CaseDetail>(`${casePath(caseNo)}/${actionPaths[path]}`, body),
  actionUrl: (caseNo: string, path: ActionPath) => `${casePath(caseNo)}/${actionPaths[path]}`,
  export: (filters: CaseFilters): Promise<DownloadedFile> => apiDownload(caseExportUrl(filters)),
};
