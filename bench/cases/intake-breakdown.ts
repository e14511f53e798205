// Where one intake's time goes, measured step by step with the server's own functions, one request at a time
// on an otherwise idle server: the photo check (sharp), the checks that read the database, and the write
// transaction; on PostgreSQL also every statement of that transaction and how long it holds the audit chain.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { inspectUploadedPhotos } from '../../server/modules/cases/case-photos.ts';
import { checkReport, storeReport } from '../../server/modules/cases/report-case.ts';
import type { Actor } from '../../server/platform/context.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { runIdempotent } from '../../server/platform/delivery/idempotency.ts';
import { cleanedLongestSide, thumbnailLongestSide } from '../../server/platform/files/image.ts';
import { benchCtx } from '../lib/engines.ts';
import { type Summary, summarize } from '../lib/stats.ts';
import { intakeBody } from './intake-runs.ts';
import { observe, type RunObservation } from './observe.ts';
import { copyStagedUpload, dropUnused, UploadPool } from './staged-pool.ts';
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
      {
        step: 'photo check, whole (`inspectUploadedPhotos`: base64, type sniff, sharp, as the server runs it)',
        run: () => inspectUploadedPhotos([{ data: base64 }]),
      },
      { step: '  header + EXIF (`sharp().metadata()`)', run: () => sharp(photo).metadata() },
      {
        step: `  cleaned copy (≤ ${cleanedLongestSide} px, q85), libjpeg-turbo + optimiseCoding`,
        run: () => encode(photo, cleanedLongestSide, 85, false),
      },
      {
        step: `  cleaned copy (≤ ${cleanedLongestSide} px, q85), mozjpeg`,
        run: () => encode(photo, cleanedLongestSide, 85, true),
      },
      {
        step: `  thumbnail (${thumbnailLongestSide} px, q80), libjpeg-turbo + optimiseCoding`,
        run: () => encode(cleaned, thumbnailLongestSide, 80, false),
      },
      {
        step: `  thumbnail (${thumbnailLongestSide} px, q80), mozjpeg`,
        run: () => encode(cleaned, thumbnailLongestSide, 80, true),
      },
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
  /** Checks + write transaction (photo staged) from N concurrent writers in the bench process: the ceiling without HTTP. */
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
  return {
    kind: 'user',
    id: user.id,
    username: 'inspector.xiayang',
    displayName: user.display_name,
    roles: ['inspector'],
    permissions: new Set(['cases.read', 'cases.report', 'cases.verify']),
    scopeRegion: user.scope_region,
    department: null,
    sessionId: null,
  };
}

/**
 * The database side of one intake, with the server's functions on the server's database (server stopped). Each
 * write names its own copy of the staged photo `templateId`, as the API runs do.
 */
export async function databaseBreakdown(
  database: Database,
  templateId: string,
  options: {
    iterations: number;
    clients: readonly number[];
    seconds: number;
    maxWritesPerRun: number;
    databaseUrl?: string;
  },
): Promise<DatabaseBreakdown> {
  const { iterations, clients, seconds, maxWritesPerRun, databaseUrl } = options;
  const actor = await inspectorActor(database);
  const ctx = { ...benchCtx(database), actor };
  const steps = await stagedSteps(database, templateId, 2 * (iterations + warmupSteps));
  const inputFor = (uploadId: string) => ({
    ...(JSON.parse(intakeBody(0, { uploadId })) as Parameters<typeof checkReport>[1]),
    channel: 'patrol' as const,
  });
  const writeOnce = async (uploadId: string) => {
    const input = inputFor(uploadId);
    const checked = await checkReport(ctx, input);
    return runIdempotent(
      ctx,
      { scope: `cases.report:${actor.id}`, key: `bench-${randomUUID()}`, body: input },
      async (t) => ({ statusCode: 201, body: await storeReport(t, checked) }),
    );
  };
  const timing = installStatementTiming(database);
  const transactions: TimedStatement[][] = [];
  try {
    // Checked ahead (reads only), so the step times the transaction alone.
    const ready = await Promise.all(
      Array.from({ length: iterations + warmupSteps }, async () => {
        const input = inputFor(steps.take());
        return { input, checked: await checkReport(ctx, input) };
      }),
    );
    const write = async () => {
      const { input, checked } = ready.shift()!;
      timing.start();
      await runIdempotent(
        ctx,
        { scope: `cases.report:${actor.id}`, key: `bench-${randomUUID()}`, body: input },
        async (t) => ({ statusCode: 201, body: await storeReport(t, checked) }),
      );
      transactions.push(timing.stop());
    };
    const timed = await timeSteps(
      [
        {
          step: 'checks that read the database (`checkReport`: category, policy, region, the staged photo’s owner and expiry)',
          run: () => checkReport(ctx, inputFor(steps.peek())),
        },
        {
          step: 'write transaction (`runIdempotent` + `storeReport`: case, staged photo moved in, timeline, audit, outbox, duplicate search, idempotency record)',
          run: write,
        },
      ],
      iterations,
    );
    const concurrent: ConcurrentWrites[] = [];
    for (const n of clients) {
      const pool = new UploadPool(await copyStagedUpload(database, templateId, maxWritesPerRun));
      concurrent.push(await concurrentWrites(pool, writeOnce, n, seconds, databaseUrl));
      await dropUnused(database, pool.unused());
    }
    const writes = iterations + warmupSteps + concurrent.reduce((a, c) => a + c.writes, 0);
    return { steps: timed, writes, concurrent, ...statementShares(transactions.slice(-iterations)) };
  } finally {
    timing.uninstall();
  }
}

/** Ids for the sequential steps: `peek` for the read-only check (nothing consumed), `take` for a write. */
async function stagedSteps(database: Database, templateId: string, count: number) {
  const ids = await copyStagedUpload(database, templateId, count);
  let next = 0;
  return {
    peek: () => ids[next] as string,
    take: () => {
      const id = ids[next++];
      if (!id) throw new Error('the breakdown ran out of staged photos');
      return id;
    },
  };
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
  const statements = [...byLabel]
    .map(([label, e]) => ({ label, perIntake: e.n / n, msPerIntake: e.ms / n }))
    .sort((a, b) => b.msPerIntake - a.msPerIntake);
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
 * `clients` writers running the intake's checks and write transaction in a loop (no HTTP) for `seconds` or
 * until the pool of staged photos is used up (the rate is then over the time it took): what intake could reach
 * without the HTTP layer. The database's pool must hold that many connections.
 */
async function concurrentWrites(
  pool: UploadPool,
  writeOnce: (uploadId: string) => Promise<unknown>,
  clients: number,
  seconds: number,
  databaseUrl: string | undefined,
): Promise<ConcurrentWrites> {
  const latencies: number[] = [];
  let writes = 0;
  const watch = await observe(undefined, databaseUrl);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let id = pool.take(); id !== undefined && performance.now() < deadline; id = pool.take()) {
        const t = performance.now();
        await writeOnce(id);
        writes++;
        if (performance.now() <= deadline) latencies.push(performance.now() - t);
      }
    }),
  );
  const observed = await watch.finish();
  const elapsed = (Math.min(performance.now(), deadline) - started) / 1000;
  return { clients, perSecond: latencies.length / elapsed, latency: summarize(latencies), writes, observed };
}
