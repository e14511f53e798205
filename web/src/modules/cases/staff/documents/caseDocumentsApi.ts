import type { ItemOf, ResponseOf } from '../../../../api/types.ts';
import { apiDownload, type DownloadedFile } from '../../../../app/api.ts';
import { apiClient, dataOf } from '../../../../app/apiClient.ts';
import type { DocumentFormat, DocumentKindSlug } from './printables.ts';

export type IssuedDocument = ItemOf<ResponseOf<'/api/cases/{caseNo}/documents', 'get'>['items']>;

const byCaseNo = (caseNo: string) => ({ params: { path: { caseNo } } });

/** The case's printable documents: print (issue and download), list, revoke. */
export const caseDocumentsApi = {
  list: (caseNo: string, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/cases/{caseNo}/documents', { ...byCaseNo(caseNo), signal })).then((r) => r.items),
  /** Fetched rather than linked, so a refusal (409: not dispatched yet) shows the server's message. */
  print: (caseNo: string, kind: DocumentKindSlug, format: DocumentFormat): Promise<DownloadedFile> =>
    apiDownload(`/api/cases/${encodeURIComponent(caseNo)}/documents/${kind}.${format}`),
  revoke: (code: string, reason: string) =>
    dataOf(apiClient.POST('/api/cases/documents/{code}/revoke', { params: { path: { code } }, body: { reason } })),
};

/** The printed form of a code: groups of four. */
export function groupedCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
