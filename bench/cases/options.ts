/**
 * How big a run is. The full run is what bench/results records; `--quick` shrinks every size so a smoke run of
 * the suites finishes in seconds and proves the harness still works (its figures mean nothing and are not saved).
 */
export interface CasesBenchSizes {
  /** Concurrent connections for intake, each run for `intakeSeconds`. */
  clients: readonly number[];
  intakeSeconds: number;
  /** Rounds per client count; each round runs the baseline and the API once, in alternating order. */
  intakeRounds: number;
  warmupSeconds: number;
  /** Sequential single-request samples for the per-step breakdown of one intake. */
  breakdownSamples: number;
  /** Cases bulk-loaded for the list and aggregate measurements, per engine. */
  casesPostgres: number;
  casesPglite: number;
  /** Requests per query shape (randomised parameters), after `warmupRequests` unrecorded ones. */
  requestsPerShape: number;
  warmupRequests: number;
}

const full: CasesBenchSizes = {
  clients: [4, 8, 16],
  intakeSeconds: 15,
  intakeRounds: 2,
  warmupSeconds: 5,
  breakdownSamples: 200,
  casesPostgres: 1_000_000,
  casesPglite: 1_000_000,
  requestsPerShape: 200,
  warmupRequests: 20,
};

const quick: CasesBenchSizes = {
  clients: [2],
  intakeSeconds: 2,
  intakeRounds: 1,
  warmupSeconds: 1,
  breakdownSamples: 5,
  casesPostgres: 5_000,
  casesPglite: 5_000,
  requestsPerShape: 5,
  warmupRequests: 2,
};

/** BENCH_CASES_PGLITE overrides the PGlite size (e.g. when 1M takes too long to load on a slow machine). */
export function casesBenchSizes(quickRun: boolean): CasesBenchSizes {
  const sizes = quickRun ? quick : full;
  const pglite = Number(process.env.BENCH_CASES_PGLITE);
  return Number.isInteger(pglite) && pglite > 0 ? { ...sizes, casesPglite: pglite } : sizes;
}

/** BENCH_CASES_ENGINES=PostgreSQL (or PGlite) measures one engine only, e.g. to repeat its figures. */
export function enginesWanted(): { postgres: boolean; pglite: boolean } {
  const raw = process.env.BENCH_CASES_ENGINES;
  if (!raw) return { postgres: true, pglite: true };
  const names = raw.split(',').map((s) => s.trim().toLowerCase());
  return { postgres: names.includes('postgresql'), pglite: names.includes('pglite') };
}
