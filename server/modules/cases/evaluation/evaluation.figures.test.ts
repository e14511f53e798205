import { beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../platform/calendar/calendar.fixtures.ts';
import { defaultWorkingHours } from '../../../platform/calendar/working-hours.ts';
import { workingMinutesBetween } from '../../../platform/calendar/working-time.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import type { SignedIn } from '../../../testing/test-auth.ts';
import { appModules } from '../../index.ts';
import { prepareCases } from '../cases.test-support.ts';
import { type CaseFacts, cst, hours, insertCases } from './evaluation.test-support.ts';

/**
 * Volume: ~1,700 cases written straight into the table (the 天门 bulletin's month in 水口镇, and a random
 * county around it), with every figure recomputed here by hand from the rows — the definitions written out
 * a second time in plain JavaScript, never through the code under test.
 */
const shuikou = '430225103';
const townships = ['430225100', '430225101', '430225102'];
const departments = ['chengguan', 'huanwei', 'zhujian'];
const categories = ['09006', '07001', '06001'];
const day = 86_400_000;
const now = cst(2026, 4, 15, 10);

type Row = CaseFacts & { reportedAt: Date };

/** A deterministic pseudo-random sequence (mulberry32): the same data on every run and engine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** 天门: 972 due in March, 911 of them closed, 737 on time (anchors §3.5), plus cases that must not count. */
function tianmenMonth(): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 972; i += 1) {
    const dispatchedAt = new Date(cst(2026, 2, 20).getTime() + (i % 300) * hours(2));
    const handleDueAt = new Date(cst(2026, 3, 2).getTime() + (i % 28) * day);
    const base: Row = {
      townshipCode: shuikou,
      department: 'chengguan',
      status: 'handling',
      reportedAt: new Date(dispatchedAt.getTime() - hours(5)),
      registeredAt: new Date(dispatchedAt.getTime() - hours(1)),
      dispatchedAt,
      handleDueAt,
      stageDueAt: handleDueAt,
      clockStage: 'handle',
    };
    if (i >= 911) {
      // Open: 31 overdue now, 30 suspended (overdue but the clock is stopped).
      rows.push(i < 942 ? base : { ...base, suspendedAt: new Date(handleDueAt.getTime() - hours(2)) });
      continue;
    }
    const onTime = i < 737;
    const handledAt = new Date(handleDueAt.getTime() + (onTime ? -hours(3) : hours(30)));
    rows.push({
      ...base,
      status: 'closed',
      clockStage: null,
      stageDueAt: null,
      handledAt,
      closedAt: new Date(handledAt.getTime() + hours(2)),
      closedOnTime: onTime,
      reworkCount: i % 50 === 0 ? 1 : 0,
    });
  }
  // Not March's: closed in February before a March deadline (due in February), due in late April (not yet due),
  // rejected in March (closed_at set, never dispatched).
  rows.push({
    townshipCode: shuikou,
    department: 'chengguan',
    status: 'closed',
    reportedAt: cst(2026, 2, 1),
    registeredAt: cst(2026, 2, 1, 11),
    dispatchedAt: cst(2026, 2, 2),
    handleDueAt: cst(2026, 3, 3),
    handledAt: cst(2026, 2, 20),
    closedAt: cst(2026, 2, 26),
    closedOnTime: true,
  });
  rows.push({
    townshipCode: shuikou,
    department: 'chengguan',
    status: 'dispatched',
    reportedAt: cst(2026, 4, 10),
    registeredAt: cst(2026, 4, 10, 11),
    dispatchedAt: cst(2026, 4, 13),
    handleDueAt: cst(2026, 4, 28),
    stageDueAt: cst(2026, 4, 28),
    clockStage: 'handle',
  });
  rows.push({ townshipCode: shuikou, status: 'rejected', reportedAt: cst(2026, 3, 9), closedAt: cst(2026, 3, 9, 15) });
  return rows;
}

