import { createHash } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { insertAtCommit } from '../db/at-commit.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import type { MessageCatalogue } from '../i18n/locale.ts';
import { decryptColumnValue, encryptColumnValue } from '../pii/column-crypto.ts';
import { findIdempotencyRecord, type IdempotencyRecord, insertIdempotencyRecord } from './idempotency.store.ts';

/** Its messages, listed by the platform manifest that installs them (no registration on import). */
export const idempotencyMessages: MessageCatalogue = {
  zh: {
    'idempotency.key_invalid': '幂等键须为 8–128 位字母、数字或 - _ : .',
    'idempotency.key_reused': '同一幂等键已用于另一份不同的提交，请为新提交生成新的键',
  },
  en: {
    'idempotency.key_invalid': 'The idempotency key must be 8–128 letters, digits or - _ : .',
    'idempotency.key_reused':
      'This idempotency key was already used for a different submission; generate a new key for a new one',
  },
};

/** The header field clients send (IETF draft-ietf-httpapi-idempotency-key-header). */
export const idempotencyHeader = 'idempotency-key';
/** The header a replayed answer carries, so a client can tell a retry's answer from a first one. */
export const idempotentReplayedHeader = 'idempotent-replayed';
const keyPattern = /^[A-Za-z0-9_\-:.]{8,128}$/;

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
  /** True when the stored first answer was returned instead of running the write again. */
  replayed: boolean;
}

/** A key from the header: absent is fine (the write is not deduplicated), malformed is a 400. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !keyPattern.test(value))
    throw AppError.field('Idempotency-Key', 'idempotency.key_invalid');
  return value;
}

export function requestHashOf(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * Runs a write at most once per (caller, operation, key): the first answer is stored in the same transaction
 * as the write, and a retry (after a timeout on a bad mobile signal) gets it back unchanged. Two copies racing
 * each other meet at the primary key: the loser's transaction rolls back and it returns the winner's answer.
 *
 * The answer is stored sealed (AES-256-GCM with the field-encryption keyring, bound to this column): it may
 * carry a secret the records keep only hashed — a citizen's tracking code, an upload id's secret — and a
 * replay must give it back whole. Key rotation re-seals it like any encrypted column (pii/platform-fields.ts).
 */
export async function runIdempotent<T>(
  ctx: Ctx,
  request: { scope: string; key: string | null; body: unknown },
  write: (t: Ctx) => Promise<{ statusCode: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const { scope, key } = request;
  if (key === null) return { ...(await tx(ctx, write)), replayed: false };
  const requestHash = requestHashOf(request.body);
  const earlier = await findIdempotencyRecord(ctx.db, ctx.countyCode, scope, key);
  if (earlier) return replay<T>(ctx, earlier, requestHash);
  try {
    return await tx(ctx, async (t) => {
      const result = await write(t);
      const response = encryptColumnValue(
        t.keyring,
        'idempotency_record',
        'response',
        JSON.stringify(result.body ?? null),
      );
      // At commit, with the audit row: a racing copy's duplicate key still fails this transaction (caught below).
      await insertAtCommit(t, insertIdempotencyRecord, {
        regionCode: t.countyCode,
        scope,
        key,
        requestHash,
        statusCode: result.statusCode,
        response,
        createdAt: t.clock(),
      });
      return { ...result, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findIdempotencyRecord(ctx.db, ctx.countyCode, scope, key);
    if (!winner) throw error;
    return replay<T>(ctx, winner, requestHash);
  }
}

function replay<T>(ctx: Ctx, row: IdempotencyRecord, requestHash: string): IdempotentResult<T> {
  if (row.requestHash !== requestHash) throw new AppError(422, 'idempotency_key_reused', 'idempotency.key_reused');
  const body = JSON.parse(decryptColumnValue(ctx.keyring, 'idempotency_record', 'response', row.response)) as T;
  return { statusCode: row.statusCode, body, replayed: true };
}

/** pg puts the SQLSTATE on the error, drizzle on its cause. */
export function isUniqueViolation(error: unknown): boolean {
  const withCode = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
  return (
    withCode(error) || (typeof error === 'object' && error !== null && withCode((error as { cause?: unknown }).cause))
  );
}
