import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import type { Database } from './database.ts';

/**
 * DESIGN rule 7, enforced on the migrated catalog: a province shards by county on Citus, so every table carries
 * `region_code` and has it in its primary key, in every unique constraint and unique index, and on both sides of
 * every foreign key (region_code → region_code). Every table is checked — a new module's tables are born under
 * the rule without being listed anywhere — except the exemptions below, each with its reason; an exemption that a
 * table no longer needs fails the test too.
 */
const distributionKey = 'region_code';

interface Exemption {
  /** Replicated to every node (a Citus reference table): foreign keys into it need no region_code. */
  reference: boolean;
  reason: string;
}

const exemptTables: Readonly<Record<string, Exemption>> = {
  region: {
    reference: true,
    reason:
      '行政区划: the national list of province, city, county, township and village codes (GB/T 2260), the same ' +
      'for every county; it holds no county data and is replicated whole rather than sharded.',
  },
};

/** One key of a table, read from the catalog: its columns in order and, for a foreign key, what it references. */
interface CatalogKey {
  table: string;
  name: string;
  kind: 'primary key' | 'unique' | 'unique index' | 'foreign key';
  columns: string[];
  references?: { table: string; columns: string[] };
}

interface Catalog {
  /** Table → its columns. */
  tables: Map<string, string[]>;
  keys: CatalogKey[];
}

const split = (list: string | null): string[] => (list ? list.split(',') : []);

async function readTables(database: Database): Promise<Map<string, string[]>> {
  const rows = await database.query<{ table_name: string; columns: string }>(`
    select c.relname::text as table_name,
           string_agg(a.attname::text, ',' order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    group by c.relname`);
  return new Map(rows.map((row) => [row.table_name, split(row.columns)]));
}

/** Primary keys, unique constraints and foreign keys, with their columns in key order. */
async function readConstraints(database: Database): Promise<CatalogKey[]> {
  const rows = await database.query<{
    tbl: string;
    name: string;
    kind: string;
    cols: string;
    ref: string | null;
    ref_cols: string | null;
  }>(`
    select c.relname::text as tbl, con.conname::text as name, con.contype::text as kind,
      (select string_agg(a.attname::text, ',' order by k.i) from unnest(con.conkey) with ordinality k(n, i)
         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n) as cols,
      f.relname::text as ref,
      (select string_agg(a.attname::text, ',' order by k.i) from unnest(con.confkey) with ordinality k(n, i)
         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n) as ref_cols
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class f on f.oid = con.confrelid
    where n.nspname = 'public' and con.contype in ('p', 'u', 'f')`);
  const kinds = { p: 'primary key', u: 'unique', f: 'foreign key' } as const;
  return rows.map((row) => ({
    table: row.tbl,
    name: row.name,
    kind: kinds[row.kind as keyof typeof kinds],
    columns: split(row.cols),
    ...(row.ref ? { references: { table: row.ref, columns: split(row.ref_cols) } } : {}),
  }));
}

/** Unique indexes made by hand (CREATE UNIQUE INDEX, partial ones too); an expression column reads as ''. */
async function readUniqueIndexes(database: Database): Promise<CatalogKey[]> {
  const rows = await database.query<{ tbl: string; name: string; cols: string }>(`
    select c.relname::text as tbl, ic.relname::text as name,
      (select string_agg(coalesce(a.attname::text, ''), ',' order by k.i) from unnest(ix.indkey::int2[]) with ordinality k(n, i)
         left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.n) as cols
    from pg_index ix
    join pg_class c on c.oid = ix.indrelid
    join pg_class ic on ic.oid = ix.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and ix.indisunique and not ix.indisprimary
      and not exists (select 1 from pg_constraint con where con.conindid = ix.indexrelid)`);
  return rows.map((row) => ({ table: row.tbl, name: row.name, kind: 'unique index', columns: split(row.cols) }));
}

async function readCatalog(database: Database): Promise<Catalog> {
  const keys = [...(await readConstraints(database)), ...(await readUniqueIndexes(database))];
  return { tables: await readTables(database), keys };
}

