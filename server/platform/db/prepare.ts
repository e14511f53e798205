import type { Config } from '../../config.ts';
import type { Keyring } from '../pii/keyring.ts';
import { systemCtx } from '../context.ts';
import { ensureBuiltinRoles } from '../auth/roles.seed.ts';
import { ensureCasesCatalogue } from '../../modules/cases/catalogue/reference-data.ts';
import { backfillHandlingMinutes } from '../../modules/cases/handling-minutes.ts';
import { ensureOfficialCalendar } from '../calendar/reference-data.ts';
import { ensureNationalRegions } from '../regions/reference-data.ts';
import type { Database } from './database.ts';
import { openDatabase } from './engine.ts';
import { runMigrations } from './migrate.ts';

/** Opens the configured database, applies migrations and loads reference data: what every command needs first. */
export async function openPreparedDatabase(
  config: Pick<Config, 'databaseUrl' | 'pgliteDir' | 'countyCode'>,
  keyring: Keyring,
): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await runMigrations(database, config.databaseUrl);
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring });
    await ensureNationalRegions(ctx);
    await ensureBuiltinRoles(ctx);
    await ensureOfficialCalendar(ctx);
    await ensureCasesCatalogue(ctx);
    await backfillHandlingMinutes(ctx);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
