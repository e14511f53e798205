import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { emitEvent } from './outbox.ts';
import { idempotencyKeyOf, runIdempotent } from './idempotency.ts';

describe('idempotent writes', () => {
  const t = useTestDatabase();
  const count = async (key: string) =>
    (
      await t.database.query<{ n: number }>('select count(*)::int as n from outbox_event where object_id = $1', [key])
    )[0]?.n;

  it('runs the write once per key; copies racing each other all get the first answer', async () => {
    const ctx = t.ctx();
    let runs = 0;
    const write = (key: string) =>
      runIdempotent(ctx, { scope: 'test:racer', key, body: { a: 1 } }, async (x) => {
        runs += 1;
        await emitEvent(x, { topic: 'test', objectType: 'test', objectId: key, payload: {} });
        return { statusCode: 201, body: { run: runs } };
      });
    const results = await Promise.all([write('race-key-0001'), write('race-key-0001'), write('race-key-0001')]);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await count('race-key-0001')).toBe(1);
  });

  it('does not store a failed write, so the retry runs again', async () => {
    const ctx = t.ctx();
    const failing = runIdempotent(ctx, { scope: 'test:fail', key: 'fail-key-0001', body: {} }, async (x) => {
      await emitEvent(x, { topic: 'test', objectType: 'test', objectId: 'fail-key-0001', payload: {} });
      throw AppError.field('x', 'error.validation_failed');
    });
    await expect(failing).rejects.toBeInstanceOf(AppError);
    expect(await count('fail-key-0001')).toBe(0);
    const retried = await runIdempotent(ctx, { scope: 'test:fail', key: 'fail-key-0001', body: {} }, async () => ({
      statusCode: 200,
      body: 'ok',
    }));
    expect(retried).toEqual({ statusCode: 200, body: 'ok', replayed: false });
  });

  it('keeps no clear secret: the stored answer is sealed, bound to its table, and a replay gets it back whole', async () => {
    const ctx = t.ctx();
    const answer = { caseNo: '2026-00000001', trackingToken: 'tok-SECRET-0001', nested: { uploadId: 'a.b-SECRET' } };
    const first = await runIdempotent(ctx, { scope: 'test:secret', key: 'secret-key-0001', body: {} }, async () => ({
      statusCode: 201,
      body: answer,
    }));
    expect(first).toEqual({ statusCode: 201, body: answer, replayed: false });
    const rows = await t.database.query<Record<string, unknown>>('select * from idempotency_record where key = $1', [
      'secret-key-0001',
    ]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/SECRET|2026-00000001/);
    expect(String(rows[0]!.response)).toMatch(/^v1\./);
    const again = await runIdempotent(ctx, { scope: 'test:secret', key: 'secret-key-0001', body: {} }, async () => ({
      statusCode: 500,
      body: null,
    }));
    expect(again).toEqual({ statusCode: 201, body: answer, replayed: true });
  });

  it('accepts well-formed keys and refuses anything else with a field error', () => {
    expect(idempotencyKeyOf(undefined)).toBeNull();
    expect(idempotencyKeyOf('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const ok = /^[A-Za-z0-9_\-:.]{8,128}$/.test(raw);
        if (ok) expect(idempotencyKeyOf(raw)).toBe(raw);
        else expect(() => idempotencyKeyOf(raw)).toThrow(AppError);
      }),
    );
  });
});