function foreignKeyProblem(key: CatalogKey): string | null {
  const target = key.references;
  if (!target || exemptTables[target.table]?.reference) return null;
  const at = key.columns.indexOf(distributionKey);
  if (at < 0) return `${key.table}: foreign key ${key.name} does not carry ${distributionKey}`;
  if (target.columns[at] !== distributionKey) {
    return `${key.table}: foreign key ${key.name} maps ${distributionKey} to ${target.table}.${target.columns[at]}`;
  }
  return null;
}

function keyProblem(key: CatalogKey): string | null {
  if (key.kind === 'foreign key') return foreignKeyProblem(key);
  return key.columns.includes(distributionKey)
    ? null
    : `${key.table}: ${key.kind} ${key.name} lacks ${distributionKey}`;
}

/** Every breach of the rule by a table that is not exempt, one line each. */
function distributionKeyProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [table, columns] of catalog.tables) {
    if (exemptTables[table]) continue;
    if (!columns.includes(distributionKey)) problems.push(`${table}: no ${distributionKey} column`);
    if (!catalog.keys.some((key) => key.table === table && key.kind === 'primary key')) {
      problems.push(`${table}: no primary key`);
    }
  }
  for (const key of catalog.keys.filter((candidate) => !exemptTables[candidate.table])) {
    const problem = keyProblem(key);
    if (problem) problems.push(problem);
  }
  return problems.sort();
}

/** Exemptions no table needs any more: the table is gone, or it would pass the rule on its own. */
function unneededExemptions(catalog: Catalog): string[] {
  return Object.keys(exemptTables).filter((table) => {
    const columns = catalog.tables.get(table);
    if (!columns) return true;
    const primary = catalog.keys.find((key) => key.table === table && key.kind === 'primary key');
    return columns.includes(distributionKey) && (primary?.columns.includes(distributionKey) ?? false);
  });
}

describe('distribution key (DESIGN rule 7)', () => {
  const t = useTestDatabase();

  it('every table carries region_code in its primary key, unique keys and both sides of its foreign keys', async () => {
    const catalog = await readCatalog(t.database);
    expect(catalog.tables.size).toBeGreaterThan(10);
    expect(distributionKeyProblems(catalog)).toEqual([]);
  });

  it('every exemption is still needed', async () => {
    expect(unneededExemptions(await readCatalog(t.database))).toEqual([]);
  });

  it('reports each kind of breach (so the check above can fail)', () => {
    const tables = new Map([
      ['good_parent', ['region_code', 'id']],
      ['bad_child', ['id', 'parent_id', 'region_code', 'code']],
      ['no_key', ['id']],
      ['region', ['code', 'name']],
    ]);
    const keys: CatalogKey[] = [
      { table: 'good_parent', name: 'good_parent_pk', kind: 'primary key', columns: ['region_code', 'id'] },
      { table: 'bad_child', name: 'bad_child_pk', kind: 'primary key', columns: ['id'] },
      { table: 'bad_child', name: 'bad_child_code_uq', kind: 'unique', columns: ['code'] },
      { table: 'bad_child', name: 'bad_child_code_ix', kind: 'unique index', columns: ['', 'code'] },
      {
        table: 'bad_child',
        name: 'bad_child_parent_fk',
        kind: 'foreign key',
        columns: ['region_code', 'parent_id'],
        references: { table: 'good_parent', columns: ['id', 'region_code'] },
      },
      {
        table: 'bad_child',
        name: 'bad_child_parent_id_fk',
        kind: 'foreign key',
        columns: ['parent_id'],
        references: { table: 'good_parent', columns: ['id'] },
      },
      {
        table: 'good_parent',
        name: 'good_parent_region_fk',
        kind: 'foreign key',
        columns: ['region_code'],
        references: { table: 'region', columns: ['code'] },
      },
    ];
    expect(distributionKeyProblems({ tables, keys })).toEqual([
      'bad_child: foreign key bad_child_parent_fk maps region_code to good_parent.id',
      'bad_child: foreign key bad_child_parent_id_fk does not carry region_code',
      'bad_child: primary key bad_child_pk lacks region_code',
      'bad_child: unique bad_child_code_uq lacks region_code',
      'bad_child: unique index bad_child_code_ix lacks region_code',
      'no_key: no primary key',
      'no_key: no region_code column',
    ]);
  });
});
