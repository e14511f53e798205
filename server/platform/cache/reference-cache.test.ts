import { describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { cachedReference, invalidateReference } from './reference-cache.ts';

const ctxOf = (database: object, extra: Partial<Ctx> = {}) =>
  ({ database: database as Database, countyCode: '430225', inTransaction: false, ...extra }) as Ctx;

describe('reference cache', () => {
  it('loads once within the time to live, per database and county, and again after invalidation or expiry', async () => {
    vi.useFakeTimers();
    try {
      const db = {};
      const load = vi.fn(async () => 'calendar');
      expect(await cachedReference(ctxOf(db), 'calendar/2026', 5000, load)).toBe('calendar');
      await cachedReference(ctxOf(db), 'calendar/2026', 5000, load);
      expect(load).toHaveBeenCalledTimes(1);
      await cachedReference(ctxOf({}), 'calendar/2026', 5000, load);
      await cachedReference(ctxOf(db, { countyCode: '430224' }), 'calendar/2026', 5000, load);
      expect(load).toHaveBeenCalledTimes(3);
      invalidateReference(ctxOf(db), 'calendar');
      await cachedReference(ctxOf(db), 'calendar/2026', 5000, load);
      expect(load).toHaveBeenCalledTimes(4);
      vi.advanceTimersByTime(5001);
      await cachedReference(ctxOf(db), 'calendar/2026', 5000, load);
      expect(load).toHaveBeenCalledTimes(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never keeps a failed load', async () => {
    const db = {};
    const failing = vi.fn(async () => {
      throw new Error('db down');
    });
    await expect(cachedReference(ctxOf(db), 'f', 5000, failing)).rejects.toThrow('db down');
    await expect(cachedReference(ctxOf(db), 'f', 5000, failing)).rejects.toThrow('db down');
    expect(failing).toHaveBeenCalledTimes(2);
  });
});
