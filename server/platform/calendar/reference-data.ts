import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { readSetting, writeSetting } from '../settings/settings.store.ts';
import { replaceOfficialDays } from './calendar.store.ts';
import { readOfficialCalendar } from './official-holidays.ts';

const settingKey = 'reference.calendar.version';

/**
 * Loads the State Council's holidays and 调休 days (data/cn-holidays.json) into the installation county's
 * calendar when it lacks them or holds an older version of the file. Only official rows are replaced: the
 * county's local rows survive every reload.
 */
export async function ensureOfficialCalendar(ctx: Ctx): Promise<{ loaded: number }> {
  const { rows, version } = readOfficialCalendar();
  const current = await readSetting<string>(ctx.db, ctx.countyCode, settingKey);
  if (current === version) return { loaded: 0 };
  await tx(ctx, async (t) => {
    await replaceOfficialDays(t.db, t.countyCode, rows, t.clock());
    await writeSetting(t.db, t.countyCode, settingKey, version, t.clock());
  });
  return { loaded: rows.length };
}
