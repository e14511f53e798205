import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorkingHours } from '../../platform/calendar/working-hours.ts';
import { workingMinutesBetween } from '../../platform/calendar/working-time.ts';
import { defaultCasesPolicy } from './case-policy.ts';
import {
  escalationLevelFor,
  remainingMinutes,
  resumedDueAt,
  stageDeadlines,
  stageDueAt,
  type WorkTime,
} from './sla.ts';

/** 2026: 国庆 1–7 October with 调休 on Sunday 28 September … use May Day: 1–5 May off, Sat 9 May a working day. */
const work: WorkTime = {
  calendar: {
    days: new Map([
      ['2026-05-01', { kind: 'holiday', name: '劳动节' }],
      ['2026-05-04', { kind: 'holiday', name: '劳动节' }],
      ['2026-05-05', { kind: 'holiday', name: '劳动节' }],
      ['2026-05-09', { kind: 'workday', name: '劳动节调休' }],
    ]),
  },
  hours: defaultWorkingHours,
};
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('stage deadlines', () => {
  it('uses the county default when the code has no limit, and the code’s own limit when it has one', () => {
    const start = shanghai('2026-03-02T09:00:00');
    expect(stageDueAt(start, 'handle', [], defaultCasesPolicy, work)).toEqual(shanghai('2026-03-05T09:00:00'));
    const own = [{ stage: 'handle', step: 'whole', amount: 4, unit: 'working_hours' as const }];
    expect(stageDueAt(start, 'handle', own, defaultCasesPolicy, work)).toEqual(shanghai('2026-03-02T15:30:00'));
  });

  it('核实 (verify_report): 2 working hours by default, over the lunch break; a code’s own 核实 limit wins', () => {
    const start = shanghai('2026-03-02T11:00:00');
    expect(stageDueAt(start, 'verify_report', [], defaultCasesPolicy, work)).toEqual(shanghai('2026-03-02T15:30:00'));
    const own = [{ stage: 'verify_report', step: 'whole', amount: 1, unit: 'working_hours' as const }];
    expect(stageDueAt(start, 'verify_report', own, defaultCasesPolicy, work)).toEqual(shanghai('2026-03-02T12:00:00'));
    // Another stage's limit of the code does not count for 核实.
    const handleOnly = [{ stage: 'handle', step: 'whole', amount: 4, unit: 'working_hours' as const }];
    expect(stageDueAt(start, 'verify_report', handleOnly, defaultCasesPolicy, work)).toEqual(
      shanghai('2026-03-02T15:30:00'),
    );
  });

  it('chains the steps of a staged stage (私搭乱建 停工 4 工作时 → 处罚 7 工作日 → 拆除 20 工作日)', () => {
    const limits = [
      { stage: 'handle', step: 'stop_work', amount: 4, unit: 'working_hours' as const },
      { stage: 'handle', step: 'penalty', amount: 7, unit: 'working_days' as const },
      { stage: 'handle', step: 'demolition', amount: 20, unit: 'working_days' as const },
    ];
    const steps = stageDeadlines(shanghai('2026-03-02T09:00:00'), 'handle', limits, defaultCasesPolicy, work);
    expect(steps.map((s) => s.step)).toEqual(['stop_work', 'penalty', 'demolition']);
    expect(steps[0]?.dueAt).toEqual(shanghai('2026-03-02T15:30:00'));
    expect(steps[1]?.dueAt).toEqual(shanghai('2026-03-11T15:30:00'));
    expect(steps[2]?.dueAt).toEqual(shanghai('2026-04-08T15:30:00'));
  });

  it('skips the May Day holidays and counts the 调休 Saturday', () => {
    // Thursday 30 April 09:00 + 3 working days: (1–5 May off) Wed 6, Thu 7, Fri 8 → Fri 8 May 09:00.
    expect(stageDueAt(shanghai('2026-04-30T09:00:00'), 'handle', [], defaultCasesPolicy, work)).toEqual(
      shanghai('2026-05-08T09:00:00'),
    );
    // Friday 8 May 09:00 + 1 working day → Saturday 9 May 09:00 (a 调休 working day).
    expect(stageDueAt(shanghai('2026-05-08T09:00:00'), 'verify', [], defaultCasesPolicy, work)).toEqual(
      shanghai('2026-05-09T09:00:00'),
    );
  });
});

describe('suspension arithmetic', () => {
  it('resuming with the minutes left gives the same total working time, whatever the suspension', () => {
    const instant = fc.date({
      min: shanghai('2026-03-02T00:00:00'),
      max: shanghai('2026-12-20T00:00:00'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 60 * 24 * 30 }),
        fc.integer({ min: 30, max: 4 * 24 * 60 }),
        (start, suspendAfter, pausedFor) => {
          const due = stageDueAt(start, 'handle', [], defaultCasesPolicy, work);
          const suspendedAt = new Date(start.getTime() + suspendAfter * 60_000);
          const left = remainingMinutes(suspendedAt, due, work);
          const resumedAt = new Date(suspendedAt.getTime() + pausedFor * 60_000);
          const newDue = resumedDueAt(resumedAt, left, work);
          if (left > 0) {
            const used = workingMinutesBetween(start, newDue, work.calendar, work.hours, [
              { from: suspendedAt, to: resumedAt },
            ]);
            expect(Math.abs(used - 3 * 7 * 60)).toBeLessThanOrEqual(1);
          } else {
            expect(newDue.getTime()).toBeLessThanOrEqual(resumedAt.getTime());
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the 督办 ladder', () => {
  const due = shanghai('2026-03-02T09:00:00');
  it('is 0 before the deadline and climbs with overdue working hours', () => {
    const ladder = defaultCasesPolicy.escalationLadder;
    expect(escalationLevelFor(shanghai('2026-03-02T08:59:00'), due, work, ladder)).toBe(0);
    expect(escalationLevelFor(shanghai('2026-03-02T09:01:00'), due, work, ladder)).toBe(1);
    expect(escalationLevelFor(shanghai('2026-03-03T10:00:00'), due, work, ladder)).toBe(2);
    expect(escalationLevelFor(shanghai('2026-03-06T10:00:00'), due, work, ladder)).toBe(3);
    expect(escalationLevelFor(shanghai('2026-03-06T10:00:00'), null, work, ladder)).toBe(0);
  });
});
