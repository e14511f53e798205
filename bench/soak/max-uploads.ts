// Memory under parallel maximum-size photo uploads: N inspectors' phones each send a photo as large as the
// server takes (just under defaultPhotoLimits.maxBytes, within its pixel limit) at once, for a few rounds; the
// server's RSS, with its photo worker process's (server/platform/files/photo-worker.ts), is sampled every 100 ms
// (the peak) and read before, after each round and after it settles. Memory is flat when the RSS after the last
// round is less than 10 % above the RSS after round 2 (round 1 is the working set being built, not growth).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { defaultPhotoLimits } from '../../server/platform/files/image.ts';
import { gpsTags } from '../../server/platform/files/image.fixtures.ts';
import { agentFrom, send } from './soak-http.ts';
import { rssOf, type SoakServer } from './soak-server.ts';

/** A JPEG of noise (which does not compress) just under the byte limit: the largest photo the server accepts. */
export async function largestAcceptedPhoto(): Promise<{ photo: Buffer; width: number; height: number }> {
  const limit = defaultPhotoLimits.maxBytes;
  let width = 4000;
  for (let attempt = 0; attempt < 8; attempt++) {
    const height = Math.round((width * 3) / 4);
    const raw = await sharp({
      create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } },
    })
      .withExifMerge({ IFD3: gpsTags(26.489, 113.772) })
      .jpeg({ quality: 80 })
      .toBuffer();
    if (raw.length <= limit && raw.length > limit * 0.9) return { photo: raw, width, height };
    // Bytes grow with the pixel count: scale both sides by the square root of the ratio, aiming at 95 % of the limit.
    width = Math.floor(width * Math.sqrt((limit * 0.95) / raw.length));
    if (width * Math.round((width * 3) / 4) > defaultPhotoLimits.maxPixels)
      width = Math.floor(Math.sqrt((defaultPhotoLimits.maxPixels * 4) / 3));
  }
  throw new Error('could not make a photo just under the upload limit');
}

/** The flatness rule: RSS after the last round at most this much above the RSS after round 2. */
export const flatGrowthLimit = 0.1;

/** The parent process id of `pid`, from /proc (undefined when it has gone). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): state, then the parent's id.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * RSS (MB) of the server's child processes: the photo worker while one runs (and one retiring, briefly), and
 * tsx's esbuild service (about 18 MB, there before this change too).
 */
export function childrenRssOf(pid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || parentOf(Number(entry)) !== pid) continue;
    try {
      total += rssOf(Number(entry)) || 0; // NaN: exited, a zombie without VmRSS until reaped
    } catch {
      // it exited between the listing and the read
    }
  }
  return total;
}

export interface FlatVerdict {
  /** Growth from round 2 to the last round, as a fraction of round 2 (null with fewer than 3 rounds). */
  growth: number | null;
  flat: boolean | null;
}

export function flatVerdict(afterRound: readonly number[]): FlatVerdict {
  const second = afterRound[1];
  const last = afterRound[afterRound.length - 1];
  if (afterRound.length < 3 || second === undefined || last === undefined) return { growth: null, flat: null };
  const growth = (last - second) / second;
  return { growth, flat: growth < flatGrowthLimit };
}

export interface UploadMemory {
  photoBytes: number;
  width: number;
  height: number;
  parallel: number;
  rounds: number;
  uploaded: number;
  errors: number;
  firstError?: string;
  /** Server and photo worker together, MB. */
  rssBeforeMb: number;
  rssAfterRoundMb: number[];
  rssPeakMb: number;
  rssSettledMb: number;
  /** The photo worker's share of rssAfterRoundMb, and after settling. */
  workerRssAfterRoundMb: number[];
  workerRssSettledMb: number;
  /** External memory (Buffers) of the server's JavaScript after each round, MB. */
  externalAfterRoundMb: number[];
  flat: FlatVerdict;
  heapUsedBeforeMb: number;
  heapUsedSettledMb: number;
  /** Median time of one upload, ms (the server decodes and re-encodes each: the photo check). */
  uploadMsMedian: number;
}

export async function uploadMemory(
  server: SoakServer,
  inspector: Record<string, string>,
  options: { parallel: number; rounds: number; settleMs: number },
): Promise<UploadMemory> {
  const { photo, width, height } = await largestAcceptedPhoto();
  const agent = agentFrom(undefined, options.parallel);
  const before = server.memory();
  const totalRss = () => rssOf(server.pid) + childrenRssOf(server.pid);
  const rssBefore = totalRss();
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, totalRss());
  }, 100);
  const afterRound: number[] = [];
  const workerAfterRound: number[] = [];
  const externalAfterRound: number[] = [];
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  try {
    for (let round = 0; round < options.rounds; round++) {
      await Promise.all(
        Array.from({ length: options.parallel }, async () => {
          try {
            const answer = await send(agent, server.url, 'POST', '/api/cases/photo-uploads', {
              headers: { ...inspector, 'content-type': 'image/jpeg', 'idempotency-key': `soak-upload-${randomUUID()}` },
              body: photo,
            });
            if (answer.status === 201) times.push(answer.ms);
            else {
              errors++;
              firstError ??= `${answer.status} ${answer.body.slice(0, 300)}`;
            }
          } catch (error) {
            errors++;
            firstError ??= (error as Error).message;
          }
        }),
      );
      workerAfterRound.push(childrenRssOf(server.pid));
      afterRound.push(rssOf(server.pid) + (workerAfterRound.at(-1) ?? 0));
      externalAfterRound.push(server.memory().externalMb);
    }
    await new Promise((r) => setTimeout(r, options.settleMs));
  } finally {
    clearInterval(sampler);
    agent.destroy();
  }
  const settled = server.memory();
  const workerSettled = childrenRssOf(server.pid);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    photoBytes: photo.length,
    width,
    height,
    parallel: options.parallel,
    rounds: options.rounds,
    uploaded: times.length,
    errors,
    ...(firstError ? { firstError } : {}),
    rssBeforeMb: rssBefore,
    rssAfterRoundMb: afterRound,
    rssPeakMb: peak,
    rssSettledMb: settled.rssMb + workerSettled,
    workerRssAfterRoundMb: workerAfterRound,
    workerRssSettledMb: workerSettled,
    externalAfterRoundMb: externalAfterRound,
    flat: flatVerdict(afterRound),
    heapUsedBeforeMb: before.heapUsedMb,
    heapUsedSettledMb: settled.heapUsedMb,
    uploadMsMedian: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
  };
}
