import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { testKeyring } from '../platform/pii/keyring.ts';
import { openServerDatabase } from '../serve.ts';
import { testEngine, useTestDatabase } from '../testing/test-database.ts';
import { openMaintenanceDatabase } from './maintenance-database.ts';

/**
 * Issue 13: the server's request pool bounds a statement (60 s, so a request on a stalled database ends in a
 * 503); a maintenance command, where a long statement is its job, has no bound unless the installation sets one.
 * PostgreSQL only: PGlite has no pool and no link to stall, and runs in the process that asked.
 */
describe.runIf(testEngine() === 'postgres')('statement bounds: the server’s pool and a maintenance command', () => {
  const t = useTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bounds-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const configOf = (env: Record<string, string> = {}) =>
    readConfig({ NODE_ENV: 'test', DATABASE_URL: t.url, WENMING_DATA_DIR: dataDir, ...env });

  async function statementTimeoutOf(opened: Promise<Database>): Promise<string | undefined> {
    const database = await opened;
    try {
      const [row] = await database.query<{ statement_timeout: string }>('show statement_timeout');
      return row?.statement_timeout;
    } finally {
      await database.close();
    }
  }

  it('the server pool has 60 s; a maintenance open has none, or WENMING_MAINTENANCE_STATEMENT_TIMEOUT', async () => {
    expect(await statementTimeoutOf(openServerDatabase(configOf(), testKeyring()))).toBe('1min');
    expect(await statementTimeoutOf(openMaintenanceDatabase(configOf(), testKeyring()))).toBe('0');
    const configured = configOf({ WENMING_MAINTENANCE_STATEMENT_TIMEOUT: '7200' });
    expect(await statementTimeoutOf(openMaintenanceDatabase(configured, testKeyring()))).toBe('2h');
  });
});
