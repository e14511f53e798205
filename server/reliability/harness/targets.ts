import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ServerTarget } from './server-process.ts';

/** A throwaway target and how to remove it. */
export interface Throwaway {
  target: ServerTarget;
  remove(): Promise<void>;
}

/**
 * A fresh target on `engine`: PGlite, an empty temporary folder; PostgreSQL, a new database created on the server
 * behind `adminUrl` (the folder then only holds the generated keys). Names carry `wenming_reliability_` so a
 * leftover is recognisable.
 */
export async function createThrowaway(engine: ServerTarget['engine'], adminUrl?: string): Promise<Throwaway> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-reliability-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (engine === 'pglite') return { target: { engine, dataDir }, remove: async () => removeDir() };
  if (!adminUrl) throw new Error('a PostgreSQL target needs an admin URL');
  const name = `wenming_reliability_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  return {
    target: { engine, dataDir, databaseUrl: withDatabase(adminUrl, name) },
    async remove() {
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
      removeDir();
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
