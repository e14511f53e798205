import { type Config, keyringFor } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { maintenanceTimeouts } from '../platform/db/engine.ts';
import { openPreparedDatabase } from '../platform/db/prepare.ts';
import type { Keyring } from '../platform/pii/keyring.ts';
import { appModules } from '../modules/index.ts';

/**
 * The database as a maintenance command opens it (migrate, seed, admin, audit, jobs, keys): prepared like the
 * server's, but without the request pool's 60 s statement bound, because a long statement (a seed's bulk load, a
 * key rotation over every encrypted column) is legitimate here. `WENMING_MAINTENANCE_STATEMENT_TIMEOUT` sets one.
 */
export function openMaintenanceDatabase(config: Config, keyring: Keyring = keyringFor(config)): Promise<Database> {
  return openPreparedDatabase(config, keyring, appModules, maintenanceTimeouts(config.maintenanceStatementTimeoutMs));
}
