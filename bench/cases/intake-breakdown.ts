// Where one intake's time goes, measured step by step with the server's own functions, one request at a time
// on an otherwise idle server: the photo check (sharp), the checks that read the database, and the write
// transaction; on PostgreSQL also every statement of that transaction and how long it holds the audit chain.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Actor } from '../../server/platform/context.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { runIdempotent } from '../../server/platform/delivery/idempotency.ts';
import { cleanedLongestSide, thumbnailLongestSide } from '../../server/platform/files/image.ts';
import { inspectUploadedPhotos } from '../../server/modules/cases/case-photos.ts';
import { checkReport, storeReport } from '../../server/modules/cases/report-case.ts';
import { benchCtx } from '../lib/engines.ts';
import { type Summary, summarize } from '../lib/stats.ts';
import { observe, type RunObservation } from './observe.ts';
import { installStatementTiming, type TimedStatement } from './statement-timing.ts';

export interface StepTiming {
  step: string;
  summary: Summary;
}

type Step = { step: string; run: () => Promise<unknown> };

/** Runs every step once per iteration, in turn, so a busy neighbour slows them alike. */
const warmupSteps = 3;

async function timeSteps(steps: readonly Step[], iterations: number, warmup = warmupSteps): Promise<StepTiming[]> {
  const samples = new Map<string, number[]>(steps.map((s) => [s.step, []]));
  for (let i = 0; i < warmup + iterations; i++) {
    for (const s of steps) {
      const started = performance.now();
      await s.run();
      if (i >= warmup) samples.get(s.step)!.push(performance.now() - started);
    }
  }
  return steps.map((s) => ({ step: s.step, summary: summarize(samples.get(s.step)!) }));
}

/**
 * The sharp chain of image.ts's encode() with either JPEG encoder: mozjpeg, or libjpeg-turbo with optimised
 * Huffman coding. Which one the server ships is image.ts's choice; the "whole" row times the real function.
 */
function encode(input: Buffer, longestSide: number, quality: number, mozjpeg: boolean) {
  return sharp(input, { failOn: 'error' })
    .rotate()
    .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg(mozjpeg ? { quality, mozjpeg: true } : { quality, optimiseCoding: true })
    .toBuffer();
}

/** The photo check alone (no database): the real function, then its sharp steps with each encoder. */
export async function photoBreakdown(photo: Buffer, iterations: number): Promise<StepTiming[]> {
  const base64 = photo.toString('base64');
  const cleaned = await encode(photo, cleanedLongestSide, 85, false);
  return timeSteps(
    [
      { step: 'photo check, whole (`inspectUploadedPhotos`: base64, type sniff, sharp, as the server runs it)', run: () => inspectUploadedPhotos([{ data: base64 }]) },
      { step: '  header + EXIF (`sharp().metadata()`)', run: () => sharp(photo).metadata() },
      { step: `  cleaned copy (≤ ${cleanedLongestSide} px, q85), libjpeg-turbo + optimiseCoding`, run: () => encode(photo, cleanedLongestSide, 85, false) },
      { step: `  cleaned copy (≤ ${cleanedLongestSide} px, q85), mozjpeg`, run: () => encode(photo, cleanedLongestSide, 85, true) },
      { step: `  thumbnail (${thumbnailLongestSide} px, q80), libjpeg-turbo + optimiseCoding`, run: () => encode(cleaned, thumbnailLongestSide, 80, false) },
      { step: `  thumbnail (${thumbnailLongestSide} px, q80), mozjpeg`, run: () => encode(cleaned, thumbnailLongestSide, 80, true) },
    ],
    iterations,
  );
}

export interface StatementShare {
  label: string;
  perIntake: number;
  msPerIntake: number;
}

export interface DatabaseBreakdown {
  steps: StepTiming[];
  /** Cases the breakdown wrote (warm-up included), so the suite can check every write stored one case. */
  writes: number;
  /** The write transaction alone (photo already checked) from N concurrent writers: the ceiling without sharp. */
  concurrent: ConcurrentWrites[];
  /** The write transaction's statements, and the time from taking the chain head to COMMIT's end. */
  statements?: StatementShare[];
  chainHeadHeld?: Summary;
}

