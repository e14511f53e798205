import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import { rollupFunctions, rollupTriggers } from './rollup-triggers.ts';

const root = new URL('../../../../', import.meta.url);
const migrations = new URL('server/db/migrations/', root);
const migrationFiles = readdirSync(migrations)
  .filter((f) => f.endsWith('.sql'))
  .sort();

/** The last migration whose text defines `what` (a `FUNCTION name(` or `TRIGGER name `). */
function lastMigrationDefining(patterns: readonly RegExp[]): string | undefined {
  return migrationFiles
    .filter((f) => patterns.some((p) => p.test(readFileSync(new URL(f, migrations), 'utf8'))))
    .at(-1);
}

const functionPattern = (name: string) => new RegExp(`CREATE (OR REPLACE )?FUNCTION ${name}\\(`);
const triggerPattern = (name: string) => new RegExp(`CREATE TRIGGER ${name} `);

describe('the evaluation rollup triggers and functions (rollup-triggers.ts)', () => {
  const t = useTestDatabase();

  it('declares exactly the triggers installed on the cases tables', async () => {
    const installed = await queryRows<{ name: string; table: string; runs: string }>(
      t.database.db,
      sql`select t.tgname as name, c.relname as "table", p.proname as runs
          from pg_trigger t
          join pg_class c on c.oid = t.tgrelid
          join pg_namespace n on n.oid = c.relnamespace
          join pg_proc p on p.oid = t.tgfoid
          where not t.tgisinternal and n.nspname = current_schema() and c.relname like 'cases\\_%'
          order by 1`,
    );
    expect(installed).toEqual(
      rollupTriggers
        .map(({ name, table, runs }) => ({ name, table, runs }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('declares exactly the cases_ SQL functions installed', async () => {
    const installed = await queryRows<{ name: string }>(
      t.database.db,
      sql`select distinct p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = current_schema() and p.proname like 'cases\\_%' order by 1`,
    );
    expect(installed.map((f) => f.name)).toEqual(rollupFunctions.map((f) => f.name).sort());
  });

  it('names the migration that last defines each one', () => {
    for (const f of rollupFunctions)
      expect(lastMigrationDefining([functionPattern(f.name)]), f.name).toBe(f.lastDefinedIn);
    for (const tr of rollupTriggers)
      expect(lastMigrationDefining([triggerPattern(tr.name), functionPattern(tr.runs)]), tr.name).toBe(
        tr.lastDefinedIn,
      );
  });

  it('names TypeScript that exists and really reads or calls it', () => {
    for (const tr of rollupTriggers)
      for (const path of tr.readBy) {
        const file = new URL(path, root);
        expect(existsSync(file), path).toBe(true);
        expect(readFileSync(file, 'utf8'), path).toMatch(/cases_evaluation_(month|change|track)/);
      }
    const names = new Set([...rollupFunctions.map((f) => f.name), ...rollupTriggers.map((tr) => `trigger ${tr.name}`)]);
    for (const f of rollupFunctions)
      for (const caller of f.calledBy) {
        if (names.has(caller)) continue;
        const file = new URL(caller, root);
        expect(existsSync(file), caller).toBe(true);
        expect(readFileSync(file, 'utf8'), caller).toContain(f.name);
      }
  });
});
