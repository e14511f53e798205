import { sleep } from '../lib/proc.ts';

/** One way of queueing work, measured the same way as the other. */
export interface QueueCandidate {
  label: string;
  /** `count` jobs, each enqueued in its own transaction, from `clients` concurrent connections. */
  enqueue(count: number, clients: number): Promise<void>;
  /** Starts `workers` workers (each its own pool, up to 4 jobs at once) and waits until `total` jobs are done. */
  drain(total: number, workers: number): Promise<void>;
  /** Milliseconds of the claim of one due job (the queue otherwise idle), one sample per job. */
  claimLatency(samples: number): Promise<number[]>;
  dispose(): Promise<void>;
}

/** Calls `work(0…count-1)` from `clients` loops at once. */
export async function runConcurrently(count: number, clients: number, work: (n: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

export async function waitUntil(done: () => Promise<boolean>, timeoutMs = 20 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the queue was not drained in time');
    await sleep(25);
  }
}
