import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types.ts';
import { apiDownload, type DownloadedFile } from '../../app/api.ts';
import { apiClient, dataOf, queryText } from '../../app/apiClient.ts';

/**
 * The staff case API. Every shape is the server's own (generated from its route schemas by `npm run gen:api`);
 * this file only names them for the pages.
 */

export type CasePage = ResponseOf<'/api/cases', 'get'>;
export type CaseListItem = ItemOf<CasePage['items']>;
export type CaseDetail = ResponseOf<'/api/cases/{caseNo}', 'get'>;
export type CaseStatus = CaseListItem['status'];
export type CaseChannel = CaseListItem['channel'];
export type CaseClock = CaseListItem['clock'];
export type ClockStage = NonNullable<CaseClock['stage']>;
export type Priority = CaseListItem['priority'];
export type CaseAction = ItemOf<CaseDetail['actions']>;
export type CasePhoto = ItemOf<CaseDetail['photos']>;
export type PhotoStage = CasePhoto['stage'];
export type CaseEvent = ItemOf<CaseDetail['events']>;
export type PendingRequest = NonNullable<CaseDetail['pendingRequest']>;
export type QueueCount = ItemOf<ResponseOf<'/api/cases/queue-counts', 'get'>['items']>;
export type Department = ItemOf<ResponseOf<'/api/cases/departments', 'get'>['items']>;
export type NearbyCase = ItemOf<ResponseOf<'/api/cases/nearby', 'get'>['items']>;
/** What the pages read of the catalogue: its categories and campaign tags. */
export type Catalogue = Pick<ResponseOf<'/api/cases/catalogue', 'get'>, 'categories' | 'tags'>;
export type CatalogueCategory = ItemOf<Catalogue['categories']>;
export type CampaignTag = ItemOf<Catalogue['tags']>;
/** From the public report form: the county's townships (with villages) and the bounds points must fall in. */
export type CountyPlaces = Pick<ResponseOf<'/api/public/cases/form', 'get'>, 'townships' | 'bounds'>;
/** The list's filters, as the URL and the API carry them (the list's query without paging). */
export type CaseFilters = Omit<QueryOf<'/api/cases', 'get'>, 'page' | 'pageSize'>;
export type Queue = NonNullable<CaseFilters['queue']>;

/** Lists the pages offer (filters, legends), in the order shown; `everyOne` fails to compile when one is missing. */
export const caseStatuses = everyOne<CaseStatus>()([
  'reported',
  'verifying',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'closed',
  'rejected',
  'duplicate',
]);
export const caseChannels = everyOne<CaseChannel>()(['patrol', 'citizen', 'volunteer', 'hotline', 'other']);
export const queues = everyOne<Queue>()([
  'intake',
  'verify_report',
  'dispatch',
  'department',
  'verification',
  'overdue',
  'escalated',
  'mine',
]);

/** `everyOne<U>()([...])` accepts the list only when it names every member of U (and nothing else). */
function everyOne<U extends string>() {
  return <const L extends readonly U[]>(list: Exclude<U, L[number]> extends never ? L : never): L => list;
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

/** `status` repeats (`status=a&status=b`); blanks are left out so the server's checks stay quiet. */
export function caseQueryString(filters: CaseFilters, paging?: { page: number; pageSize: number }): string {
  return queryText({ ...filters, ...paging });
}

/** The Excel export of exactly the filter on screen (the server caps and audits it). */
export function caseExportUrl(filters: CaseFilters): string {
  const query = caseQueryString(filters);
  return query === '' ? '/api/cases/export.xlsx' : `/api/cases/export.xlsx?${query}`;
}

/** The route segment of each action (case-actions.routes.ts). */
export const actionPaths = {
  register: 'register',
  reject: 'reject',
  sendToVerify: 'send-to-verify',
  verifyReport: 'verify-report',
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
/** The route of each action, as the generated paths name it. */
export type ActionRoute<A extends ActionPath> = `/api/cases/{caseNo}/${(typeof actionPaths)[A]}`;
/** The body each action's route accepts. */
export type ActionBody<A extends ActionPath = ActionPath> = A extends ActionPath
  ? BodyOf<ActionRoute<A>, 'post'>
  : never;

const byCaseNo = (caseNo: string) => ({ params: { path: { caseNo } } });

export const casesApi = {
  list: (filters: CaseFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/cases', { params: { query: { ...filters, page, pageSize } }, signal })),
  detail: (caseNo: string, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/cases/{caseNo}', { ...byCaseNo(caseNo), signal })),
  departments: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/cases/departments', { signal })),
  queueCounts: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/cases/queue-counts', { signal })),
  nearby: (query: { categoryCode: string; lng: number; lat: number }, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/cases/nearby', { params: { query }, signal })),
  catalogue: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/cases/catalogue', { signal })),
  places: (signal?: AbortSignal): Promise<CountyPlaces> => dataOf(apiClient.GET('/api/public/cases/form', { signal })),
  act: <A extends ActionPath>(caseNo: string, path: A, body: ActionBody<A>): Promise<CaseDetail> =>
    dataOf(
      apiClient.POST(`/api/cases/{caseNo}/${actionPaths[path]}` as ActionRoute<ActionPath>, {
        ...byCaseNo(caseNo),
        body: body as never,
      }),
    ) as Promise<CaseDetail>,
  actionUrl: (caseNo: string, path: ActionPath) => `/api/cases/${encodeURIComponent(caseNo)}/${actionPaths[path]}`,
  export: (filters: CaseFilters): Promise<DownloadedFile> => apiDownload(caseExportUrl(filters)),
};
