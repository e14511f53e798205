import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runToEnd } from '../../testing/child-process.ts';
import {
  adminQuery,
  pgliteTemplatePath,
  postgresTemplateName,
  templateKey,
  withDatabase,
} from '../../testing/template.ts';
import type { ServerTarget } from './server-process.ts';
import { seedStaff } from './staff-seed.ts';

/** A throwaway target and how to remove it. */
export interface Throwaway {
  target: ServerTarget;
  remove(): Promise<void>;
}

/**
 * What a throwaway holds before its server starts. `empty`: nothing (the server migrates it, and `--demo` seeds
 * the demo county). `template`: a copy of the test template (migrated, reference data: what `npm test`'s global
 * setup builds) with the staff accounts and departments the load uses — a few seconds instead of the demo's
 * minute, for checks that do not need the demo county's cases.
 */
export type TargetStart = 'empty' | 'template';

/**
 * A fresh target on `engine`: PGlite, a temporary folder; PostgreSQL, a new database on the server behind
 * `adminUrl` (the folder then only holds the keys). Names carry `wenming_reliability_` so a leftover is
 * recognisable.
 */
export async function createThrowaway(
  engine: ServerTarget['engine'],
  adminUrl?: string,
  start: TargetStart = 'empty',
): Promise<Throwaway> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-reliability-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const throwaway =
    engine === 'pglite'
      ? pgliteThrowaway(dataDir, removeDir)
      : await postgresThrowaway(dataDir, removeDir, start, adminUrl);
  try {
    if (start === 'template') {
      if (engine === 'pglite') await unpackPgliteTemplate(path.join(dataDir, 'db'));
      await seedStaff(throwaway.target);
    }
    return throwaway;
  } catch (error) {
    await throwaway.remove();
    throw error;
  }
}

function pgliteThrowaway(dataDir: string, removeDir: () => void): Throwaway {
  return { target: { engine: 'pglite', dataDir }, remove: async () => removeDir() };
}

async function postgresThrowaway(
  dataDir: string,
  removeDir: () => void,
  start: TargetStart,
  adminUrl?: string,
): Promise<Throwaway> {
  if (!adminUrl) throw new Error('a PostgreSQL target needs an admin URL');
  const name = `wenming_reliability_${process.pid}_${randomBytes(4).toString('hex')}`;
  // The template is built by the global setup of `npm test` on PostgreSQL, and leased while the run lasts.
  const from = start === 'template' ? ` template ${postgresTemplateName(templateKey())}` : '';
  await adminQuery(adminUrl, `create database ${name}${from}`);
  return {
    target: { engine: 'postgres', dataDir, databaseUrl: withDatabase(adminUrl, name) },
    async remove() {
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
      removeDir();
    },
  };
}

/**
 * The PGlite template is a data-folder archive (PGlite's `dumpDataDir`, uncompressed tar); unpacked as it is, it
 * is the folder a server opens. `tar` rather than PGlite's loader: no second PGlite start just to copy files.
 */
async function unpackPgliteTemplate(folder: string): Promise<void> {
  const archive = pgliteTemplatePath(templateKey());
  if (!fs.existsSync(archive))
    throw new Error(`no test template at ${archive}: it is built by npm test's global setup`);
  fs.mkdirSync(folder, { recursive: true });
  const untar = await runToEnd({ command: 'tar', args: ['-xf', archive, '-C', folder] });
  if (untar.code !== 0) throw new Error(`tar -xf ${archive}: ${untar.stderr}`);
}
