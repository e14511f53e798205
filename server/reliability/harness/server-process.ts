import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { projectRoot } from '../../config.ts';

const wenming = path.join(projectRoot, 'bin', 'wenming.js');

/** Where the server under test keeps its data: a PGlite folder, or a PostgreSQL database (the folder then holds keys). */
export interface ServerTarget {
  engine: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
}

/** The environment an operator would give `wenming`: the target's data, none of the test runner's settings. */
export function targetEnv(target: ServerTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WENMING_DATA_DIR: target.dataDir };
  for (const name of [
    'NODE_ENV',
    'WENMING_PGLITE_DIR',
    'DATABASE_URL',
    'WENMING_TEST_ENGINE',
    'VITEST',
    'VITEST_POOL_ID',
  ])
    delete env[name];
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  return env;
}

export interface RunningServer {
  readonly child: ChildProcess;
  readonly url: string;
  /** Output tail, to explain a failure. */
  output(): string;
}

/**
 * `wenming serve --demo` on a fixed port (the same across restarts, so clients keep their address), waited for
 * until `/readyz` answers 200. `--demo` only for the staff accounts; the load does not depend on the demo data.
 */
export async function startServer(target: ServerTarget, port: number, timeoutMs = 120_000): Promise<RunningServer> {
  const child = spawn(process.execPath, [wenming, 'serve', '--demo', '--port', String(port)], {
    cwd: projectRoot,
    env: targetEnv(target),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-6000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`wenming serve exited (${child.exitCode ?? child.signalCode}) before ready:\n${tail}`);
    if ((await statusOf(`${url}/readyz`)) === 200) return { child, url, output: () => tail };
    await sleep(50);
  }
  await killServer(child);
  throw new Error(`wenming serve not ready after ${timeoutMs} ms:\n${tail}`);
}

/** SIGKILL: no shutdown hook runs, the database is not closed, requests in flight are cut. */
export async function killServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** SIGTERM (a clean close of the database), SIGKILL if it has not exited after `graceMs`. */
export async function stopServer(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A `wenming` command (backup, restore, audit verify) on the target, run to its end. */
export function runWenming(target: ServerTarget, args: readonly string[], timeoutMs = 300_000): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, [wenming, ...args], {
    cwd: projectRoot,
    env: targetEnv(target),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString('utf8')).slice(-20_000);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** One GET on a fresh connection; a refused or reset connection is 0 ("not yet"). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
