import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types.ts';
import { apiDownload, type DownloadedFile } from '../../app/api.ts';
import { apiClient, dataOf, queryText } from '../../app/apiClient.ts';

/**
 * The merchant registry's API (server: merchants.routes.ts). Every shape is the server's own, generated from its
 * route schemas by `npm run gen:api`; this file only names them for the pages.
 */

export type MerchantPage = ResponseOf<'/api/merchants', 'get'>;
export type Merchant = ItemOf<MerchantPage['items']>;
export type MerchantKind = Merchant['kind'];
export type MerchantStatus = Merchant['status'];
export type RiskGrade = NonNullable<Merchant['riskGrade']>;
export type MerchantBody = BodyOf<'/api/merchants', 'post'>;
export type MerchantEditBody = BodyOf<'/api/merchants/{id}', 'put'>;
/** The list's filters, as the URL and the API carry them (the list's query without paging). */
export type MerchantFilters = Omit<QueryOf<'/api/merchants', 'get'>, 'page' | 'pageSize'>;
/** The export's query: the list's filters, and the reason when the operators are wanted in clear. */
export type MerchantExportQuery = QueryOf<'/api/merchants/export.xlsx', 'get'>;

/** Lists the pages offer (filters, form choices), in the order shown; `everyOne` fails to compile when one is missing. */
export const merchantKinds = everyOne<MerchantKind>()(['food_sale', 'catering', 'market_operator', 'other']);
export const merchantStatuses = everyOne<MerchantStatus>()(['open', 'suspended', 'closed']);
export const riskGrades = everyOne<RiskGrade>()(['A', 'B', 'C', 'D']);

/** `everyOne<U>()([...])` accepts the list only when it names every member of U (and nothing else). */
function everyOne<U extends string>() {
  return <const L extends readonly U[]>(list: Exclude<U, L[number]> extends never ? L : never): L => list;
}

/**
 * 食品经营者: the kinds market supervision grades by risk. The server refuses a grade on any other kind
 * (merchant-input.ts `foodKinds`, 食品生产经营监督检查管理办法 §21–22); the form only offers the grade where it
 * applies. A second copy of the server's set until it moves to `rules/`, where both sides would import it
 * (CODE_STYLE "Web"); should they ever differ, the server's field error still shows at the grade.
 */
export const foodKinds: ReadonlySet<MerchantKind> = new Set<MerchantKind>(['food_sale', 'catering', 'market_operator']);

/** Who may reveal a merchant's operator name and phone (server: merchants.permissions.ts, merchants.revealers.ts). */
export const operatorRevealPermission = 'pii.reveal.merchant_operator';

/** The platform's spreadsheet import of the registry (`/imports/<kind>`). */
export const registryImportKind = 'merchants.registry';

/**
 * The Excel export of exactly the filter on screen (the server caps and audits it). Operators come masked unless
 * a reason is given by someone allowed to reveal them (audited as a reveal).
 */
export function merchantExportUrl(query: MerchantExportQuery): string {
  const text = queryText(query);
  return text === '' ? '/api/merchants/export.xlsx' : `/api/merchants/export.xlsx?${text}`;
}

const byId = (id: string) => ({ params: { path: { id } } });

export const merchantsApi = {
  list: (filters: MerchantFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/merchants', { params: { query: { ...filters, page, pageSize } }, signal })),
  detail: (id: string, signal?: AbortSignal) => dataOf(apiClient.GET('/api/merchants/{id}', { ...byId(id), signal })),
  /** `key` stays the same for every retry of one submission, so the server registers the merchant once. */
  register: (body: MerchantBody, key: string) =>
    dataOf(apiClient.POST('/api/merchants', { body, headers: { 'Idempotency-Key': key } })),
  edit: (id: string, body: MerchantEditBody) => dataOf(apiClient.PUT('/api/merchants/{id}', { ...byId(id), body })),
  export: (filters: MerchantFilters, reason?: string): Promise<DownloadedFile> =>
    apiDownload(merchantExportUrl({ ...filters, reason })),
};