/** Cases across townships, departments and categories from January to mid-April, each in a state its times allow. */
function randomCounty(count: number): Row[] {
  const next = random(4302);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const rows: Row[] = [];
  for (let i = 0; i < count; i += 1) {
    const reportedAt = new Date(cst(2026, 1, 1, 0).getTime() + Math.floor(next() * 104 * day));
    const row: Row = {
      townshipCode: pick(townships),
      categoryCode: pick(categories),
      reportedAt,
      status: 'reported',
      stageDueAt: new Date(reportedAt.getTime() + hours(20)),
      clockStage: 'register',
    };
    rows.push(row);
    if (next() < 0.1)
      Object.assign(row, {
        status: 'rejected',
        closedAt: new Date(reportedAt.getTime() + hours(3)),
        stageDueAt: null,
        clockStage: null,
      });
    if (row.status === 'rejected' || next() < 0.05) continue;
    const registeredAt = new Date(reportedAt.getTime() + next() * hours(30));
    if (registeredAt > now) continue;
    Object.assign(row, {
      status: 'registered',
      registeredAt,
      stageDueAt: new Date(registeredAt.getTime() + hours(4)),
      clockStage: 'dispatch',
    });
    if (next() < 0.05) continue;
    const dispatchedAt = new Date(registeredAt.getTime() + next() * hours(20));
    if (dispatchedAt > now) continue;
    const handleDueAt = new Date(dispatchedAt.getTime() + (1 + Math.floor(next() * 10)) * day);
    Object.assign(row, {
      status: 'handling',
      department: pick(departments),
      dispatchedAt,
      handleDueAt,
      stageDueAt: handleDueAt,
      clockStage: 'handle',
      suspendedAt: next() < 0.1 ? dispatchedAt : null,
    });
    closeRandomly(row, next);
  }
  return rows;
}

/** Most dispatched cases are handled and closed (unless that would be after now), some rated, some reworked. */
function closeRandomly(row: Row, next: () => number): void {
  const dispatchedAt = row.dispatchedAt as Date;
  const handledAt = new Date(dispatchedAt.getTime() + next() * 14 * day);
  const closedAt = new Date(handledAt.getTime() + next() * hours(48));
  if (next() < 0.2 || closedAt > now) return;
  const rated = next() < 0.6;
  Object.assign(row, {
    status: 'closed',
    handledAt,
    closedAt,
    closedOnTime: handledAt <= (row.handleDueAt as Date),
    reworkCount: next() < 0.15 ? 1 + Math.floor(next() * 2) : 0,
    satisfaction: rated ? 1 + Math.floor(next() * 5) : null,
    stageDueAt: null,
    clockStage: null,
    suspendedAt: null,
  });
}

interface Expected {
  reported: number;
  registered: number;
  due: number;
  closed: number;
  closedOnTime: number;
  reworked: number;
  timedMinutes: number[];
  ratings: number[];
  overdueOpen: number;
}

const empty = (): Expected => ({
  reported: 0,
  registered: 0,
  due: 0,
  closed: 0,
  closedOnTime: 0,
  reworked: 0,
  timedMinutes: [],
  ratings: [],
  overdueOpen: 0,
});
const monthOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/** 应结案 and what follows it, for one case due in the period. */
function countSettled(r: Row, g: Expected, calendar: ReturnType<typeof officialCalendar>): void {
  g.due += 1;
  if (r.status !== 'closed') return;
  g.closed += 1;
  if (r.closedOnTime) g.closedOnTime += 1;
  if ((r.reworkCount ?? 0) > 0) g.reworked += 1;
  if (r.dispatchedAt && r.handledAt)
    g.timedMinutes.push(workingMinutesBetween(r.dispatchedAt, r.handledAt, calendar, defaultWorkingHours));
  if (r.satisfaction) g.ratings.push(r.satisfaction);
}

/** The figures by hand: each definition of evaluation.store.ts, applied row by row. */
function byHand(
  rows: readonly Row[],
  start: Date,
  end: Date,
  keyOf: (row: Row, event: 'reported' | 'registered' | 'settled' | 'overdue') => string | null,
) {
  const groups = new Map<string | null, Expected>();
  const group = (key: string | null) => groups.get(key) ?? groups.set(key, empty()).get(key)!;
  const within = (at: Date | null | undefined, until = end) => !!at && at >= start && at < until;
  const calendar = officialCalendar();
  for (const r of rows) {
    if (within(r.reportedAt)) group(keyOf(r, 'reported')).reported += 1;
    if (within(r.registeredAt)) group(keyOf(r, 'registered')).registered += 1;
    if (r.stageDueAt && r.stageDueAt < now && !r.suspendedAt) group(keyOf(r, 'overdue')).overdueOpen += 1;
    if (!r.handleDueAt) continue;
    const settledAt = r.closedAt && r.closedAt < r.handleDueAt ? r.closedAt : r.handleDueAt;
    if (within(settledAt, end < now ? end : now)) countSettled(r, group(keyOf(r, 'settled')), calendar);
  }
  return groups;
}

