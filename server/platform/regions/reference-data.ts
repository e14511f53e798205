import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { readSetting, writeSetting } from '../settings/settings.store.ts';
import { readNationalRegions } from './national-regions.ts';
import { upsertRegions } from './regions.store.ts';

const settingKey = 'reference.regions.version';
/** National reference data is not any one county's: it is kept under the all-China pseudo-region. */
const nationalScope = '00';

/** Loads the national region list when the database lacks it or holds an older version. */
export async function ensureNationalRegions(ctx: Ctx): Promise<{ loaded: number }> {
  const { rows, version } = readNationalRegions();
  const current = await readSetting<string>(ctx.db, nationalScope, settingKey);
  if (current === version) return { loaded: 0 };
  await tx(ctx, async (t) => {
    await upsertRegions(t.db, rows);
    await writeSetting(t.db, nationalScope, settingKey, version, t.clock());
  });
  return { loaded: rows.length };
}
