import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { queryRows } from '../db/rows.ts';
import { tx } from '../db/tx.ts';
import { currentScheme, FieldDecryptError, reencryptField } from './field-crypto.ts';
import { encryptionContextOf, type PiiField, piiFields } from './registry.ts';

/**
 * Key rotation (DATA-02): after a new key is made active (`wenming keys add`), every value of every encrypted
 * column still on an older key is decrypted and encrypted again with the active key, batch by batch, each batch
 * in its own transaction with its audit row. Rows are walked in primary-key order (keyset paging), so a run
 * ends even when some values cannot be decrypted (they are counted, left alone and reported), and running it
 * again only touches what is still stale: it is idempotent and can be resumed after an interruption.
 *
 * Once every count says 0 stale, the old key can be removed from the key file.
 */

export interface ColumnRotation {
  table: string;
  column: string;
  reencrypted: number;
  /** Values that did not decrypt with any key of the keyring (tampered, or a key missing from the file). */
  failed: number;
}

export interface RotateOptions {
  batchSize?: number;
  /** Defaults to every encrypted column of the registry. */
  fields?: readonly PiiField[];
}

export async function rotateEncryptedColumns(ctx: Ctx, options: RotateOptions = {}): Promise<ColumnRotation[]> {
  const batchSize = options.batchSize ?? 500;
  const results: ColumnRotation[] = [];
  for (const field of (options.fields ?? piiFields()).filter((f) => f.encrypted)) {
    results.push(await rotateColumn(ctx, field, batchSize));
  }
  return results;
}

type Row = Record<string, unknown>;

async function rotateColumn(ctx: Ctx, field: PiiField, batchSize: number): Promise<ColumnRotation> {
  const keyColumns = await primaryKeyOf(ctx, field.table);
  const result: ColumnRotation = { table: field.table, column: field.column, reencrypted: 0, failed: 0 };
  let after: unknown[] | null = null;
  for (;;) {
    const batch = await tx(ctx, (t) => rotateBatch(t, field, keyColumns, after, batchSize));
    result.reencrypted += batch.reencrypted;
    result.failed += batch.failed;
    if (batch.last === null) return result;
    after = batch.last;
  }
}

interface BatchResult {
  reencrypted: number;
  failed: number;
  /** The primary key of the batch's last row; null when this was the last batch. */
  last: unknown[] | null;
}

async function rotateBatch(
  t: Ctx,
  field: PiiField,
  keyColumns: string[],
  after: unknown[] | null,
  batchSize: number,
): Promise<BatchResult> {
  const rows = await queryRows<Row>(t.db, staleRowsQuery(t, field, keyColumns, after, batchSize));
  const context = encryptionContextOf(field);
  let reencrypted = 0;
  let failed = 0;
  for (const row of rows) {
    const old = String(row.__value);
    let fresh: string;
    try {
      fresh = reencryptField(t.keyring, old, context);
    } catch (error) {
      if (!(error instanceof FieldDecryptError)) throw error;
      failed += 1;
      continue;
    }
    await t.db.execute(sql`update ${sql.identifier(field.table)} set ${sql.identifier(field.column)} = ${fresh}
      where ${keyTuple(keyColumns)} = ${valueTuple(keyColumns.map((c) => row[c]))} and ${sql.identifier(field.column)} = ${old}`);
    reencrypted += 1;
  }
  if (reencrypted > 0) {
    await recordAudit(t, {
      eventType: 'pii.keys.rotate',
      action: 'reencrypt',
      objectType: 'column',
      objectId: `${field.table}.${field.column}`,
      details: { count: reencrypted, failed, keyId: t.keyring.activeKeyId },
    });
  }
  const lastRow = rows.length === batchSize ? rows[rows.length - 1] : undefined;
  return { reencrypted, failed, last: lastRow ? keyColumns.map((c) => lastRow[c]) : null };
}

/** Values not written by the current scheme with the active key, locked for this batch's transaction. */
function staleRowsQuery(
  t: Ctx,
  field: PiiField,
  keyColumns: string[],
  after: unknown[] | null,
  batchSize: number,
): SQL {
  const column = sql.identifier(field.column);
  // Compared with left(), not LIKE: key ids may contain '_', which LIKE reads as a wildcard.
  const prefix = `${currentScheme}.${t.keyring.activeKeyId}.`;
  const keys = sql.join(
    keyColumns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const page = after ? sql`and ${keyTuple(keyColumns)} > ${valueTuple(after)}` : sql``;
  return sql`select ${keys}, ${column} as "__value" from ${sql.identifier(field.table)}
    where ${column} is not null and left(${column}, ${prefix.length}) <> ${prefix} ${page}
    order by ${keys} limit ${batchSize} for update`;
}

function keyTuple(columns: string[]): SQL {
  return sql`(${sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  )})`;
}

function valueTuple(values: unknown[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** The table's primary-key columns in key order, from the catalog (same answer on both engines). */
async function primaryKeyOf(ctx: Ctx, table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    ctx.db,
    sql`select kcu.column_name from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name
      where tc.table_schema = 'public' and tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
      order by kcu.ordinal_position`,
  );
  if (rows.length === 0)
    throw new Error(`${table} has no primary key: its encrypted columns cannot be rotated in batches`);
  return rows.map((r) => r.column_name);
}

/** How many values of each encrypted column are on which key: what `wenming keys status` prints. */
export async function keyUsage(
  ctx: Ctx,
  fields: readonly PiiField[] = piiFields(),
): Promise<Array<{ table: string; column: string; keyId: string; count: number }>> {
  const usage: Array<{ table: string; column: string; keyId: string; count: number }> = [];
  for (const field of fields.filter((f) => f.encrypted)) {
    const column = sql.identifier(field.column);
    const rows = await queryRows<{ key_id: string; n: number }>(
      ctx.db,
      sql`select split_part(${column}, '.', 2) as key_id, count(*)::int as n from ${sql.identifier(field.table)}
        where ${column} is not null group by 1 order by 1`,
    );
    for (const row of rows)
      usage.push({ table: field.table, column: field.column, keyId: row.key_id, count: Number(row.n) });
  }
  return usage;
}
