import { describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../context.ts';
import { startPeriodicJobs } from './periodic.ts';

describe('periodic jobs', () => {
  it('runs each job on its interval, skips a tick while a run is still going, logs failures and stops', async () => {
    vi.useFakeTimers();
    try {
      const log = { info: vi.fn(), error: vi.fn() };
      let release: () => void = () => {};
      const slow = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
      const failing = vi.fn(async () => {
        throw new Error('boom');
      });
      const stop = startPeriodicJobs(
        [
          { name: 'slow', everyMs: 1000, run: slow },
          { name: 'failing', everyMs: 1000, run: failing },
        ],
        () => ({}) as Ctx,
        log,
      );
      await vi.advanceTimersByTimeAsync(3500);
      expect(slow).toHaveBeenCalledTimes(1);
      expect(failing).toHaveBeenCalledTimes(3);
      expect(log.error).toHaveBeenCalledTimes(3);
      release();
      await vi.advanceTimersByTimeAsync(1000);
      expect(slow).toHaveBeenCalledTimes(2);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(failing).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs a run that did something, not one that found nothing to do', async () => {
    vi.useFakeTimers();
    try {
      const log = { info: vi.fn(), error: vi.fn() };
      const results = [0, 3, [], ['x'], undefined];
      const stop = startPeriodicJobs(
        [{ name: 'fold', everyMs: 1000, run: async () => results.shift() }],
        () => ({}) as Ctx,
        log,
      );
      await vi.advanceTimersByTimeAsync(5500);
      stop();
      expect(log.info.mock.calls.map(([details]) => (details as { result: unknown }).result)).toEqual([3, ['x']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