function expectRow(actual: Record<string, unknown>, e: Expected, month = false) {
  const ratio = (n: number, d: number) => (d === 0 ? null : (n * 100) / d);
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  expect(actual).toMatchObject({
    reported: e.reported,
    registered: e.registered,
    due: e.due,
    closed: e.closed,
    closedOnTime: e.closedOnTime,
    reworked: e.reworked,
    rated: e.ratings.length,
    lowVolume: e.due < 5,
  });
  if (!month) expect(actual.overdueOpen).toBe(e.overdueOpen);
  const close = (value: unknown, exact: number | null) => {
    if (exact === null) expect(value).toBeNull();
    else expect(Math.abs((value as number) - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
  };
  close(actual.closedRate, ratio(e.closed, e.due));
  close(actual.onTimeRate, ratio(e.closedOnTime, e.due));
  close(actual.reworkRate, ratio(e.reworked, e.closed));
  close(actual.satisfaction, mean(e.ratings));
  const hoursMean = mean(e.timedMinutes);
  close(actual.avgHandlingHours, hoursMean === null ? null : hoursMean / 60);
}

describe('综合评价 at volume, checked by hand', () => {
  const t = useTestApp({ modules: appModules });
  let dispatcher: SignedIn;
  const rows: Row[] = [...tianmenMonth(), ...randomCounty(700)];
  const get = async (query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/cases/evaluation?${query}`,
      headers: dispatcher.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t.clock.set(now);
    dispatcher = (await prepareCases(t)).dispatcher;
    await insertCases(t.db.database.db, rows);
  });

  it('reproduces the 天门 bulletin for 水口镇 in March: 应结案 972, 结案 911 (93.72 %), 按期 737 (75.82 %)', async () => {
    const body = await get('from=2026-03-01&to=2026-03-31&groupBy=township');
    const shuikouRow = body.rows.find((r: { key: string }) => r.key === shuikou);
    expect(shuikouRow).toMatchObject({
      name: '水口镇',
      due: 972,
      closed: 911,
      closedOnTime: 737,
      closedRate: 93.72,
      onTimeRate: 75.82,
      overdueOpen: 31,
      reworked: 19,
      lowVolume: false,
    });
  });

  for (const dimension of ['township', 'department', 'category'] as const) {
    it(`matches the hand count for every ${dimension} and the total (March 2026)`, async () => {
      const body = await get(`from=2026-03-01&to=2026-03-31&groupBy=${dimension}`);
      const column = { township: 'townshipCode', department: 'department', category: 'categoryCode' } as const;
      const expected = byHand(
        rows,
        cst(2026, 3, 1, 0),
        cst(2026, 4, 1, 0),
        (r) => (r[column[dimension]] as string | null | undefined) ?? (dimension === 'category' ? '09006' : null),
      );
      for (const [key, e] of expected)
        expectRow(
          body.rows.find((r: { key: string | null }) => r.key === key),
          e,
        );
      // Groups the API lists beyond the hand count are empty ones (townships and departments with no cases).
      for (const row of body.rows.filter((r: { key: string | null }) => !expected.has(r.key)))
        expect(row).toMatchObject({ reported: 0, registered: 0, due: 0, overdueOpen: 0 });
      const all = byHand(rows, cst(2026, 3, 1, 0), cst(2026, 4, 1, 0), () => 'all').get('all')!;
      expectRow(body.total, all);
    });
  }

  it('matches the hand count by month, each indicator in the month of its own event, and the snapshot in the total', async () => {
    const body = await get('from=2026-01-01&to=2026-04-30&groupBy=month');
    const expected = byHand(rows, cst(2026, 1, 1, 0), cst(2026, 5, 1, 0), (r, event) => {
      if (event === 'overdue') return null;
      if (event === 'reported') return monthOf(r.reportedAt);
      if (event === 'registered') return monthOf(r.registeredAt!);
      return monthOf(r.closedAt && r.closedAt < r.handleDueAt! ? r.closedAt : r.handleDueAt!);
    });
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    for (const row of body.rows) {
      expectRow(row, expected.get(row.key) ?? empty(), true);
      expect(row.overdueOpen).toBeNull();
    }
    const all = byHand(rows, cst(2026, 1, 1, 0), cst(2026, 5, 1, 0), () => 'all').get('all')!;
    expectRow(body.total, all);
    // Months add up: the quarter's 应结案 is the sum of its months'.
    const quarter = await get('from=2026-01-01&to=2026-03-31&groupBy=township');
    expect(quarter.total.due).toBe(body.rows.slice(0, 3).reduce((sum: number, r: { due: number }) => sum + r.due, 0));
  });

  it('flags groups under the minimum volume, with the threshold the caller sets', async () => {
    const body = await get('from=2026-03-01&to=2026-03-31&groupBy=township&minVolume=973');
    expect(body.rows.find((r: { key: string }) => r.key === shuikou)).toMatchObject({ due: 972, lowVolume: true });
    expect(body.minVolume).toBe(973);
  });
});
