// Memory under parallel maximum-size photo uploads: N inspectors' phones each send a photo as large as the
// server takes (just under defaultPhotoLimits.maxBytes, within its pixel limit) at once, for a few rounds; the
// server's RSS is sampled every 100 ms (the peak) and read before, after each round and after it settles.
import { randomUUID } from 'node:crypto';
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

export interface UploadMemory {
  photoBytes: number;
  width: number;
  height: number;
  parallel: number;
  rounds: number;
  uploaded: number;
  errors: number;
  firstError?: string;
  rssBeforeMb: number;
  rssAfterRoundMb: number[];
  rssPeakMb: number;
  rssSettledMb: number;
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
  let peak = before.rssMb;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(server.pid));
  }, 100);
  const afterRound: number[] = [];
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
      afterRound.push(rssOf(server.pid));
    }
    await new Promise((r) => setTimeout(r, options.settleMs));
  } finally {
    clearInterval(sampler);
    agent.destroy();
  }
  const settled = server.memory();
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
    rssBeforeMb: before.rssMb,
    rssAfterRoundMb: afterRound,
    rssPeakMb: peak,
    rssSettledMb: settled.rssMb,
    heapUsedBeforeMb: before.heapUsedMb,
    heapUsedSettledMb: settled.heapUsedMb,
    uploadMsMedian: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
  };
}
