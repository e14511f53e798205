/**
 * At most `limit` photos are decoded at once in this process. A 40-megapixel photo decodes to ~120 MB of RGB
 * (and rotation needs the whole image in memory), so an unbounded burst of uploads could exhaust memory; queued
 * photos wait their turn instead.
 */
export interface PhotoSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createPhotoSlots(limit: number): PhotoSlots {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`photo concurrency must be a positive integer: ${limit}`);
  let active = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (active < limit) active++;
      else await new Promise<void>((resolve) => queue.push(resolve)); // the slot is handed over, `active` unchanged
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
