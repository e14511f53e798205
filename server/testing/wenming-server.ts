import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { childEnv, type Finished, kill, runToEnd, type Started, startAndWaitForUrl, stop } from './child-process.ts';
import { freePort } from './free-port.ts';

/**
 * The one launcher of a real `wenming` process for the e2e app, the benches and the reliability suites: the
 * command an operator runs (bin/wenming.js), in the environment an operator gives it, ready when `/readyz`
 * answers 200, stopped with SIGTERM then SIGKILL, or killed outright for a crash test.
 */
export const wenmingEntry = path.join(projectRoot, 'bin', 'wenming.js');

/** Where a `wenming` process keeps its data: a PGlite folder, or a PostgreSQL database (the folder then holds keys). */
export interface WenmingData {
  dataDir: string;
  databaseUrl?: string | undefined;
}

/** The test runner's settings, which an operator's `wenming` never sees (NODE_ENV=test would silence its log). */
const runnerSettings = [
  'NODE_ENV',
  'WENMING_PGLITE_DIR',
  'DATABASE_URL',
  'WENMING_TEST_ENGINE',
  'VITEST',
  'VITEST_POOL_ID',
];

/** This machine's environment less the runner's settings, with the data's place and `overrides` (undefined removes). */
export function operatorEnv(data: WenmingData, overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return childEnv({
    ...Object.fromEntries(runnerSettings.map((name) => [name, undefined])),
    WENMING_DATA_DIR: data.dataDir,
    DATABASE_URL: data.databaseUrl,
    ...overrides,
  });
}

export interface LaunchOptions extends WenmingData {
  /** `serve --demo` at this scale (WENMING_SEED_SCALE): the demo county on an empty database. Unset: no seed. */
  demo?: 'small' | 'county';
  /** A fixed port (a restarted server keeps its clients' address); a free one otherwise. */
  port?: number;
  env?: Record<string, string | undefined>;
  /** Flags for node before `wenming`: preloaded modules (`--import` a memory probe, statement naming), `--expose-gc`. */
  nodeArgs?: readonly string[];
  readyTimeoutMs?: number;
}

export interface WenmingServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Spawn to ready, and the output's tail. */
  readonly started: Started;
  output(): string;
  /** SIGTERM (a clean close of the database), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no shutdown hook runs, the database is not closed. */
  kill(): Promise<void>;
}

export async function launchWenming(options: LaunchOptions): Promise<WenmingServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env = operatorEnv(options, { ...(options.demo ? { WENMING_SEED_SCALE: options.demo } : {}), ...options.env });
  const args = [
    ...(options.nodeArgs ?? []),
    wenmingEntry,
    'serve',
    ...(options.demo ? ['--demo'] : []),
    '--port',
    String(port),
  ];
  const started = await startAndWaitForUrl(
    { command: process.execPath, args, cwd: projectRoot, env },
    `${url}/readyz`,
    {
      timeoutMs: options.readyTimeoutMs ?? 180_000,
    },
  );
  const { child } = started;
  return {
    url,
    port,
    pid: child.pid ?? 0,
    child,
    started,
    output: started.output,
    stop: (graceMs = 20_000) => stop(child, graceMs),
    kill: () => kill(child),
  };
}

/** A `wenming` command (backup, restore, audit verify, …) on `data`, run to its end. */
export function runWenming(
  data: WenmingData,
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<Finished> {
  const env = operatorEnv(data, options.env);
  return runToEnd(
    { command: process.execPath, args: [wenmingEntry, ...args], cwd: projectRoot, env },
    options.timeoutMs ?? 300_000,
  );
}
