import type { ItemOf, QueryOf, ResponseOf } from '../../../api/types.ts';
import { apiClient, dataOf } from '../../../app/apiClient.ts';

/** The system administrator's SMS deliveries (server: platform/notify/sms), typed from the generated schema. */
export type SmsPage = ResponseOf<'/api/system/sms', 'get'>;
export type SmsDelivery = ItemOf<SmsPage['items']>;
export type SmsStatus = SmsDelivery['status'];
export type SmsQuery = QueryOf<'/api/system/sms', 'get'>;

export const smsStatuses: readonly SmsStatus[] = ['pending', 'sending', 'sent', 'failed', 'dead', 'cancelled'];

export const smsApi = {
  list: (query: SmsQuery, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/system/sms', { params: { query }, signal })),
  retry: (id: string) => dataOf(apiClient.POST('/api/system/sms/{id}/retry', { params: { path: { id } } })),
};
