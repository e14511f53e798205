import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from '../../db/schema/index.ts';

export type Schema = typeof schema;
/** The query builder both engines share (drizzle's PgliteDatabase and NodePgDatabase both extend it). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type EngineKind = 'pglite' | 'postgres';

/** An open database, whichever engine is behind it. */
export interface Database {
  readonly engine: EngineKind;
  readonly db: Db;
  /** Raw parameterised query; rows come back with the same JS types on both engines (see type-parsers.ts). */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements separated by `;` (no parameters). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** Set on the embedded engine only: backup and restore need the instance itself. */
  readonly pglite?: PGlite;
}
