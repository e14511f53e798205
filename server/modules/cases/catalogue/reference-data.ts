import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.store.ts';
import { replaceCatalogueEdition } from './catalogue.store.ts';
import { readCasesCatalogue } from './catalogue-data.ts';

const settingKey = 'reference.cases_catalogue.version';

/**
 * Loads the GB/T 47678.5-2026 category table (data/catalogue-2026.json) into the installation county when it
 * lacks it or holds an older version of the file (compared by hash, so a second start does nothing).
 */
export async function ensureCasesCatalogue(ctx: Ctx): Promise<{ loaded: number }> {
  const data = readCasesCatalogue();
  const current = await readSetting<string>(ctx.db, ctx.countyCode, settingKey);
  if (current === data.hash) return { loaded: 0 };
  await tx(ctx, async (t) => {
    await replaceCatalogueEdition(t.db, t.countyCode, data, t.clock());
    await writeSetting(t.db, t.countyCode, settingKey, data.hash, t.clock());
  });
  return { loaded: data.file.categories.length };
}
