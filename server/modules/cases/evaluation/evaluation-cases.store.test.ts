import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casesCase } from '../../../db/schema/cases.ts';
import { addDays, type LocalDate, startOfDayMs } from '../../../platform/calendar/shanghai-time.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import type { CaseVisibility } from '../case-scope.ts';
import { countByGroup, type Dimension, dimensions, type EvaluationWindow } from './evaluation.store.ts';
import { type CaseFacts, cst, insertCases } from './evaluation.test-support.ts';
import { countFigureCases, figureCasesWhere } from './evaluation-cases.store.ts';
import { foldEvaluationChanges } from './evaluation-rollup.store.ts';
import { type measures, periodMeasures } from './evaluation-rows.ts';

const county = '430225';
const day = 86_400_000;
const origin = cst(2025, 10, 1, 0).getTime();
const instant = fc.integer({ min: 0, max: 200 * day }).map((ms) => new Date(origin + ms));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** Any facts the rows can hold (the sets must not rely on the loop keeping them tidy), bar the place rule. */
const caseFacts: fc.Arbitrary<CaseFacts> = fc
  .record({
    townshipCode: fc.constantFrom('430225100', '430225101'),
    village: fc.constantFrom('', '201'),
    categoryCode: fc.constantFrom('09006', '07001'),
    department: fc.constantFrom('chengguan', 'huanwei', null),
    status: fc.constantFrom('reported', 'verifying', 'registered', 'dispatched', 'handled', 'closed', 'rejected'),
    reportedAt: instant,
    registeredAt: maybe(instant),
    dispatchedAt: maybe(instant),
    handledAt: maybe(instant),
    handlingMinutes: maybe(fc.integer({ min: 0, max: 5000 })),
    closedAt: maybe(instant),
    handleDueAt: maybe(instant),
    closedOnTime: maybe(fc.boolean()),
    reworkCount: fc.integer({ min: 0, max: 1 }),
    satisfaction: maybe(fc.integer({ min: 1, max: 5 })),
    stageDueAt: maybe(instant),
    suspendedAt: maybe(instant),
    reportVerifiedAt: maybe(instant),
    reportVerifiedOnTime: maybe(fc.boolean()),
  })
  .map(({ village, ...facts }) => ({ ...facts, locationCode: `${facts.townshipCode}${village}` }));

const localDay = fc.integer({ min: -10, max: 210 }).map((n): LocalDate => addDays('2025-10-01', n));
const period = fc.tuple(localDay, localDay).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [LocalDate, LocalDate]);

const scopes: CaseVisibility[] = [
  { region: county, department: null, reporterId: null },
  { region: '430225100', department: null, reporterId: null },
  { region: county, department: 'huanwei', reporterId: null },
];

describe('综合评价 drill-down sets', () => {
  const t = useTestDatabase();
  const db = () => t.database.db;

  /** Every figure of every row (and of the total) against the count of the list behind it. */
  async function figuresEqualLists(visibility: CaseVisibility, dimension: Dimension, w: EvaluationWindow) {
    const groups = await countByGroup(db(), county, visibility, dimension, w);
    const rows = dimension === 'month' ? groups.filter((g) => g.key !== null) : groups;
    const listed = async (group: string | null | undefined, measure: (typeof measures)[number]) =>
      countFigureCases(db(), figureCasesWhere(county, visibility, { dimension, group, measure }, w));
    const at = `${dimension} in ${JSON.stringify(visibility)}`;
    for (const g of rows) {
      for (const measure of periodMeasures)
        expect(await listed(g.key, measure), `${at} ${g.key} ${measure}`).toBe(g[measure]);
      if (dimension !== 'month') expect(await listed(g.key, 'overdueOpen'), `${at} ${g.key}`).toBe(g.overdueOpen);
    }
    // A group with nothing in it lists nothing; the total lists every row's cases.
    expect(await listed(dimension === 'month' ? '2020-01' : '430225199', 'reported')).toBe(0);
    for (const measure of periodMeasures) {
      const sum = rows.reduce((n, g) => n + g[measure], 0);
      expect(await listed(undefined, measure), `${at} total ${measure}`).toBe(sum);
    }
    const overdue = groups.reduce((n, g) => n + (g.overdueOpen ?? 0), 0);
    expect(await listed(undefined, 'overdueOpen'), `${at} total overdue`).toBe(overdue);
  }

  it('lists exactly the cases each figure counts, for every row, measure, dimension and scope (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseFacts, { minLength: 1, maxLength: 30 }),
        period,
        instant,
        fc.constantFrom(...scopes),
        fc.boolean(),
        async (facts, [from, to], now, visibility, fold) => {
          await db().delete(casesCase).where(eq(casesCase.regionCode, county));
          await insertCases(db(), facts);
          // Folded or not: the figures read the month rollup for whole months, the lists read the rows.
          if (fold) await foldEvaluationChanges(db(), county);
          const w = { start: new Date(startOfDayMs(from)), end: new Date(startOfDayMs(to) + day), now };
          for (const dimension of dimensions as readonly Dimension[]) await figuresEqualLists(visibility, dimension, w);
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);

  it('puts a case in the set of its own event: a case reported in March and closed in April is March’s 上报, April’s 结案', async () => {
    await db().delete(casesCase).where(eq(casesCase.regionCode, county));
    await insertCases(db(), [
      {
        townshipCode: '430225100',
        department: 'chengguan',
        status: 'closed',
        reportedAt: cst(2026, 3, 30),
        registeredAt: cst(2026, 3, 30, 11),
        dispatchedAt: cst(2026, 3, 31),
        handleDueAt: cst(2026, 4, 8),
        handledAt: cst(2026, 4, 2),
        closedAt: cst(2026, 4, 3),
        closedOnTime: true,
        satisfaction: 5,
      },
    ]);
    const w = { start: cst(2026, 3, 1, 0), end: cst(2026, 5, 1, 0), now: cst(2026, 5, 10) };
    const listed = (group: string, measure: (typeof measures)[number]) =>
      countFigureCases(db(), figureCasesWhere(county, scopes[0]!, { dimension: 'month', group, measure }, w));
    expect([await listed('2026-03', 'reported'), await listed('2026-03', 'closed')]).toEqual([1, 0]);
    expect([await listed('2026-04', 'reported'), await listed('2026-04', 'closed')]).toEqual([0, 1]);
    expect([await listed('2026-04', 'closedOnTime'), await listed('2026-04', 'rated')]).toEqual([1, 1]);
    // The department row without a key (never dispatched) holds none of it; 沔渡镇's scope sees nothing.
    const none = figureCasesWhere(county, scopes[0]!, { dimension: 'department', group: null, measure: 'reported' }, w);
    expect(await countFigureCases(db(), none)).toBe(0);
    const elsewhere = { region: '430225101', department: null, reporterId: null };
    const outside = figureCasesWhere(
      county,
      elsewhere,
      { dimension: 'township', group: '430225100', measure: 'reported' },
      w,
    );
    expect(await countFigureCases(db(), outside)).toBe(0);
  });
});
