import { type Summary, summarize } from '../lib/stats.ts';

/** One kind of request; `run(i)` makes its i-th request and returns its time in ms. */
export interface Probe {
  name: string;
  run(i: number): Promise<number>;
}

export interface ProbeResult {
  name: string;
  summary: Summary;
  /** True when the time budget stopped it before `target` samples. */
  cut: boolean;
}

/**
 * Round-robin over the probes, one request each per round (the order rotating), so a neighbour's load on this
 * shared machine lands on all of them alike. A probe stops at `target` samples, or once it has spent
 * `budgetMs` with at least `minSamples` (a query far over its target needs no 200 samples to show it).
 */
export async function roundRobin(
  probes: readonly Probe[],
  { target, warmup, budgetMs, minSamples }: { target: number; warmup: number; budgetMs: number; minSamples: number },
  onRound: (round: number) => void = () => {},
): Promise<ProbeResult[]> {
  const samples = new Map<string, number[]>(probes.map((p) => [p.name, []]));
  const spent = new Map<string, number>(probes.map((p) => [p.name, 0]));
  const done = (p: Probe) => {
    const n = samples.get(p.name)!.length;
    return n >= target || (n >= minSamples && spent.get(p.name)! >= budgetMs);
  };
  for (let round = 0; probes.some((p) => !done(p)); round++) {
    const k = round % probes.length;
    for (const probe of [...probes.slice(k), ...probes.slice(0, k)]) {
      if (round >= warmup && done(probe)) continue;
      const ms = await probe.run(round);
      if (round < warmup) continue;
      samples.get(probe.name)!.push(ms);
      spent.set(probe.name, spent.get(probe.name)! + ms);
    }
    onRound(round);
  }
  return probes.map((p) => ({
    name: p.name,
    summary: summarize(samples.get(p.name)!),
    cut: samples.get(p.name)!.length < target,
  }));
}
