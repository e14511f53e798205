import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Config, keyringFor } from '../../config.ts';
import { maintenanceTimeouts, openDatabase } from '../db/engine.ts';
import { openPreparedDatabase } from '../db/prepare.ts';
import type { ModuleManifest } from '../module.ts';
import { pingEngine } from '../system/database-probe.store.ts';

/**
 * Backups (BAK-01). PGlite: an archive of the whole data folder (PGlite's own dump). PostgreSQL: plain SQL from
 * `pg_dump --clean --if-exists`, restorable with psql over an existing database.
 */
export async function backupDatabase(
  config: Config,
  file: string,
  manifests: readonly ModuleManifest[],
): Promise<void> {
  if (config.databaseUrl) {
    await run('pg_dump', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--file',
      file,
      config.databaseUrl,
    ]);
  } else {
    const database = await openPreparedDatabase(config, keyringFor(config), manifests, maintenanceOf(config));
    try {
      const archive = await database.pglite!.dumpDataDir('gzip');
      fs.writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await database.close();
    }
  }
  console.log(`Backup written to ${file} (${fs.statSync(file).size} bytes).`);
}

export async function restoreDatabase(
  config: Config,
  file: string,
  manifests: readonly ModuleManifest[],
): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No such backup file: ${file}`);
  if (config.databaseUrl) {
    await run('psql', ['--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '--file', file, config.databaseUrl]);
  } else {
    await restorePgliteFolder(config.pgliteDir, file);
  }
  // Bring the restored copy up to this version's schema.
  const database = await openPreparedDatabase(config, keyringFor(config), manifests, maintenanceOf(config));
  await database.close();
  console.log(`Restored from ${file}.`);
}

/** The current folder is kept beside the new one (`<dir>.before-restore-<time>`) until the operator removes it. */
async function restorePgliteFolder(dir: string, file: string): Promise<void> {
  const staging = `${dir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  const archive = new Blob([fs.readFileSync(file)]);
  const restored = await openDatabase({ pgliteDir: staging, loadDataDir: archive });
  await pingEngine(restored); // the archive loaded into a database that answers
  await restored.close();
  // Take the live folder's lock while swapping, so a running server makes this fail instead of corrupting it.
  const live = fs.existsSync(dir) ? await openDatabase({ pgliteDir: dir }) : undefined;
  await live?.close();
  if (fs.existsSync(dir)) fs.renameSync(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.renameSync(staging, dir);
  fs.rmSync(`${path.resolve(staging)}.lock`, { force: true });
}

/** A backup or restore is maintenance: no request-pool statement bound (engine.ts). */
function maintenanceOf(config: Config) {
  return maintenanceTimeouts(config.maintenanceStatementTimeoutMs);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) =>
      reject(new Error(`${command} could not start (is postgresql-client installed?): ${error.message}`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with code ${code}`))));
  });
}
