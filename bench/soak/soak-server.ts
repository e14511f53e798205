// The soak's server: the real `wenming serve` on a PostgreSQL database, started by the shared launcher
// (server/testing/wenming-server.ts) with memory-probe.mjs preloaded so the heap can be read from outside; RSS
// comes from /proc.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/config.ts';
import { type Started, sleep } from '../../server/testing/child-process.ts';
import { launchWenming } from '../../server/testing/wenming-server.ts';

export interface MemoryReading {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export interface SoakServer {
  url: string;
  pid: number;
  started: Started;
  memory(): MemoryReading;
  /** After a full garbage collection in the server: the memory it keeps, not what it has yet to collect. */
  memoryAfterCollection(): Promise<MemoryReading>;
  stop(): Promise<void>;
}

/** What memory-probe.mjs writes every second. */
interface ProbeReading {
  at: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

const probe = path.join(projectRoot, 'bench', 'soak', 'memory-probe.mjs');
const collectOnSignal = path.join(projectRoot, 'bench', 'soak', 'collect-on-signal.mjs');

/** The probe's first reading written after `since` (ms since the epoch); it writes every second. */
async function probeAfter(read: () => ProbeReading, since: number): Promise<ProbeReading> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const reading = read();
    if (reading.at > since) return reading;
    if (Date.now() > deadline) throw new Error('the memory probe stopped writing');
    await sleep(100);
  }
}

const mb = (bytes: number) => bytes / 1_048_576;

/** Resident set size of a process from /proc (MB). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * `preload`: more modules to import into the server process first (the capacity suite's statement naming).
 * `demo`: the demo county (`serve --demo`) on a fresh database, or none for a database seeded beforehand.
 */
export async function startSoakServer(
  databaseUrl: string,
  dataDir: string,
  preload: readonly string[] = [],
  { demo = 'county' }: { demo?: 'county' | 'none' } = {},
): Promise<SoakServer> {
  const probeFile = path.join(dataDir, 'memory.json');
  const readProbe = () => JSON.parse(fs.readFileSync(probeFile, 'utf8')) as ProbeReading;
  const reading = (heap: ProbeReading): MemoryReading => ({
    rssMb: rssOf(server.pid),
    heapUsedMb: mb(heap.heapUsed),
    heapTotalMb: mb(heap.heapTotal),
    externalMb: mb(heap.external),
  });
  const server = await launchWenming({
    dataDir,
    databaseUrl,
    ...(demo === 'county' ? { demo } : {}),
    env: { WENMING_MEMORY_PROBE: probeFile },
    nodeArgs: ['--expose-gc', ...[probe, collectOnSignal, ...preload].flatMap((module) => ['--import', module])],
    readyTimeoutMs: 300_000,
  });
  return {
    url: server.url,
    pid: server.pid,
    started: server.started,
    memory: () => reading(readProbe()),
    async memoryAfterCollection() {
      process.kill(server.pid, 'SIGUSR2');
      // The probe writes every second: its second reading after the signal comes after the collection ran.
      const first = await probeAfter(readProbe, Date.now());
      return reading(await probeAfter(readProbe, first.at));
    },
    stop: () => server.stop(15_000),
  };
}
