import type { ModuleManifest } from '../module.ts';
import { finishedJobsPurge } from './jobs-retention.ts';

/**
 * Durable jobs: the manifests' `jobs` as schedule rows and their `queues` as a table queue (jobs_schedule,
 * jobs_job), run once across server processes by the worker serve.ts starts. Its own periodic job purges done
 * jobs.
 */
export const jobsManifest: ModuleManifest = {
  key: 'jobs',
  title: { zh: '后台任务', en: 'Background jobs' },
  jobs: [finishedJobsPurge],
};
