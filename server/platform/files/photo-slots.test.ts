import { describe, expect, it } from 'vitest';
import { createPhotoSlots } from './photo-slots.ts';

describe('createPhotoSlots', () => {
  it('runs at most `limit` at once, in arrival order, and frees a slot when work fails', async () => {
    const slots = createPhotoSlots(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const job = (id: number, fail = false) =>
      slots.run(async () => {
        started.push(id);
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (fail) throw new Error(`job ${id} failed`);
        return id;
      });
    const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect([slots.active, slots.waiting]).toEqual([0, 0]);
  });

  it('refuses a limit that is not a positive whole number', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) expect(() => createPhotoSlots(limit)).toThrow(RangeError);
  });
});
