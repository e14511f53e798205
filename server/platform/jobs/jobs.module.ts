import type { ModuleManifest } from '../module.ts';
import { finishedJobsPurge } from './jobs-retention.ts';
import { jobsMessages } from './jobs.messages.ts';
import { jobsPermissions, registerJobsRoutes } from './jobs.routes.ts';

/**
 * Durable jobs: the manifests' `jobs` as schedule rows and their `queues` as a table queue (jobs_schedule,
 * jobs_job), run once across server processes by the worker serve.ts starts. Its own periodic job purges done
 * jobs; the system administrator sees schedules, counts and failures at /api/system/jobs and retries dead jobs.
 */
export const jobsManifest: ModuleManifest = {
  key: 'jobs',
  title: { zh: '后台任务', en: 'Background jobs' },
  jobs: [finishedJobsPurge],
  routes: [registerJobsRoutes],
  // Granted to the system administrator in access/roles.ts: modules may not grant 三员 roles anything.
  permissions: [{ key: jobsPermissions.operate, zh: '后台任务（查看与重试）', en: 'Background jobs (view and retry)' }],
  messages: [jobsMessages],
  // A job's or schedule's name is the code's ('cases.deadline-reminders'), not a person's; payloads hold ids only.
  personalData: {
    fields: [],
    notPersonal: [
      { table: 'jobs_job', column: 'name', reason: '任务名称，来自代码（模块.任务），不含个人信息' },
      { table: 'jobs_schedule', column: 'name', reason: '定时任务名称，来自代码（模块.任务），不含个人信息' },
    ],
  },
};
