import fs from 'node:fs';
import pg from 'pg';
import { systemCtx } from '../platform/context.ts';
import { testKeyring } from '../platform/pii/keyring.ts';
import type { Database } from '../platform/db/database.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { isProcessAlive } from '../platform/db/pglite-lock.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { appModules } from '../modules/index.ts';
import { loadReferenceData } from '../platform/db/prepare.ts';
import { pgliteTemplatePath, postgresTemplateName, templateDir, templateKey, withDatabase } from './template.ts';

/**
 * Builds the template databases test files copy (once per schema version; cached between runs), and holds a
 * lease on the PostgreSQL one until the run ends, so another run on this machine (another checkout, another
 * schema version) does not take it for stale and drop it between two of our test files.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const key = templateKey();
  await buildPgliteTemplate(key);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return async () => {};
  const lease = await leaseTemplate(adminUrl, postgresTemplateName(key));
  await buildPostgresTemplate(adminUrl, key);
  return async () => {
    await lease.end();
  };
}

/** A session-level shared advisory lock named after the template: held while this run may copy it. */
async function leaseTemplate(adminUrl: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query('select pg_advisory_lock_shared(hashtext($1))', [name]);
  return client;
}

async function buildPgliteTemplate(key: string): Promise<void> {
  const file = pgliteTemplatePath(key);
  if (fs.existsSync(file)) return;
  const database = await openDatabase({ pgliteDir: 'memory://' });
  await runMigrations(database);
  await prepareReferenceData(database);
  const archive = await database.pglite!.dumpDataDir('none');
  await database.close();
  fs.mkdirSync(templateDir, { recursive: true });
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, Buffer.from(await archive.arrayBuffer()));
  fs.renameSync(partial, file);
}

async function buildPostgresTemplate(adminUrl: string, key: string): Promise<void> {
  const name = postgresTemplateName(key);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return;
    await dropStaleTemplates(admin);
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building}`);
    await admin.query(`create database ${building} template template0 encoding 'UTF8'`);
    const url = withDatabase(adminUrl, building);
    const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await runMigrations(database, url);
    await prepareReferenceData(database);
    await database.close();
    await admin.query(`alter database ${building} rename to ${name}`);
  } finally {
    await admin.end();
  }
}

async function prepareReferenceData(database: Database): Promise<void> {
  // Every manifest's reference data and the roles with their grants; no backfills (a template has no cases).
  await loadReferenceData(systemCtx(database, { countyCode: '430225', keyring: testKeyring() }), appModules);
}

/**
 * Old templates (earlier schema versions) and test databases left by killed runs. Another run on this machine
 * may be using its own databases right now, so only a database whose creating process is gone is forced, and a
 * template is dropped only when no run holds its lease and nobody is connected to it.
 */
/** True when no run holds the template's lease; the check's own lock is let go at once. */
async function leasedByNobody(admin: pg.Client, template: string): Promise<boolean> {
  const name = template.replace(/_building$/, '');
  const taken = await admin.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [name]);
  if (!taken.rows[0]?.ok) return false;
  await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
  return true;
}

async function dropStaleTemplates(admin: pg.Client): Promise<void> {
  const rows = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'wenming\\_test\\_%'",
  );
  for (const { datname } of rows.rows) {
    const pid = /^wenming_test_(\d+)_/.exec(datname)?.[1];
    if (pid && isProcessAlive(Number(pid))) continue;
    if (!pid && !(await leasedByNobody(admin, datname))) continue;
    const force = pid ? ' with (force)' : '';
    await admin.query(`drop database if exists ${datname}${force}`).catch(() => {});
  }
}
