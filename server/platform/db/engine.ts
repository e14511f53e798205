import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '../../db/schema/index.ts';
import type { Database, Db } from './database.ts';
import { acquireDataDirLock } from './pglite-lock.ts';
import { sharedParsers } from './type-parsers.ts';

export interface OpenOptions {
  /** `postgres://…` → server PostgreSQL; otherwise PGlite at `pgliteDir` (`memory://` for a throwaway one). */
  databaseUrl?: string | undefined;
  pgliteDir?: string;
  /** Restore a PGlite data folder from a `dumpDataDir()` archive when opening. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.pgliteDir ?? 'memory://', options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const types = { getTypeParser: pgTypeParser } as unknown as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max, types });
  // A dropped idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    close: once(() => pool.end()),
  };
}

function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  return sharedParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text');
}

async function openPglite(dir: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDir(dir);
  try {
    const lite = await PGlite.create({ dataDir: dir, parsers: sharedParsers, ...(loadDataDir ? { loadDataDir } : {}) });
    const db = drizzlePglite(lite, { schema }) as unknown as Db;
    return {
      engine: 'pglite',
      db,
      async query(text, params) {
        return (await lite.query(text, params)).rows as never[];
      },
      async exec(sqlText) {
        await lite.exec(sqlText);
      },
      close: once(async () => {
        try {
          await lite.close();
        } finally {
          release();
        }
      }),
      pglite: lite,
    };
  } catch (error) {
    release();
    throw error;
  }
}

function lockDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  return acquireDataDirLock(dir);
}

/** Closing twice (a test that closes early, then its teardown) must not throw. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}
