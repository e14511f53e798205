import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import {
  countValuesByKey,
  type EncryptedColumn,
  primaryKeyColumns,
  replaceEncryptedValue,
  staleEncryptedRows,
} from './encrypted-columns.store.ts';
import { currentScheme, FieldDecryptError, reencryptField } from './field-crypto.ts';
import type { PiiField } from './pii-field.ts';
import { encryptionContextOf, piiFields } from './registry.ts';

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

async function rotateColumn(ctx: Ctx, field: PiiField, batchSize: number): Promise<ColumnRotation> {
  const target: EncryptedColumn = {
    table: field.table,
    column: field.column,
    keyColumns: await primaryKeyOf(ctx, field.table),
  };
  const result: ColumnRotation = { table: field.table, column: field.column, reencrypted: 0, failed: 0 };
  let after: unknown[] | null = null;
  for (;;) {
    const batch = await tx(ctx, (t) => rotateBatch(t, field, target, after, batchSize));
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
  target: EncryptedColumn,
  after: unknown[] | null,
  batchSize: number,
): Promise<BatchResult> {
  // Values not written by the current scheme with the active key.
  const currentPrefix = `${currentScheme}.${t.keyring.activeKeyId}.`;
  const rows = await staleEncryptedRows(t.db, target, { currentPrefix, after, limit: batchSize });
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
    await replaceEncryptedValue(t.db, target, row, old, fresh);
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
  return { reencrypted, failed, last: lastRow ? target.keyColumns.map((c) => lastRow[c]) : null };
}

async function primaryKeyOf(ctx: Ctx, table: string): Promise<string[]> {
  const columns = await primaryKeyColumns(ctx.db, table);
  if (columns.length === 0)
    throw new Error(`${table} has no primary key: its encrypted columns cannot be rotated in batches`);
  return columns;
}

/** How many values of each encrypted column are on which key: what `wenming keys status` prints. */
export async function keyUsage(
  ctx: Ctx,
  fields: readonly PiiField[] = piiFields(),
): Promise<Array<{ table: string; column: string; keyId: string; count: number }>> {
  const usage: Array<{ table: string; column: string; keyId: string; count: number }> = [];
  for (const field of fields.filter((f) => f.encrypted)) {
    for (const { keyId, count } of await countValuesByKey(ctx.db, field.table, field.column))
      usage.push({ table: field.table, column: field.column, keyId, count });
  }
  return usage;
}
