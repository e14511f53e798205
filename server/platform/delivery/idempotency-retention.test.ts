import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { runIdempotent } from './idempotency.ts';
import { idempotencyRetentionDays, purgeIdempotencyRecords } from './idempotency-retention.ts';

describe('idempotency records are kept for the retry window, then purged', () => {
  const t = useTestDatabase();
  const dayMs = 86_400_000;
  const keys = async () =>
    (await t.database.query<{ key: string }>('select key from idempotency_record order by key')).map((r) => r.key);

  it('keeps a record inside the window, so a late retry still replays; removes older ones', async () => {
    const start = new Date('2026-11-02T01:00:00Z');
    const at = (ms: number) => t.ctx({ clock: () => new Date(start.getTime() + ms) });
    const write = (ms: number, key: string) =>
      runIdempotent(at(ms), { scope: 'test:purge', key, body: {} }, async () => ({ statusCode: 201, body: { key } }));
    await write(0, 'purge-old-0001');
    await write(2 * dayMs, 'purge-new-0001');

    const now = idempotencyRetentionDays * dayMs + 60_000;
    expect(await purgeIdempotencyRecords(at(now))).toBe(1);
    expect(await keys()).toEqual(['purge-new-0001']);
    expect((await write(now, 'purge-new-0001')).replayed).toBe(true);
    expect(await purgeIdempotencyRecords(at(now))).toBe(0);
  });
});
