import { describe, expect, it } from 'vitest';
import { createPhotoSlots, PhotoSlotsFull } from './photo-slots.ts';

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

  it('refuses a limit that is not a positive whole number, and a queue bound that is not a whole number', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) expect(() => createPhotoSlots(limit)).toThrow(RangeError);
    for (const bound of [-1, 0.5, Number.NaN]) expect(() => createPhotoSlots(1, bound)).toThrow(RangeError);
  });

  it('lets at most `maxWaiting` wait and refuses the next with PhotoSlotsFull, until a slot frees', async () => {
    const slots = createPhotoSlots(1, 2);
    const gates: Array<() => void> = [];
    const held = () => slots.run(() => new Promise<void>((resolve) => gates.push(resolve)));
    const work = [held(), held(), held()];
    expect([slots.active, slots.waiting, slots.full]).toEqual([1, 2, true]);
    await expect(slots.run(async () => 'refused')).rejects.toBeInstanceOf(PhotoSlotsFull);
    gates.shift()?.(); // the first finishes; the second takes its slot and the queue has room again
    await work[0];
    expect([slots.active, slots.waiting, slots.full]).toEqual([1, 1, false]);
    const queued = slots.run(async () => 'queued');
    expect(slots.full).toBe(true);
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    await Promise.all(work);
    expect(await queued).toBe('queued');
    expect([slots.active, slots.waiting, slots.full]).toEqual([0, 0, false]);
  });

  it('with no queue (maxWaiting 0) runs only what has a slot', async () => {
    const slots = createPhotoSlots(2, 0);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = [slots.run(() => gate), slots.run(() => gate)];
    await expect(slots.run(async () => 'third')).rejects.toBeInstanceOf(PhotoSlotsFull);
    release();
    await Promise.all(running);
    expect(await slots.run(async () => 'after')).toBe('after');
  });
});
