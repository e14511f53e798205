// The load runs of the intake suite on one engine: the server under a closed loop of POST /api/cases, and the
// baseline on the same database at the same client count, alternating so neither always goes first.
import type { Database } from '../../server/platform/db/database.ts';
import type { EngineLabel } from '../lib/engines.ts';
import { HttpClient } from './http-client.ts';
import type { BaselineRun } from './insert-baseline.ts';
import type { LiveServer } from './live-server.ts';
import { closedLoop, type LoadRequest, type LoadRun } from './load.ts';
import { observe, type RunObservation } from './observe.ts';

/** 霞阳镇's streets around the county seat's main road: each report lands somewhere else within ~1 km. */
const xiayangCentre = { lng: 113.772, lat: 26.489 };

/** A photo as a report names it: staged beforehand (uploadId), or inside the report as base64. */
export type ReportPhoto = { uploadId: string } | { data: string };

/** A body as an inspector's phone sends it: a 霞阳镇 占道经营 report with one photo; the point varies with `i`. */
export function intakeBody(i: number, photo: ReportPhoto): string {
  return JSON.stringify({
    categoryCode: '09006',
    lng: Math.round((xiayangCentre.lng + (((i * 37) % 64) - 32) * 0.0003) * 1e6) / 1e6,
    lat: Math.round((xiayangCentre.lat + (((i * 53) % 64) - 32) * 0.0003) * 1e6) / 1e6,
    address: `霞阳镇炎帝大道 ${10 + (i % 64)} 号门前`,
    regionCode: '430225100',
    description: '水果摊占用人行道经营，影响行人通行',
    photos: [photo],
  });
}

export interface ObservedLoad extends LoadRun {
  observed: RunObservation;
}
export interface ObservedBaseline extends BaselineRun {
  observed: RunObservation;
}

export interface EngineRuns {
  engine: EngineLabel;
  api: ObservedLoad[];
  baseline: ObservedBaseline[];
}

export interface IntakeLoad {
  server: LiveServer;
  headers: Record<string, string>;
  /** The next request: a report (staged or inline photo) or a photo upload. */
  request: (i: number) => LoadRequest;
  /** The database URL for observing backends (PostgreSQL only). */
  databaseUrl?: string;
}

export async function apiRun(load: IntakeLoad, clients: number, seconds: number): Promise<ObservedLoad> {
  const client = new HttpClient(load.server.url, clients);
  try {
    const watch = await observe(load.server.pid, load.databaseUrl);
    const run = await closedLoop(client, clients, seconds, load.request);
    return { ...run, observed: await watch.finish() };
  } finally {
    client.close();
  }
}

export async function baselineRun(
  run: () => Promise<BaselineRun>,
  databaseUrl: string | undefined,
): Promise<ObservedBaseline> {
  const watch = await observe(undefined, databaseUrl);
  const result = await run();
  return { ...result, observed: await watch.finish() };
}

/** For every client count, `rounds` rounds; even rounds run the baseline first, odd rounds the API first. */
export async function alternate(
  engine: EngineLabel,
  clients: readonly number[],
  rounds: number,
  api: (clients: number) => Promise<ObservedLoad>,
  baseline: (clients: number) => Promise<ObservedBaseline>,
): Promise<EngineRuns> {
  const runs: EngineRuns = { engine, api: [], baseline: [] };
  for (const n of clients) {
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 0) {
        runs.baseline.push(await baseline(n));
        runs.api.push(await api(n));
      } else {
        runs.api.push(await api(n));
        runs.baseline.push(await baseline(n));
      }
      const last = runs.api[runs.api.length - 1]!;
      console.log(
        `  ${engine} c=${n} round ${r + 1}: API ${last.perSecond.toFixed(1)}/s (${last.failed} failed), baseline ${runs.baseline[runs.baseline.length - 1]!.perSecond.toFixed(0)}/s`,
      );
    }
  }
  return runs;
}

/**
 * What the runs stored, counted from `since` (the demo seed's cases are older): every 201 must have stored one
 * case, one photo, one outbox event and one idempotency record.
 */
export async function storedCounts(database: Database, since: Date): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables: Array<[string, string]> = [
    ['cases_case', 'reported_at'],
    ['cases_photo', 'uploaded_at'],
    ['outbox_event', 'created_at'],
    ['idempotency_record', 'created_at'],
  ];
  for (const [table, column] of tables) {
    const [row] = await database.query<{ n: number }>(
      `select count(*)::int8 as n from ${table} where ${column} >= $1`,
      [since.toISOString()],
    );
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
