import { describe, expect, it } from 'vitest';
import type { EvaluationRow } from './evaluationApi.ts';
import { chinaToday, presetPeriod, readView, writeView } from './period.ts';
import { rankBy } from './ranking.ts';

const at = (iso: string) => Date.parse(iso);

describe('periods in China time', () => {
  it('takes the day in Yanling, not the device’s: 31 Dec 17:00 UTC is already 1 January', () => {
    expect(chinaToday(at('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(chinaToday(at('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('gives each preset its days; the running ones end today', () => {
    const now = at('2026-05-20T02:00:00Z');
    expect(presetPeriod('thisMonth', now)).toEqual({ from: '2026-05-01', to: '2026-05-20' });
    expect(presetPeriod('lastMonth', now)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(presetPeriod('thisQuarter', now)).toEqual({ from: '2026-04-01', to: '2026-05-20' });
    expect(presetPeriod('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-05-20' });
    expect(presetPeriod('lastMonth', at('2026-01-10T02:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('lastMonth', at('2028-03-01T02:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('thisQuarter', at('2026-12-31T02:00:00Z')).from).toBe('2026-10-01');
  });

  it('reads the view from the URL and writes it back; a broken custom range falls back to this month', () => {
    const now = at('2026-05-20T02:00:00Z');
    const custom = readView(new URLSearchParams('period=custom&from=2026-01-05&to=2026-02-10&groupBy=month'), now);
    expect(custom).toEqual({ preset: 'custom', period: { from: '2026-01-05', to: '2026-02-10' }, groupBy: 'month' });
    expect(readView(writeView(custom), now)).toEqual(custom);
    expect(readView(new URLSearchParams('period=custom&from=2026-03-05&to=2026-02-10&groupBy=street'), now)).toEqual({
      preset: 'thisMonth',
      period: { from: '2026-05-01', to: '2026-05-20' },
      groupBy: 'township',
    });
  });
});

describe('ranking', () => {
  const row = (key: string, closedRate: number | null, reworkRate: number | null, lowVolume = false) =>
    ({ key, name: key, closedRate, reworkRate, lowVolume }) as EvaluationRow;
  const rows = [row('a', 80, 10), row('b', 95, 0), row('c', 80, 30), row('d', 100, 0, true), row('e', null, null)];

  it('ranks the best first with shared ranks for ties, leaving out low volume and "—"', () => {
    expect([...rankBy(rows, 'closedRate')]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
    ]);
  });

  it('ranks a rework rate lowest first', () => {
    expect([...rankBy(rows, 'reworkRate')]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });
});
