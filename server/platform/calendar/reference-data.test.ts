import { beforeAll, describe, expect, it } from 'vitest';
import { calendarDay } from '../../db/schema/calendar.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { writeSetting } from '../settings/settings.store.ts';
import { upsertLocalDay } from './calendar.store.ts';
import { loadCalendar, loadWorkingHours } from './load-calendar.ts';
import { readOfficialCalendar } from './official-holidays.ts';
import { ensureOfficialCalendar } from './reference-data.ts';
import { defaultWorkingHours } from './working-hours.ts';
import { isWorkingDay } from './working-time.ts';

const county = '430225';

describe('official calendar reference data', () => {
  const t = useTestDatabase();
  const count = async (source: string) =>
    Number(
      (
        await t.database.query<{ n: number }>(
          'select count(*)::int8 as n from calendar_day where region_code = $1 and source = $2',
          [county, source],
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    await ensureOfficialCalendar(t.ctx()); // the template may already hold it, once the loader is wired into start-up
  });

  it('loads every official day for the installation county, once', async () => {
    expect(await count('official')).toBe(readOfficialCalendar().rows.length);
    expect(await ensureOfficialCalendar(t.ctx())).toEqual({ loaded: 0 });
  });

  it('reloads a changed file without touching local rows, and drops official days the file no longer has', async () => {
    const ctx = t.ctx();
    await upsertLocalDay(ctx.db, county, {
      day: '2026-02-23',
      kind: 'workday',
      name: '县里照常上班',
      updatedAt: new Date(),
      updatedBy: null,
    });
    await ctx.db
      .insert(calendarDay)
      .values({ regionCode: county, day: '2023-05-01', source: 'official', kind: 'holiday', name: '劳动节' });
    await writeSetting(ctx.db, county, 'reference.calendar.version', 'an-older-file', new Date());

    expect(await ensureOfficialCalendar(ctx)).toEqual({ loaded: readOfficialCalendar().rows.length });
    expect(await count('official')).toBe(readOfficialCalendar().rows.length);
    expect(await count('local')).toBe(1);
    const local = await t.database.query<{ kind: string; name: string }>(
      "select kind, name from calendar_day where day = '2026-02-23' and source = 'local'",
    );
    expect(local).toEqual([{ kind: 'workday', name: '县里照常上班' }]);
  });

  it('loadCalendar gives the county row precedence over the official one, within the years asked for', async () => {
    const calendar = await loadCalendar(t.database.db, county, 2026, 2026);
    expect(calendar.days.get('2026-02-23')).toEqual({ kind: 'workday', name: '县里照常上班' });
    expect(calendar.days.get('2026-02-16')).toEqual({ kind: 'holiday', name: '春节' });
    expect(isWorkingDay('2026-02-23', calendar)).toBe(true);
    expect(calendar.days.has('2025-10-01')).toBe(false);
    expect((await loadCalendar(t.database.db, '430281', 2026, 2026)).days.size).toBe(0); // another county's calendar is its own
  });

  it('loadWorkingHours falls back to the default when nothing usable is saved', async () => {
    expect(await loadWorkingHours(t.database.db, county)).toEqual(defaultWorkingHours);
    await writeSetting(
      t.database.db,
      county,
      'calendar.working_hours',
      { periods: [{ start: '18:00', end: '08:00' }] },
      new Date(),
    );
    expect(await loadWorkingHours(t.database.db, county)).toEqual(defaultWorkingHours);
  });
});
