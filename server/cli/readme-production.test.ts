import fs from 'node:fs';
import path from 'node:path';
import { URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../config.ts';
import { freePort } from '../testing/free-port.ts';
import { testEngine } from '../testing/test-database.ts';
import {
  commandEnv,
  createEmptyPostgresDatabase,
  HttpSession,
  readmeShellBlocks,
  type Running,
  runWenming,
  startInGroup,
  strongPassword,
  temporaryFolder,
  waitUntilReady,
} from './cli-support.ts';

/**
 * The README's production path, as a county's IT administrator follows it (issue 9): the fenced bash blocks of
 * "Point it at PostgreSQL" run as written, on an empty PostgreSQL database. Only the installation's own facts
 * change — where the database is and where the key file goes — and the three passwords are typed on stdin.
 */
const readmeExample = {
  databaseUrl: "'postgres://wenming:secret@db.example.gov.cn:5432/wenming?sslmode=verify-full'",
  keysFile: '/etc/wenming/keys.json',
};

function replaceOnce(text: string, example: string, actual: string): string {
  const parts = text.split(example);
  if (parts.length !== 2)
    throw new Error(`the README block should name ${example} exactly once (found ${parts.length - 1})`);
  return parts.join(actual);
}

const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(testEngine() === 'postgres' && adminUrl)(
  'the README production block, as written, on an empty PostgreSQL database',
  () => {
    const passwords = { sys: strongPassword(), sec: strongPassword(), audit: strongPassword() };
    let database: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
    let folder: string;
    let keysFile: string;
    let baseUrl: string;
    let server: Running | undefined;

    beforeAll(async () => {
      database = await createEmptyPostgresDatabase(adminUrl!);
      folder = temporaryFolder('wenming-readme-');
      keysFile = path.join(folder, 'etc-wenming', 'keys.json');
      baseUrl = `http://127.0.0.1:${await freePort()}`;
    });

    afterAll(async () => {
      await server?.stop();
      await database?.drop();
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    });

    it('keys, migrate, the three administrators and serve; /readyz is ready; the system administrator signs in and enrols MFA', {
      timeout: 240_000,
    }, async () => {
      const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
      let script = readmeShellBlocks(readme, 'Point it at PostgreSQL');
      script = replaceOnce(script, readmeExample.databaseUrl, `'${database.url}'`);
      script = replaceOnce(script, readmeExample.keysFile, keysFile);
      expect(script).toContain('node bin/wenming.js serve');

      const typed = `${passwords.sys}\n${passwords.sec}\n${passwords.audit}\n`;
      server = startInGroup(
        'bash',
        ['-euo', 'pipefail', '-c', script],
        commandEnv({ PORT: new URL(baseUrl).port }),
        typed,
      );
      expect(await waitUntilReady(baseUrl, server, 200_000)).toEqual({ status: 'ready', engine: 'postgres' });
      expect(fs.statSync(keysFile).mode & 0o777).toBe(0o600);
      expect(server.output()).toContain('Created sys_admin "liu.ming"');

      const liu = new HttpSession(baseUrl);
      const wrong = await liu.send('POST', '/api/auth/login', { username: 'liu.ming', password: passwords.sec });
      expect(wrong.status).toBe(401);
      const login = await liu.send('POST', '/api/auth/login', { username: 'liu.ming', password: passwords.sys });
      expect(login.status).toBe(200);
      expect(login.body.pending).toBe('mfa_enroll');
      expect((await liu.send('GET', '/api/admin/users')).status).toBe(403);

      const setup = await liu.send('POST', '/api/auth/mfa/setup');
      expect(setup.status).toBe(200);
      // The code an authenticator app shows after scanning the offered otpauth:// URI.
      const code = URI.parse(String(setup.body.uri)).generate();
      expect((await liu.send('POST', '/api/auth/mfa/enable', { code })).status).toBe(200);
      const me = await liu.send('GET', '/api/auth/me');
      expect(me.body).toMatchObject({
        pending: null,
        user: { username: 'liu.ming', roles: ['sys_admin'], mfaEnabled: true },
      });
      const users = await liu.send('GET', '/api/admin/users?pageSize=50');
      expect(users.status).toBe(200);
      const logins = (users.body.items as Array<{ loginId: string; roles: string[] }>)
        .map((u) => `${u.loginId}:${u.roles.join(',')}`)
        .sort();
      expect(logins).toEqual(['chen.jing:sec_admin', 'liu.ming:sys_admin', 'zhou.hua:audit_admin']);

      await server.stop();
      expect(server.output()).not.toMatch(/error|exception/i);
    });

    it('then, on the same database: audit verify, keys status, add and rotate, backup and restore (pg_dump, psql)', {
      timeout: 180_000,
    }, async () => {
      const env = commandEnv({
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        WENMING_KEYS_FILE: keysFile,
        WENMING_PUBLIC_URL: 'https://wenming.example.gov.cn',
      });
      const verify = await runWenming(['audit', 'verify'], env);
      expect(verify, verify.stderr).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^audit chain 430225: ok, \d+ rows checked/),
      });

      const status = await runWenming(['keys', 'status'], env);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/^active key: /);
      const added = await runWenming(['keys', 'add'], env);
      expect(added.code, added.stderr).toBe(0);
      const next = JSON.parse(added.stdout) as { active: string; keys: Record<string, string> };
      expect(Object.keys(next.keys)).toHaveLength(2);
      fs.writeFileSync(keysFile, added.stdout, { mode: 0o600 });
      const rotate = await runWenming(['keys', 'rotate'], env);
      expect(rotate.code, rotate.stderr).toBe(0);
      expect(rotate.stdout).toMatch(/app_user\.mfa_secret_enc: 1 re-encrypted/);
      expect((await runWenming(['keys', 'status'], env)).stdout).toContain(`active key: ${next.active}`);

      const file = path.join(folder, 'wenming.sql');
      const backup = await runWenming(['backup', file], env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(fs.readFileSync(file, 'utf8')).toContain('CREATE TABLE public.audit_event');
      const restore = await runWenming(['restore', file], env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain(`Restored from ${file}.`);
      expect((await runWenming(['audit', 'verify'], env)).code).toBe(0);
    });
  },
);
