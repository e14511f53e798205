import type { Database } from './database.ts';

/** The parts of a schema that must be equal on both engines, in a stable, printable form. */
export interface SchemaShape {
  columns: string[];
  constraints: string[];
  indexes: string[];
  triggers: string[];
}

/** Reads the `public` schema from the catalog (tables, columns, constraints, indexes, triggers). */
export async function introspectSchema(database: Database): Promise<SchemaShape> {
  const columns = await database.query<{ line: string }>(`
    select table_name || '.' || column_name || ' ' || data_type ||
           coalesce('(' || character_maximum_length || ')', '') ||
           case when is_nullable = 'NO' then ' not null' else '' end ||
           coalesce(' default ' || column_default, '') ||
           coalesce(' collate ' || collation_name, '') as line
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`);
  const constraints = await database.query<{ line: string }>(`
    select cls.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) as line
    from pg_constraint con join pg_class cls on cls.oid = con.conrelid
    join pg_namespace ns on ns.oid = cls.relnamespace
    where ns.nspname = 'public' and con.contype <> 'n'
    order by 1`);
  const indexes = await database.query<{ line: string }>(
    "select indexdef as line from pg_indexes where schemaname = 'public' order by tablename, indexname",
  );
  const triggers = await database.query<{ line: string }>(`
    select tg.tgname || ' on ' || cls.relname || ': ' || pg_get_triggerdef(tg.oid) as line
    from pg_trigger tg join pg_class cls on cls.oid = tg.tgrelid
    join pg_namespace ns on ns.oid = cls.relnamespace
    where ns.nspname = 'public' and not tg.tgisinternal order by 1`);
  const lines = (rows: { line: string }[]) => rows.map((r) => r.line);
  return {
    columns: lines(columns),
    constraints: lines(constraints),
    indexes: lines(indexes),
    triggers: lines(triggers),
  };
}
