/**
 * At most `limit` photos are decoded at once in this process. A 40-megapixel photo decodes to ~120 MB of RGB
 * (and rotation needs the whole image in memory), so an unbounded burst of uploads could exhaust memory; queued
 * photos wait their turn instead. The queue is bounded too (`maxWaiting`): each waiting photo holds its request's
 * body (up to 10 MB raw, more inline in a report), so past the bound a photo is refused with `PhotoSlotsFull`
 * (the server answers 503 with Retry-After) rather than held.
 */
export interface PhotoSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
  /** No room to wait: the next `run` beyond the active slots would be refused. */
  readonly full: boolean;
}

/** Thrown by `run` when every slot is busy and `maxWaiting` photos already wait. */
export class PhotoSlotsFull extends Error {
  constructor() {
    super('every photo slot is busy and the queue is full');
    this.name = 'PhotoSlotsFull';
  }
}

export function createPhotoSlots(limit: number, maxWaiting = Number.POSITIVE_INFINITY): PhotoSlots {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`photo concurrency must be a positive integer: ${limit}`);
  if (!(maxWaiting === Number.POSITIVE_INFINITY || (Number.isInteger(maxWaiting) && maxWaiting >= 0)))
    throw new RangeError(`photo queue bound must be a whole number: ${maxWaiting}`);
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
      else if (queue.length >= maxWaiting) throw new PhotoSlotsFull();
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
    get full() {
      return active >= limit && queue.length >= maxWaiting;
    },
  };
}
