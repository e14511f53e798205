import { type Static, Type } from 'typebox';
import { S } from '../http/schema.ts';

const when = (description: string) => Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });

export const ScheduleSchema = Type.Object({
  name: Type.String(),
  everyMs: Type.Integer({ description: 'The interval between runs, in milliseconds' }),
  lastStartedAt: when('When the last run started (null: never ran)'),
  lastFinishedAt: when('When the last run ended'),
  nextRunAt: Type.String({ format: 'date-time' }),
  running: Type.Boolean({ description: 'A process holds a run now' }),
  lastOutcome: Type.Union([S.literals(['ok', 'failed']), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

export const JobStateCountsSchema = Type.Object({
  pending: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  dead: Type.Integer(),
});

/** A failed job as the operator sees it: no payload (it may name people), only what ran and why it failed. */
export const FailedJobSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  state: S.literals(['pending', 'running', 'dead']),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  runAt: Type.String({ format: 'date-time', description: 'When it runs next (pending) or last became due' }),
  finishedAt: when('When it became dead'),
});

export const JobsOverviewSchema = Type.Object({
  schedules: Type.Array(ScheduleSchema),
  counts: JobStateCountsSchema,
  failures: Type.Array(FailedJobSchema, { description: 'Dead jobs and jobs waiting for a retry, latest first (50)' }),
});
export type JobsOverview = Static<typeof JobsOverviewSchema>;

export const JobParams = S.object({ id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'The job id' }) });

export const RetriedJobSchema = Type.Object({ id: Type.String(), state: Type.Literal('pending') });
