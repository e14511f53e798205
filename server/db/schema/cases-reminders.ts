import { pgTable, primaryKey, text, bigint } from 'drizzle-orm/pg-core';
import { clockStages } from './cases.ts';
import { at, regionCode } from './columns.ts';

/**
 * Deadline reminders sent (cases/deadline-reminders.ts): one row per case and stage clock, so a reminder goes out
 * once per clock whatever the number of runs or processes. A stage clock is its stage and the instant it started;
 * a rework or a new stage starts a new clock and may be reminded again.
 */
export const casesDeadlineReminder = pgTable(
  'cases_deadline_reminder',
  {
    regionCode: regionCode('region_code').notNull(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    stage: text('stage', { enum: clockStages }).notNull(),
    stageStartedAt: at('stage_started_at').notNull(),
    /** The deadline the reminder named (an extension after it does not remind again). */
    dueAt: at('due_at').notNull(),
    remindedAt: at('reminded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.caseId, t.stage, t.stageStartedAt] })],
);
