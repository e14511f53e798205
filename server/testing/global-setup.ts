import fs from 'node:fs';
import pg from 'pg';
import { systemCtx } from '../platform/context.ts';
import { testKeyring } from '../platform/pii/keyring.ts';
import type { Database } from '../platform/db/database.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { isProcessAlive } from '../platform/db/pglite-lock.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { ensureBuiltinRoles } from '../platform/auth/roles.seed.ts';
import { ensureCasesCatalogue } from '../modules/cases/catalogue/reference-data.ts';
import { ensureOfficialCalendar } from '../platform/calendar/reference-data.ts';
import { ensureNationalRegions } from '../platform/regions/reference-data.ts';
import { pgliteTemplatePath, postgresTemplateName, templateDir, templateKey, withDatabase } from './template.ts';

/** Builds the template databases test files copy (once per schema version; cached between runs). */
export default async function setup(): Promise<void> {
  const key = templateKey();
  await buildPgliteTemplate(key);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await buildPostgresTemplate(adminUrl, key);
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
  const ctx = systemCtx(database, { countyCode: '430225', keyring: testKeyring() });
  await ensureNationalRegions(ctx);
  await ensureBuiltinRoles(ctx);
  await ensureOfficialCalendar(ctx);
  await ensureCasesCatalogue(ctx);
}

/**
 * Old templates (earlier schema versions) and test databases left by killed runs. Another run on this machine
 * may be using its own databases right now, so only a database whose creating process is gone is forced, and a
 * template is dropped only when nobody is connected to it.
 */
async function dropStaleTemplates(admin: pg.Client): Promise<void> {
  const rows = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'wenming\\_test\\_%'");
  for (const { datname } of rows.rows) {
    const pid = /^wenming_test_(\d+)_/.exec(datname)?.[1];
    if (pid && isProcessAlive(Number(pid))) continue;
    const force = pid ? ' with (force)' : '';
    await admin.query(`drop database if exists ${datname}${force}`).catch(() => {});
  }
}