async function inspectorActor(database: Database): Promise<Actor> {
  const [user] = await database.query<{ id: string; display_name: string; scope_region: string }>(
    "select id, display_name, scope_region from app_user where login_id = 'inspector.xiayang'",
  );
  if (!user) throw new Error('the demo inspector inspector.xiayang is missing');
  return { kind: 'user', id: user.id, username: 'inspector.xiayang', displayName: user.display_name, roles: ['inspector'], permissions: new Set(['cases.read', 'cases.report', 'cases.verify']), scopeRegion: user.scope_region, department: null, sessionId: null };
}

/** The database side of one intake, with the server's functions on the server's database (server stopped). */
export async function databaseBreakdown(
  database: Database,
  body: Record<string, unknown> & { photos: Array<{ data: string }> },
  { iterations, clients, seconds, databaseUrl }: { iterations: number; clients: readonly number[]; seconds: number; databaseUrl?: string },
): Promise<DatabaseBreakdown> {
  const actor = await inspectorActor(database);
  const ctx = { ...benchCtx(database), actor };
  const input = { ...(body as unknown as Parameters<typeof checkReport>[1]), channel: 'patrol' as const };
  const photos = await inspectUploadedPhotos(body.photos);
  const checked = await checkReport(ctx, input, photos);
  const writeOnce = () => runIdempotent(ctx, { scope: `cases.report:${actor.id}`, key: `bench-${randomUUID()}`, body }, async (t) => ({ statusCode: 201, body: await storeReport(t, checked) }));
  const timing = installStatementTiming(database);
  const transactions: TimedStatement[][] = [];
  try {
    const write = async () => {
      timing.start();
      await writeOnce();
      transactions.push(timing.stop());
    };
    const steps = await timeSteps(
      [
        { step: 'checks that read the database (`checkReport` with the photo already checked: category, policy, region)', run: () => checkReport(ctx, input, photos) },
        { step: 'write transaction (`runIdempotent` + `storeReport`: case, photo, timeline, audit, outbox, duplicate search, idempotency record)', run: write },
      ],
      iterations,
    );
    const concurrent: ConcurrentWrites[] = [];
    for (const n of clients) concurrent.push(await concurrentWrites(writeOnce, n, seconds, databaseUrl));
    const writes = iterations + warmupSteps + concurrent.reduce((a, c) => a + c.writes, 0);
    return { steps, writes, concurrent, ...statementShares(transactions.slice(-iterations)) };
  } finally {
    timing.uninstall();
  }
}

function statementShares(transactions: TimedStatement[][]): Pick<DatabaseBreakdown, 'statements' | 'chainHeadHeld'> {
  const byLabel = new Map<string, { n: number; ms: number }>();
  const held: number[] = [];
  for (const statements of transactions) {
    for (const s of statements) {
      const entry = byLabel.get(s.label) ?? { n: 0, ms: 0 };
      entry.n++;
      entry.ms += s.endMs - s.startMs;
      byLabel.set(s.label, entry);
    }
    // The audit chain head an intake takes: `with … from audit_chain_head … for update skip locked` (one of the county's chains).
    const lock = statements.find((s) => s.label.endsWith('audit_chain_head for update'));
    const commit = statements.findLast((s) => s.label === 'commit');
    if (lock && commit) held.push(commit.endMs - lock.startMs);
  }
  const n = transactions.length;
  const statements = [...byLabel].map(([label, e]) => ({ label, perIntake: e.n / n, msPerIntake: e.ms / n })).sort((a, b) => b.msPerIntake - a.msPerIntake);
  return { statements, ...(held.length ? { chainHeadHeld: summarize(held) } : {}) };
}

export interface ConcurrentWrites {
  clients: number;
  perSecond: number;
  latency: Summary;
  writes: number;
  observed: RunObservation;
}

/**
 * `clients` writers calling the intake's write transaction in a loop for `seconds` (the database's pool must
 * hold that many connections): what intake could reach if the photo work left the request.
 */
async function concurrentWrites(writeOnce: () => Promise<unknown>, clients: number, seconds: number, databaseUrl: string | undefined): Promise<ConcurrentWrites> {
  const latencies: number[] = [];
  let writes = 0;
  const watch = await observe(undefined, databaseUrl);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await writeOnce();
        writes++;
        if (performance.now() <= deadline) latencies.push(performance.now() - t);
      }
    }),
  );
  const observed = await watch.finish();
  return { clients, perSecond: latencies.length / seconds, latency: summarize(latencies), writes, observed };
}
