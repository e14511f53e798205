import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { adminQuery, withDatabase } from '../testing/template.ts';

/**
 * Runs the real `wenming` command (`node bin/wenming.js`) and the README's shell blocks as child processes, so
 * the tests in this folder prove the commands an operator types, not only the functions behind them.
 */
export const entryPoint = path.join(projectRoot, 'bin', 'wenming.js');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a command runs in: this machine's PATH and HOME, and only the settings the test gives —
 * never the test runner's NODE_ENV, DATABASE_URL or TEST_DATABASE_URL.
 */
export function commandEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', LOG_LEVEL: 'warn', ...settings };
}

/** `node bin/wenming.js …args`, to the end; stdin gets `input` (then closes). */
export function runWenming(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<Finished> {
  return finish(spawn(process.execPath, [entryPoint, ...args], { cwd: projectRoot, env, stdio: 'pipe' }), input);
}

/** A started long-running process (a server), in a process group of its own so it is stopped with its children. */
export interface Running {
  readonly child: ChildProcess;
  output(): string;
  /** SIGTERM to the whole group; resolves when every process of it has gone. */
  stop(): Promise<void>;
}

export function startInGroup(command: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Running {
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: 'pipe', detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  child.stdin!.end(input);
  return {
    child,
    output: () => output,
    async stop() {
      const group = -child.pid!;
      signalGroup(group, 'SIGTERM');
      for (let waited = 0; groupAlive(group); waited += 100) {
        if (waited > 15_000) signalGroup(group, 'SIGKILL');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // already gone
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `/readyz` until the server answers ready; fails early, with its output, if the process ends first. */
export async function waitUntilReady(
  baseUrl: string,
  server: Running,
  timeoutMs = 90_000,
): Promise<{ status: string; engine: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return (await res.json()) as { status: string; engine: string };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no /readyz within ${timeoutMs} ms:\n${server.output()}`);
}

function finish(child: ChildProcess, input: string): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdin!.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A cookie session over real HTTP: keeps the cookie and CSRF token each answer hands out (they rotate). */
export class HttpSession {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async send(method: string, url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const cookie = res.headers.getSetCookie().find((c) => !/max-age=0|expires=thu, 01 jan 1970/i.test(c));
    if (cookie) this.cookie = cookie.split(';')[0]!;
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed };
  }
}

/** An empty PostgreSQL database of its own (no template: the commands under test must build everything). */
export async function createEmptyPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wenming_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

/** A password an estimator rates strong and no rule refuses: random, all four classes. */
export function strongPassword(): string {
  return `Wm-${randomBytes(12).toString('base64url')}#7a`;
}

export function temporaryFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), prefix));
}

/** The bash blocks of one README section, joined in order. */
export function readmeShellBlocks(readme: string, heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const blocks = [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (blocks.length === 0) throw new Error(`README section "${heading}" has no bash block`);
  return blocks.join('\n');
}
