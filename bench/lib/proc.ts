import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';

const live = new Set<ChildProcess>();

/** Kills every child still running; synchronous so an exit or signal handler can call it. */
export function killAllChildren(): void {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  live.clear();
}

/** The parent's environment with overrides; an `undefined` override removes the variable (e.g. DATABASE_URL). */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export { freePort } from '../../server/testing/free-port.ts';

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
  output(): string;
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
 * an operator waits for: process start, module loading, database preparation and listen.
 */
export async function startAndWaitForUrl(
  cmd: Command,
  url: string,
  options: { timeoutMs?: number; marks?: Record<string, RegExp> } = {},
): Promise<Started> {
  const marks: Record<string, number> = {};
  const started = performance.now();
  const child = spawn(cmd.command, cmd.args, {
    cwd: cmd.cwd,
    env: cmd.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const output = captureOutput(child, (line) => {
    for (const [name, pattern] of Object.entries(options.marks ?? {})) {
      if (marks[name] === undefined && pattern.test(line)) marks[name] = performance.now() - started;
    }
  });
  const deadline = started + (options.timeoutMs ?? 120_000);
  try {
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`exited (${child.exitCode ?? child.signalCode}) before ready`);
      if ((await httpStatus(url)) === 200) return { child, readyMs: performance.now() - started, marks, output };
      await sleep(10);
    }
    throw new Error(`not ready after ${options.timeoutMs ?? 120_000} ms`);
  } catch (error) {
    await stop(child);
    throw new Error(
      `${cmd.command} ${cmd.args.join(' ')}: ${(error as Error).message}\n--- output tail ---\n${output()}`,
    );
  }
}

/** One GET; any connection error counts as "not yet". A fresh socket each time so no keep-alive hides a restart. */
function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

/** SIGTERM (the server closes its database cleanly), then SIGKILL if it has not exited within `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  live.delete(child);
}

export interface Finished {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and times it from spawn to exit; fails on a non-zero exit. */
export async function runToExit(cmd: Command, timeoutMs = 120_000): Promise<Finished> {
  const started = performance.now();
  const child = spawn(cmd.command, cmd.args, {
    cwd: cmd.cwd,
    env: cmd.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve(exitCode));
  });
  clearTimeout(timer);
  live.delete(child);
  const ms = performance.now() - started;
  if (code !== 0)
    throw new Error(`${cmd.command} ${cmd.args.join(' ')} exited ${code}\n${stderr}${stdout.slice(-2000)}`);
  return { ms, code, stdout, stderr };
}

export function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}
