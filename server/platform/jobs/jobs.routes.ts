import { defineRoute, registerRoutes } from '../http/define-route.ts';
import type { TypedApp } from '../module.ts';
import { jobsOverview, retryDeadJob } from './jobs-overview.ts';
import { JobParams, JobsOverviewSchema, RetriedJobSchema } from './jobs.schema.ts';

const tags = ['system'];

/** The system administrator's view of background jobs and the one thing they may do: retry a dead job. */
export const jobsPermissions = { operate: 'system.jobs' } as const;
const access = { permission: jobsPermissions.operate };

const overview = defineRoute({
  method: 'GET',
  url: '/api/system/jobs',
  summary: 'Schedules, queue counts by state and the latest failed jobs (no payloads)',
  tags,
  access,
  schema: { response: { 200: JobsOverviewSchema } },
  handler: async (request) => jobsOverview(request.ctx),
});

const retry = defineRoute({
  method: 'POST',
  url: '/api/system/jobs/:id/retry',
  summary: 'Put a dead job back in the queue, due now (audited)',
  tags,
  access,
  schema: { params: JobParams, response: { 200: RetriedJobSchema } },
  handler: async (request) => retryDeadJob(request.ctx, request.params.id),
});

export function registerJobsRoutes(app: TypedApp): void {
  registerRoutes(app, [overview, retry]);
}
