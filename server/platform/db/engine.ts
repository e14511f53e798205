import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '../../db/schema/index.ts';
import type { Database, Db } from './database.ts';
import { namedStatementsEnabled, nameStatements, StatementNames } from './named-statements.ts';
import { acquireDataDirLock } from './pglite-lock.ts';
import { sharedParsers } from './type-parsers.ts';

export interface OpenOptions {
  /** `postgres://…` → server PostgreSQL; otherwise PGlite at `pgliteDir` (`memory://` for a throwaway one). */
  databaseUrl?: string | undefined;
  pgliteDir?: string;
  /** Restore a PGlite data folder from a `dumpDataDir()` archive when opening. */
  loadDataDir?: Blob;
  poolSize?: number;
  /** PostgreSQL only: how long waits on an unreachable or stalled server may last (default: `poolTimeouts`). */
  timeouts?: Partial<PoolTimeouts>;
}

/**
 * What bounds a wait when PostgreSQL is gone or stalled, so a request ends in a 503 instead of hanging: a new
 * connection (or a free slot in the pool) within `connectMs`; a statement within `statementMs` on the server
 * (`statement_timeout`) and `statementMs + clientGraceMs` on the client (`query_timeout`: a socket that stalls
 * without closing never hears the server's cancel). `statementMs: null` sets no statement bound at all.
 */
export interface PoolTimeouts {
  connectMs: number;
  statementMs: number | null;
  clientGraceMs: number;
}

/**
 * The server's request pool: long enough for the slowest legitimate statement a request or a job issues (an
 * import's commit, an export's read: seconds, bench/results), short enough that a client's retry is still useful.
 */
export const poolTimeouts: PoolTimeouts = { connectMs: 5_000, statementMs: 60_000, clientGraceMs: 5_000 };

/**
 * A maintenance command (migrate, seed, backup and restore, key rotation, audit, jobs run-due): a long statement
 * is its job, and an operator watches it. No statement bound unless the installation sets one
 * (`WENMING_MAINTENANCE_STATEMENT_TIMEOUT`, read into `Config.maintenanceStatementTimeoutMs`).
 */
export function maintenanceTimeouts(statementMs: number | null): PoolTimeouts {
  return { ...poolTimeouts, statementMs };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl)
    return openPostgres(options.databaseUrl, options.poolSize ?? 10, { ...poolTimeouts, ...options.timeouts });
  return openPglite(options.pgliteDir ?? 'memory://', options.loadDataDir);
}

async function openPostgres(url: string, max: number, timeouts: PoolTimeouts): Promise<Database> {
  const types = { getTypeParser: pgTypeParser } as unknown as pg.CustomTypesConfig;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: timeouts.connectMs,
    ...statementBounds(timeouts),
    // A peer that vanished without a FIN (a cable, a failover) is noticed by TCP keepalive, not in hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // A dropped idle connection must not crash the process. The pool discards a client whose connection failed
  // (idle or on release), so after an outage the next query opens a fresh one: recovery needs no restart.
  pool.on('error', () => {});
  // A client checked out between two statements (a transaction awaiting other work) emits 'error' when its link
  // drops; the pool listens only to idle ones, and an unheard 'error' would end the process. The next statement
  // on that client fails (→ 503) and the pool discards it on release.
  const names = namedStatementsEnabled() ? new StatementNames() : null;
  pool.on('connect', (client) => {
    client.on('error', () => {});
    if (names) nameStatements(client, names);
  });
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

/** `statement_timeout` goes to the server with the connection's start-up; `query_timeout` is pg's own clock. */
function statementBounds({ statementMs, clientGraceMs }: PoolTimeouts) {
  if (statementMs === null) return {};
  return { statement_timeout: statementMs, query_timeout: statementMs + clientGraceMs };
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
