import type { ItemOf, ResponseOf } from '../../../api/types.ts';
import { apiClient, dataOf } from '../../../app/apiClient.ts';

/** The system administrator's view of background jobs (server: platform/jobs), typed from the generated schema. */
export type JobsOverview = ResponseOf<'/api/system/jobs', 'get'>;
export type JobSchedule = ItemOf<JobsOverview['schedules']>;
export type FailedJob = ItemOf<JobsOverview['failures']>;

export const jobsApi = {
  overview: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/system/jobs', { signal })),
  retry: (id: string) => dataOf(apiClient.POST('/api/system/jobs/{id}/retry', { params: { path: { id } } })),
};
