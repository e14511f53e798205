import type { Config } from '../../config.ts';
import type { Keyring } from '../pii/keyring.ts';
import { type Ctx, systemCtx } from '../context.ts';
import { ensureBuiltinRoles } from '../auth/roles.seed.ts';
import type { ModuleManifest } from '../module.ts';
import type { Database } from './database.ts';
import { openDatabase, type PoolTimeouts, poolTimeouts } from './engine.ts';
import { runMigrations } from './migrate.ts';

/**
 * The manifests' reference data in module order (regions, the official calendar, the case categories, …),
 * then the built-in roles with the manifests' grants. What a test template database holds.
 */
export async function loadReferenceData(ctx: Ctx, manifests: readonly ModuleManifest[]): Promise<void> {
  for (const step of manifests.flatMap((manifest) => manifest.referenceData ?? [])) await step.run(ctx);
  await ensureBuiltinRoles(ctx, manifests);
}

/** The manifests' backfills, in module order: rows written before a column was kept get it filled in. */
export async function runBackfills(ctx: Ctx, manifests: readonly ModuleManifest[]): Promise<void> {
  for (const step of manifests.flatMap((manifest) => manifest.backfills ?? [])) await step.run(ctx);
}

/**
 * Opens the configured database, applies migrations, loads reference data and runs backfills: what every
 * command needs first. The manifests come from the composition root (the platform imports no module). `timeouts`
 * are the caller's to choose: the server's request pool keeps `poolTimeouts`, a maintenance command opens with
 * `maintenanceTimeouts` (engine.ts).
 */
export async function openPreparedDatabase(
  config: Pick<Config, 'databaseUrl' | 'pgliteDir' | 'countyCode'>,
  keyring: Keyring,
  manifests: readonly ModuleManifest[],
  timeouts: PoolTimeouts = poolTimeouts,
): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, timeouts });
  try {
    await runMigrations(database, config.databaseUrl);
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring });
    await loadReferenceData(ctx, manifests);
    await runBackfills(ctx, manifests);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
