import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';

/**
 * Child processes of tests and benchmarks: spawned with their output kept (the tail explains a failure), waited
 * for until a URL answers, stopped with SIGTERM then SIGKILL, or killed outright. One copy for the e2e app, the
 * benches and the reliability harness (`wenming-server.ts` starts `wenming serve` with it).
 */
export interface Command {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface Started {
  child: ChildProcess;
  /** Milliseconds from spawn until the URL answered 200. */
  readyMs: number;
  /** Milliseconds from spawn until the first output line matching each mark's pattern. */
  marks: Record<string, number>;
  /** The last few KB of stdout and stderr. */
  output(): string;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Children still running, so an interrupted run can end them (`killAllChildren`). */
const live = new Set<ChildProcess>();

/** Kills every child still running; synchronous so an exit or signal handler can call it. */
export function killAllChildren(): void {
  for (const child of live) if (isRunning(child)) child.kill('SIGKILL');
  live.clear();
}

/** The parent's environment with overrides; an `undefined` override removes the variable (e.g. DATABASE_URL). */
export function childEnv(overrides: Record<string, string | undefined>, base = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function spawnPiped(cmd: Command): ChildProcess {
  const child = spawn(cmd.command, cmd.args, {
    cwd: cmd.cwd,
    env: cmd.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Keeps the last few KB of a child's output: enough to explain a failure, bounded for chatty servers. */
function captureOutput(child: ChildProcess, onLine: (line: string) => void): () => string {
  let tail = '';
  let partial = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-8000);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => tail;
}

/**
 * Spawns `cmd` and polls `url` until it answers 200. The clock starts just before spawn, so the figure is what
 * an operator waits for: process start, module loading, database preparation and listen. On failure (exit, or
 * not ready in time) the child is stopped and the error carries its output's tail.
 */
export async function startAndWaitForUrl(
  cmd: Command,
  url: string,
  options: { timeoutMs?: number; marks?: Record<string, RegExp> } = {},
): Promise<Started> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const marks: Record<string, number> = {};
  const started = performance.now();
  const child = spawnPiped(cmd);
  const output = captureOutput(child, (line) => {
    for (const [name, pattern] of Object.entries(options.marks ?? {}))
      if (marks[name] === undefined && pattern.test(line)) marks[name] = performance.now() - started;
  });
  try {
    while (performance.now() < started + timeoutMs) {
      if (!isRunning(child)) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before ready`);
      if ((await httpStatus(url)) === 200) return { child, readyMs: performance.now() - started, marks, output };
      await sleep(25);
    }
    throw new Error(`not ready after ${timeoutMs} ms`);
  } catch (error) {
    await stop(child, 5_000);
    throw new Error(
      `${cmd.command} ${cmd.args.join(' ')}: ${(error as Error).message}\n--- output tail ---\n${output()}`,
    );
  }
}

/** One GET on a fresh socket (no keep-alive hides a restart); a refused or reset connection is 0, "not yet". */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

/** SIGTERM (a server closes its database cleanly), then SIGKILL if it has not exited within `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** SIGKILL, resolved once the process is gone: no shutdown hook runs, requests in flight are cut. */
export async function kill(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Runs a command to its end (SIGKILL after `timeoutMs`), timed from spawn to exit; the caller judges the code. */
export async function runToEnd(cmd: Command, timeoutMs = 120_000): Promise<Finished> {
  const started = performance.now();
  const child = spawnPiped(cmd);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  return { code, stdout, stderr, ms: performance.now() - started };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
