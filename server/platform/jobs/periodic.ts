import type { Ctx } from '../context.ts';

/**
 * Work a module runs every `everyMs` (the 督办 sweep, retention, reminders), listed in its manifest's `jobs`.
 * Each becomes a durable schedule row (schedules.ts): a tick runs in one server process only, never two runs of
 * one job at once, and a tick missed while no server ran runs once at the next start. `run` opens its own
 * transactions; what it answers is logged when it did something (a count, a list).
 */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(ctx: Ctx): Promise<unknown>;
}

export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}
