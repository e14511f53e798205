import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../config.ts';
import { freePort } from '../testing/free-port.ts';
import { testEngine } from '../testing/test-database.ts';
import {
  commandEnv,
  HttpSession,
  runWenming,
  startInGroup,
  strongPassword,
  temporaryFolder,
  waitUntilReady,
} from './cli-support.ts';
import { commands } from './commands.ts';

/**
 * Every command the README's table and `wenming --help` name, run through the real entry point
 * (`node bin/wenming.js`) on an embedded database in a temporary folder. Engine-independent apart from backup
 * and restore, whose PostgreSQL side runs in readme-production.test.ts: so this file runs in the pglite project.
 */
const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

/** The `wenming …` forms in the README's command table. */
function readmeCommandForms(): string[] {
  const start = readme.indexOf('| command | what it does |');
  const table = readme.slice(start, readme.indexOf('\n\n', start));
  return [...table.matchAll(/`wenming ([^`]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|'));
}

const embedded = testEngine() === 'pglite';

describe.runIf(embedded)('wenming --help and the README name the same commands', () => {
  it('every form in the README table is in --help, and every command of --help is in the table', async () => {
    const help = await runWenming(['--help'], commandEnv({}));
    expect(help.code).toBe(0);
    const forms = readmeCommandForms();
    expect(forms.length).toBeGreaterThanOrEqual(commands.length);
    for (const form of forms) expect(help.stdout, form).toContain(form);
    for (const command of commands)
      expect(
        forms.some((form) => form.split(' ')[0] === command.name),
        command.name,
      ).toBe(true);
  });
});

describe.runIf(embedded)('mistakes through the entry point: the reason, an exit code, no stack trace', () => {
  it('an option another command has is a usage error (2) with the usage of this one', async () => {
    const res = await runWenming(['seed', '--login', 'liu.ming'], commandEnv({}));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Unknown option '--login'[\s\S]*Usage: wenming seed/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('production refuses to start without its settings, with the reason and exit code 1', async () => {
    const res = await runWenming(['serve'], commandEnv({ NODE_ENV: 'production' }));
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(
      'NODE_ENV=production needs DATABASE_URL: the embedded PGlite store has no fsync and one session.',
    );
  });
});

describe.runIf(embedded)('every command through bin/wenming.js, on an embedded database in a temporary folder', () => {
  let folder: string;
  let env: NodeJS.ProcessEnv;
  const password = strongPassword();

  beforeAll(() => {
    folder = temporaryFolder('wenming-cli-');
    env = commandEnv({
      WENMING_DATA_DIR: folder,
      WENMING_KEYS_FILE: path.join(folder, 'keys.json'),
      NODE_ENV: 'development',
    });
  });

  afterAll(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  const run = async (args: string[], input = '') => {
    const res = await runWenming(args, env, input);
    if (res.code !== 0) throw new Error(`wenming ${args.join(' ')} → ${res.code}\n${res.stderr}`);
    return res.stdout;
  };

  it('keys new prints a key file; migrate builds the database', { timeout: 120_000 }, async () => {
    const keys = JSON.parse(await run(['keys', 'new'])) as {
      active: string;
      keys: Record<string, string>;
      blindIndex: string;
    };
    expect(Object.keys(keys.keys)).toEqual([keys.active]);
    fs.writeFileSync(env.WENMING_KEYS_FILE!, JSON.stringify(keys), { mode: 0o600 });
    expect(await run(['migrate'])).toContain('Migrations applied (pglite).');
  });

  it('admin create: the password from the environment or from stdin; a taken login is refused with exit code 1', {
    timeout: 120_000,
  }, async () => {
    env.WENMING_ADMIN_PASSWORD = password;
    expect(await run(['admin', 'create', '--login', 'liu.ming', '--name', '刘明', '--role', 'sys_admin'])).toContain(
      'Created sys_admin "liu.ming"',
    );
    delete env.WENMING_ADMIN_PASSWORD;
    expect(
      await run(
        ['admin', 'create', '--login', 'chen.jing', '--name', '陈静', '--role', 'sec_admin'],
        `${strongPassword()}\n`,
      ),
    ).toContain('Created sec_admin "chen.jing"');
    const taken = await runWenming(
      ['admin', 'create', '--login', 'LIU.MING', '--name', '刘明', '--role', 'audit_admin'],
      env,
      `${strongPassword()}\n`,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^loginId: /);
    const noRole = await runWenming(['admin', 'create', '--login', 'zhou.hua', '--name', '周华'], env);
    expect(noRole.code).toBe(2);
  });

  it('seed --scale small builds the demo county', { timeout: 180_000 }, async () => {
    expect(await run(['seed', '--scale', 'small', '--seed', '7'])).toMatch(/^Seeded \d+ steps\./);
  });

  it('audit verify checks the chain; audit purge archives nothing younger than 180 days', {
    timeout: 120_000,
  }, async () => {
    expect(await run(['audit', 'verify'])).toMatch(/^audit chain 430225: ok, \d+ rows checked/);
    expect(await run(['audit', 'purge', '--dir', path.join(folder, 'archive')])).toBe(
      'audit purge 430225: nothing older than 180 days\n',
    );
  });

  it('keys status, add and rotate: every encrypted value moves to the new key', { timeout: 120_000 }, async () => {
    const added = JSON.parse(await run(['keys', 'add'])) as { active: string; keys: Record<string, string> };
    expect(Object.keys(added.keys)).toHaveLength(2);
    fs.writeFileSync(env.WENMING_KEYS_FILE!, JSON.stringify(added), { mode: 0o600 });
    expect(await run(['keys', 'rotate'])).toMatch(/re-encrypted/);
    const status = await run(['keys', 'status']);
    expect(status).toContain(`active key: ${added.active}`);
    expect(
      status
        .split('\n')
        .filter((line) => line.includes(': ') && !line.startsWith('active') && !line.endsWith(` on ${added.active}`)),
    ).toEqual([]);
  });

  it('backup writes an archive of the data folder; restore brings it back', { timeout: 120_000 }, async () => {
    const file = path.join(folder, 'backup.tar.gz');
    expect(await run(['backup', file])).toContain(`Backup written to ${file}`);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect(await run(['restore', file])).toContain(`Restored from ${file}.`);
    expect(await run(['audit', 'verify'])).toMatch(/: ok, /);
  });

  it('serve --demo --port --host: ready, a demo account signs in, SIGTERM stops it cleanly', {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const server = startInGroup(
      process.execPath,
      ['bin/wenming.js', 'serve', '--demo', '--port', String(port), '--host', '127.0.0.1'],
      env,
    );
    try {
      const baseUrl = `http://127.0.0.1:${port}`;
      expect(await waitUntilReady(baseUrl, server)).toEqual({ status: 'ready', engine: 'pglite' });
      const login = await new HttpSession(baseUrl).send('POST', '/api/auth/login', {
        username: 'chuangwenban',
        password: 'Demo#Yanling2026',
      });
      expect(login.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(server.child.exitCode).toBe(0);
    expect(server.output()).toContain('(database: pglite, demo county)');
  });
});
