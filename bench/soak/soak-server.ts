// The soak's server: the real `wenming serve --demo` on a fresh PostgreSQL database, as live-server.ts starts
// it, with memory-probe.mjs preloaded so the heap can be read from outside; RSS comes from /proc.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/config.ts';
import { childEnv, freePort, type Started, startAndWaitForUrl, stop } from '../lib/proc.ts';

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
  stop(): Promise<void>;
}

const mb = (bytes: number) => bytes / 1_048_576;

/** Resident set size of a process from /proc (MB). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** `preload`: more modules to import into the server process first (the capacity suite's statement naming). */
export async function startSoakServer(
  databaseUrl: string,
  dataDir: string,
  preload: readonly string[] = [],
): Promise<SoakServer> {
  const port = await freePort();
  const probeFile = path.join(dataDir, 'memory.json');
  const env = childEnv({
    NODE_ENV: undefined,
    WENMING_PGLITE_DIR: undefined,
    WENMING_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    WENMING_MEMORY_PROBE: probeFile,
  });
  const url = `http://127.0.0.1:${port}`;
  const probe = path.join(projectRoot, 'bench', 'soak', 'memory-probe.mjs');
  const wenming = path.join(projectRoot, 'bin', 'wenming.js');
  const started = await startAndWaitForUrl(
    {
      command: process.execPath,
      args: [
        '--import',
        probe,
        ...preload.flatMap((p) => ['--import', p]),
        wenming,
        'serve',
        '--demo',
        '--port',
        String(port),
      ],
      cwd: projectRoot,
      env,
    },
    `${url}/readyz`,
    { timeoutMs: 300_000 },
  );
  const pid = started.child.pid ?? 0;
  return {
    url,
    pid,
    started,
    memory() {
      const heap = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as {
        heapUsed: number;
        heapTotal: number;
        external: number;
      };
      return {
        rssMb: rssOf(pid),
        heapUsedMb: mb(heap.heapUsed),
        heapTotalMb: mb(heap.heapTotal),
        externalMb: mb(heap.external),
      };
    },
    stop: () => stop(started.child),
  };
}
