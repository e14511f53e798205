import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Benchmarks run against the local PostgreSQL (BENCH_DATABASE_URL overrides): an admin URL whose user may
 * create databases. Each run works in throwaway databases named wenming_bench_<pid>_<random>.
 */
export function adminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

const prefix = 'wenming_bench_';
const live = new Set<string>();

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery<Row extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return (await client.query<Row>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL parts are skipped, or undefined when the server answers. */
export async function postgresUnavailable(): Promise<string | undefined> {
  try {
    await adminQuery('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${new URL(adminUrl()).host} did not answer: ${(error as Error).message}`;
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database (from template0, UTF8), or a copy of `template` when given: `file_copy` copies its files
 * (checkpoints around it) instead of writing the whole copy to the WAL, PostgreSQL 15's default.
 */
export async function createScratchDatabase(
  template?: string,
  { strategy }: { strategy?: 'file_copy' | 'wal_log' } = {},
): Promise<ScratchDatabase> {
  const name = `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
  const how = strategy ? ` strategy ${strategy}` : '';
  await adminQuery(`create database ${name} template ${template ?? "template0 encoding 'UTF8'"}${how}`);
  live.add(name);
  return {
    name,
    url: withDatabase(adminUrl(), name),
    async drop() {
      await dropDatabase(name);
    },
  };
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${name} with (force)`);
  live.delete(name);
}

/** Databases this process created and has not dropped yet (for a last-chance cleanup). */
export async function dropAllScratchDatabases(): Promise<void> {
  for (const name of [...live]) await dropDatabase(name).catch(() => {});
}

/** Databases left by a bench run that was killed: their pid (in the name) no longer runs. */
export async function dropStaleScratchDatabases(): Promise<string[]> {
  const rows = await adminQuery<{ datname: string }>('select datname from pg_database where datname like $1', [
    `${prefix}%`,
  ]);
  const stale = rows.map((r) => r.datname).filter((name) => !isAlive(Number(name.slice(prefix.length).split('_')[0])));
  for (const name of stale) await dropDatabase(name);
  return stale;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
