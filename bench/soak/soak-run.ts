// Drives the mix: a closed loop to find what the machine sustains, then an open loop at a fixed rate (operations
// start on a schedule whether or not earlier ones finished, as users do), for a fixed time, with the latencies,
// errors and the server's memory kept per time window.
import { summarize, type Summary } from '../lib/stats.ts';
import { inspectorPhoto } from '../cases/sample-photo.ts';
import { mix, type OperationName, type RequestResult, type Sessions, SoakMix } from './soak-mix.ts';
import type { MemoryReading, SoakServer } from './soak-server.ts';

/** The i-th operation: the mix's shares spread evenly over every 20 operations (deterministic, no clumps). */
const schedule: OperationName[] = (() => {
  const slots: OperationName[] = [];
  for (const [name, share] of mix) for (let k = 0; k < Math.round(share * 20); k++) slots.push(name);
  // Interleave: take every 7th slot (7 and 20 are coprime) so the same operation does not run in a block.
  return slots.map((_, i) => slots[(i * 7) % slots.length] as OperationName);
})();
export const operationAt = (i: number): OperationName => schedule[i % schedule.length] as OperationName;

export interface ClosedLoopResult {
  clients: number;
  seconds: number;
  operationsPerSecond: number;
  errors: number;
  firstError?: string;
}

/** `clients` workers running the mix back to back for `seconds`: the operations per second the machine sustains. */
export async function mixCapacity(soak: SoakMix, clients: number, seconds: number): Promise<ClosedLoopResult> {
  let next = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const results = await soak.run(operationAt(next), next++);
        const failed = results.find((r) => r.error);
        if (failed) {
          errors++;
          firstError ??= failed.error;
        }
        if (performance.now() <= deadline) done++;
      }
    }),
  );
  return { clients, seconds, operationsPerSecond: done / seconds, errors, ...(firstError ? { firstError } : {}) };
}

export interface SoakWindow {
  /** Seconds since the soak started, at the window's start. */
  from: number;
  operations: number;
  requests: number;
  errors: number;
  latency: Summary;
  memory: MemoryReading;
}

export interface SoakResult {
  rate: number;
  seconds: number;
  windows: SoakWindow[];
  /** Per request kind over the whole soak. */
  byRequest: Record<string, Summary & { errors: number }>;
  errors: number;
  errorSamples: string[];
  /** Operations not started because too many were still running (the server fell behind). */
  skipped: number;
  memoryStart: MemoryReading;
  memoryEnd: MemoryReading;
}

/**
 * Starts operations at `rate` per second for `seconds` (at most `maxInFlight` running; beyond that an operation
 * is skipped and counted), then waits for the last ones. Windows of `windowSeconds`.
 */
export async function openLoop(
  soak: SoakMix,
  server: SoakServer,
  options: { rate: number; seconds: number; windowSeconds: number; maxInFlight: number },
): Promise<SoakResult> {
  const { rate, seconds, windowSeconds, maxInFlight } = options;
  const windowCount = Math.ceil(seconds / windowSeconds);
  const perWindow = Array.from({ length: windowCount }, () => ({ operations: 0, results: [] as RequestResult[] }));
  const memory: MemoryReading[] = [];
  const all: RequestResult[] = [];
  let skipped = 0;
  let inFlight = 0;
  const running = new Set<Promise<void>>();
  const memoryStart = server.memory();
  const started = performance.now();
  let nextWindow = 1;
  for (let i = 0; ; i++) {
    const due = started + (i / rate) * 1000;
    if (due >= started + seconds * 1000) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (performance.now() - started >= nextWindow * windowSeconds * 1000 && nextWindow <= windowCount) {
      memory.push(server.memory());
      nextWindow++;
    }
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    const window = perWindow[Math.min(windowCount - 1, Math.floor((due - started) / 1000 / windowSeconds))]!;
    window.operations++;
    inFlight++;
    const op: Promise<void> = soak.run(operationAt(i), i).then((results) => {
      window.results.push(...results);
      all.push(...results);
      inFlight--;
      running.delete(op);
    });
    running.add(op);
  }
  await Promise.all([...running]);
  while (memory.length < windowCount) memory.push(server.memory());
  const memoryEnd = server.memory();
  const errored = all.filter((r) => r.error);
  const byRequest: SoakResult['byRequest'] = {};
  for (const kind of [...new Set(all.map((r) => r.request))].sort()) {
    const of = all.filter((r) => r.request === kind);
    byRequest[kind] = {
      ...summarize(of.filter((r) => !r.error).map((r) => r.ms)),
      errors: of.filter((r) => r.error).length,
    };
  }
  return {
    rate,
    seconds,
    windows: perWindow.map((w, k) => ({
      from: k * windowSeconds,
      operations: w.operations,
      requests: w.results.length,
      errors: w.results.filter((r) => r.error).length,
      latency: summarize(w.results.filter((r) => !r.error).map((r) => r.ms)),
      memory: memory[k] as MemoryReading,
    })),
    byRequest,
    errors: errored.length,
    errorSamples: [...new Set(errored.map((r) => r.error as string))].slice(0, 5),
    skipped,
    memoryStart,
    memoryEnd,
  };
}

/** How long and how hard: the closed-loop probe, the share of its capacity the soak runs at, warm-up and soak. */
export interface SoakPlan {
  probeClients: number;
  probeSeconds: number;
  /** Share of the measured capacity the soak runs at. */
  load: number;
  warmupSeconds: number;
  soakSeconds: number;
  windowSeconds: number;
}

export interface SoakPhases {
  capacity: ClosedLoopResult;
  warmup: SoakResult;
  soaked: SoakResult;
  /** Memory the server keeps (read after a full collection) once warmed up, and at the end of the soak. */
  kept: { afterWarmup: MemoryReading; atEnd: MemoryReading };
  /** Every error of the three phases, and a few of their messages. */
  errors: number;
  errorSamples: string[];
}

/**
 * The mix on a running server: its capacity measured in a closed loop, then a warm-up and the soak in an open
 * loop at `plan.load` of it. The bench (soak.bench.ts) and the short soak of `npm test` (server/reliability) share it.
 */
export async function soakAtShareOfCapacity(
  server: SoakServer,
  sessions: Sessions,
  plan: SoakPlan,
): Promise<SoakPhases> {
  const soak = new SoakMix(server.url, sessions, await inspectorPhoto({ lng: 113.772, lat: 26.489 }));
  try {
    const capacity = await mixCapacity(soak, plan.probeClients, plan.probeSeconds);
    const rate = Math.max(1, capacity.operationsPerSecond * plan.load);
    console.log(
      `  mix capacity ${capacity.operationsPerSecond.toFixed(1)} operations/s; soak at ${rate.toFixed(1)}/s for ${plan.soakSeconds} s`,
    );
    const openLoopOptions = { rate, windowSeconds: plan.windowSeconds, maxInFlight: 256 };
    const warmupWindow = { seconds: plan.warmupSeconds, windowSeconds: plan.warmupSeconds };
    const warmup = await openLoop(soak, server, { ...openLoopOptions, ...warmupWindow });
    const afterWarmup = await server.memoryAfterCollection();
    const soaked = await openLoop(soak, server, { ...openLoopOptions, seconds: plan.soakSeconds });
    return {
      capacity,
      warmup,
      soaked,
      kept: { afterWarmup, atEnd: await server.memoryAfterCollection() },
      errors: capacity.errors + warmup.errors + soaked.errors,
      errorSamples: [capacity.firstError, ...warmup.errorSamples, ...soaked.errorSamples].filter(
        (e) => e !== undefined,
      ),
    };
  } finally {
    soak.close();
  }
}
