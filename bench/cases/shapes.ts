// The requests measured on the loaded history: the staff list's typical filters and pages for a county-wide
// dispatcher and a 霞阳镇 inspector, the duplicate check, and the evaluation for a month and a year by every
// dimension. Parameters are drawn at random per request (deterministic seed) so caches do not flatter them.
import { addDays, shanghaiDayOf } from '../../server/platform/calendar/shanghai-time.ts';
import { SeededRandom } from '../../server/platform/seed/random.ts';
import { categoryMix, countySeat, townshipMix, weightedSlots } from './case-mix.ts';

export type Role = 'dispatcher' | 'inspector';

/** The list's query as the API takes it (cases.schema.ts CaseListQuery). */
export type ListQuery = Record<string, string | number | boolean | string[]>;

export interface ListShape {
  name: string;
  role: Role;
  query(rng: SeededRandom): ListQuery;
}

export interface EvaluationShape {
  name: string;
  groupBy: 'township' | 'department' | 'category' | 'month';
  query(rng: SeededRandom): { from: string; to: string; groupBy: string };
}

const categories = weightedSlots(Object.entries(categoryMix), 1000);
const townships = weightedSlots(
  townshipMix.map((t) => [t.code, t.share] as const),
  1000,
);
const category = (rng: SeededRandom) => rng.pick(categories);
const township = (rng: SeededRandom) => rng.pick(townships);

/** The first and last day of the month `back` months before the current one (Asia/Shanghai). */
export function monthRange(now: Date, back: number): { from: string; to: string } {
  const today = shanghaiDayOf(now);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - back;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const from = `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const next = month === 11 ? `${year + 1}-01-01` : `${year}-${String(month + 2).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** Twelve months ending with the month `back` months ago. */
export function yearRange(now: Date, back: number): { from: string; to: string } {
  return { from: monthRange(now, back + 11).from, to: monthRange(now, back).to };
}

export function listShapes(now: Date, villagesOfSeat: readonly string[]): ListShape[] {
  const month = (rng: SeededRandom) => monthRange(now, rng.int(0, 35));
  const year = (rng: SeededRandom) => yearRange(now, rng.int(0, 23));
  const common = (role: Role): ListShape[] => [
    { name: 'no filter, page 1', role, query: () => ({}) },
    { name: 'no filter, page 50', role, query: () => ({ page: 50 }) },
    { name: 'queue=overdue (most overdue first)', role, query: () => ({ queue: 'overdue' }) },
    {
      name: 'status=closed + category, page 1',
      role,
      query: (r) => ({ status: ['closed'], categoryCode: category(r) }),
    },
    {
      name: 'status=closed + category, page 50',
      role,
      query: (r) => ({ status: ['closed'], categoryCode: category(r), page: 50 }),
    },
    { name: 'one month (from, to) + category', role, query: (r) => ({ ...month(r), categoryCode: category(r) }) },
    {
      name: 'one year (from, to) + status=closed, page 50',
      role,
      query: (r) => ({ ...year(r), status: ['closed'], page: 50 }),
    },
  ];
  return [
    ...common('dispatcher'),
    { name: 'queue=intake', role: 'dispatcher', query: () => ({ queue: 'intake' }) },
    { name: 'queue=dispatch', role: 'dispatcher', query: () => ({ queue: 'dispatch' }) },
    { name: 'township (regionCode), page 1', role: 'dispatcher', query: (r) => ({ regionCode: township(r) }) },
    {
      name: 'township (regionCode), page 50',
      role: 'dispatcher',
      query: (r) => ({ regionCode: township(r), page: 50 }),
    },
    { name: 'township + overdue=true', role: 'dispatcher', query: (r) => ({ regionCode: township(r), overdue: true }) },
    { name: 'channel=hotline + one month', role: 'dispatcher', query: (r) => ({ channel: 'hotline', ...month(r) }) },
    ...common('inspector'),
    { name: 'queue=mine', role: 'inspector', query: () => ({ queue: 'mine' }) },
    { name: 'queue=verification', role: 'inspector', query: () => ({ queue: 'verification' }) },
    {
      name: 'village (regionCode), page 1',
      role: 'inspector',
      query: (r) => ({ regionCode: villagesOfSeat.length ? r.pick(villagesOfSeat) : countySeat }),
    },
  ];
}

export function evaluationShapes(now: Date): EvaluationShape[] {
  const groupBys = ['township', 'department', 'category', 'month'] as const;
  return groupBys.flatMap((groupBy) => [
    {
      name: `one month, groupBy=${groupBy}`,
      groupBy,
      query: (r: SeededRandom) => ({ ...monthRange(now, r.int(0, 23)), groupBy }),
    },
    {
      name: `one year, groupBy=${groupBy}`,
      groupBy,
      query: (r: SeededRandom) => ({ ...yearRange(now, r.int(0, 11)), groupBy }),
    },
  ]);
}

/** The API's query string: arrays repeat the key, like the web client sends them. */
export function queryString(query: Record<string, string | number | boolean | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function shapeRandom(name: string): SeededRandom {
  return new SeededRandom(430225).fork(name);
}
