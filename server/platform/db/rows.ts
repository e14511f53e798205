import type { SQL } from 'drizzle-orm';
import type { Db } from './database.ts';
import { OID } from './type-parsers.ts';

export interface RawResult {
  rows: Record<string, unknown>[];
  fields?: Array<{ name: string; dataTypeID: number }>;
}

/**
 * Raw SQL through drizzle's `execute`. Drizzle installs its own per-query type parsers (timestamps and int8
 * come back as strings on node-postgres, int8 as numbers on PGlite), so rows are normalised here by column
 * type: int8 → number, timestamp/timestamptz → Date, date → 'YYYY-MM-DD', numeric → string. The same query
 * then gives the same values on both engines.
 */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as RawResult;
  return normaliseRows(result) as Row[];
}

export async function queryOne<Row>(db: Db, query: SQL): Promise<Row | undefined> {
  return (await queryRows<Row>(db, query))[0];
}

const converters: Record<number, (value: unknown) => unknown> = {
  [OID.int8]: (v) => (typeof v === 'string' || typeof v === 'bigint' ? Number(v) : v),
  [OID.timestamptz]: toDate,
  [OID.timestamp]: toDate,
  [OID.date]: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
};

function toDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // PostgreSQL prints '2026-01-01 00:00:00+00'; make it ISO so every JS engine parses it.
  const iso = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(iso);
}

export function normaliseRows(result: RawResult): Record<string, unknown>[] {
  const convert = (result.fields ?? [])
    .map((field) => [field.name, converters[field.dataTypeID]] as const)
    .filter((entry): entry is readonly [string, (value: unknown) => unknown] => entry[1] !== undefined);
  if (convert.length === 0) return result.rows;
  return result.rows.map((row) => {
    const copy = { ...row };
    for (const [name, fn] of convert) if (copy[name] !== null && copy[name] !== undefined) copy[name] = fn(copy[name]);
    return copy;
  });
}
