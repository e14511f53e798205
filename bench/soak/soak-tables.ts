// The soak's tables: per window p50/p99, errors and memory; per request kind; and the upload memory check.
import type { Table } from '../lib/report.ts';
import { ms } from '../lib/stats.ts';
import { flatGrowthLimit, type UploadMemory } from './max-uploads.ts';
import type { SoakSizes } from './soak.bench.ts';
import type { ClosedLoopResult, SoakResult } from './soak-run.ts';

const mb = (v: number) => v.toFixed(0);

export function soakTables(
  sizes: SoakSizes,
  capacity: ClosedLoopResult,
  soak: SoakResult,
  uploads: UploadMemory,
): { tables: Table[]; notes: string[] } {
  const windows: Table = {
    title: `The soak, window by window (${sizes.windowSeconds} s each, at ${soak.rate.toFixed(1)} operations/s)`,
    headers: ['from s', 'operations', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms', 'RSS MB', 'heap used MB'],
    rows: [
      ['start', '', '', '', '', '', '', mb(soak.memoryStart.rssMb), mb(soak.memoryStart.heapUsedMb)],
      ...soak.windows.map((w) => [
        String(w.from),
        String(w.operations),
        String(w.requests),
        String(w.errors),
        ms(w.latency.p50),
        ms(w.latency.p99),
        ms(w.latency.max),
        mb(w.memory.rssMb),
        mb(w.memory.heapUsedMb),
      ]),
      ['end', '', '', '', '', '', '', mb(soak.memoryEnd.rssMb), mb(soak.memoryEnd.heapUsedMb)],
    ],
  };
  const requests: Table = {
    title: 'Each kind of request over the whole soak',
    headers: ['request', 'answered', 'errors', 'p50 ms', 'p99 ms', 'max ms'],
    rows: Object.entries(soak.byRequest).map(([kind, s]) => [
      kind,
      String(s.n),
      String(s.errors),
      ms(s.p50),
      ms(s.p99),
      ms(s.max),
    ]),
  };
  const upload: Table = {
    title: `Memory under ${uploads.parallel} parallel maximum-size photo uploads × ${uploads.rounds} rounds`,
    headers: [
      'photo',
      'uploaded',
      'errors',
      'median ms',
      'RSS before MB',
      'RSS after each round MB',
      'of which photo worker MB',
      'RSS peak MB',
      'RSS settled MB',
      'heap used before → settled MB',
      'flat',
    ],
    rows: [
      [
        `${(uploads.photoBytes / 1_048_576).toFixed(2)} MiB JPEG, ${uploads.width}×${uploads.height}`,
        String(uploads.uploaded),
        String(uploads.errors),
        ms(uploads.uploadMsMedian),
        mb(uploads.rssBeforeMb),
        uploads.rssAfterRoundMb.map(mb).join(', '),
        uploads.workerRssAfterRoundMb.map(mb).join(', '),
        mb(uploads.rssPeakMb),
        mb(uploads.rssSettledMb),
        `${mb(uploads.heapUsedBeforeMb)} → ${mb(uploads.heapUsedSettledMb)}`,
        flatCell(uploads),
      ],
    ],
  };
  const first = soak.windows[0];
  const last = soak.windows[soak.windows.length - 1];
  const notes = [
    `Capacity of the mix (closed loop, ${capacity.clients} workers, ${capacity.seconds} s): ${capacity.operationsPerSecond.toFixed(1)} operations/s (${capacity.errors} errors); the soak ran at ${(sizes.load * 100).toFixed(0)} % of it, ${soak.rate.toFixed(1)} operations/s, for ${soak.seconds} s${sizes.soakSeconds < 600 ? ' (a short run, not the 10 minutes of the full soak)' : ''}.`,
    `Errors: ${soak.errors} in the soak${soak.errorSamples.length ? ` (${soak.errorSamples.join(' | ')})` : ''}; ${soak.skipped} operations skipped because 256 were still running.`,
    first && last
      ? `p99 first window ${ms(first.latency.p99)} ms, last ${ms(last.latency.p99)} ms; RSS ${mb(soak.memoryStart.rssMb)} → ${mb(soak.memoryEnd.rssMb)} MB, heap used ${mb(soak.memoryStart.heapUsedMb)} → ${mb(soak.memoryEnd.heapUsedMb)} MB (start after the warm-up).`
      : 'No windows.',
    `Upload limit: ${(uploads.photoBytes / 1_048_576).toFixed(2)} MiB sent against the server's ${'10 MiB'} (defaultPhotoLimits.maxBytes); RSS of the server and its photo worker ${mb(uploads.rssBeforeMb)} MB before, peak ${mb(uploads.rssPeakMb)} MB, ${mb(uploads.rssSettledMb)} MB after the last round settled. Flat means RSS after the last round less than ${flatGrowthLimit * 100} % above RSS after round 2: ${flatCell(uploads)}.`,
  ];
  return { tables: [windows, requests, upload], notes };
}

function flatCell(uploads: UploadMemory): string {
  const { growth, flat } = uploads.flat;
  if (growth === null) return `not judged (${uploads.rounds} rounds; needs 3)`;
  return `${flat ? 'yes' : 'no'} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % from round 2)`;
}
