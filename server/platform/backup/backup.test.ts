import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../config.ts';
import { openPreparedDatabase } from '../db/prepare.ts';
import { testKeyring } from '../pii/keyring.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { adoptedManifests } from '../modules/adopt.ts';

/** The app's manifests, as the test setup adopted them (a platform test is handed the list, never imports it). */
const appModules = adoptedManifests();

const hasPgDump = (() => {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe('backup and restore', () => {
  const t = useTestDatabase();

  // PGlite opens a file-backed folder four times here (each open replays its WAL): slow, hence the timeout.
  it('round-trips the database, and a change made after the backup is gone after restore', {
    timeout: 120_000,
  }, async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-backup-'));
    const file = path.join(work, t.engine === 'pglite' ? 'backup.tar.gz' : 'backup.sql');
    const config =
      t.engine === 'pglite'
        ? {
            ...readConfig({ NODE_ENV: 'test' }),
            dataDir: work,
            pgliteDir: path.join(work, 'db'),
            databaseUrl: undefined,
          }
        : { ...readConfig({ NODE_ENV: 'test' }), dataDir: work, databaseUrl: t.url };
    if (t.engine === 'postgres' && !hasPgDump)
      throw new Error('pg_dump is needed for PostgreSQL backups (postgresql-client)');
    try {
      const database =
        t.engine === 'pglite' ? await openPreparedDatabase(config, testKeyring(), appModules) : t.database;
      await database.query("insert into app_setting (region_code, key, value) values ('430225', 'before', '1')");
      if (t.engine === 'pglite') await database.close();
      await backupDatabase(config, file, appModules);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);

      const again = t.engine === 'pglite' ? await openPreparedDatabase(config, testKeyring(), appModules) : t.database;
      await again.query("insert into app_setting (region_code, key, value) values ('430225', 'after', '2')");
      if (t.engine === 'pglite') await again.close();

      await restoreDatabase(config, file, appModules);
      const restored =
        t.engine === 'pglite' ? await openPreparedDatabase(config, testKeyring(), appModules) : t.database;
      const keys = await restored.query<{ key: string }>(
        "select key from app_setting where region_code = '430225' order by key",
      );
      const regions = await restored.query<{ n: number }>('select count(*)::int as n from region');
      if (t.engine === 'pglite') await restored.close();
      expect(keys.map((k) => k.key).filter((k) => !k.startsWith('reference.'))).toEqual(['before']);
      expect(regions[0]!.n).toBeGreaterThan(5000);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
