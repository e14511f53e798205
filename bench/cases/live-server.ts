import { demoPassword, demoTotpSecret } from '../../server/platform/auth/demo-accounts.ts';
import { totpCodeAt } from '../../server/platform/auth/totp.ts';
import type { Started } from '../../server/testing/child-process.ts';
import { launchWenming } from '../../server/testing/wenming-server.ts';
import type { EngineLabel } from '../lib/engines.ts';
import { HttpClient } from './http-client.ts';

/** Where the server keeps its data: a PGlite folder, or a PostgreSQL database (the folder then holds only keys). */
export type ServerTarget =
  | { engine: 'PGlite'; dataDir: string }
  | { engine: 'PostgreSQL'; dataDir: string; databaseUrl: string };

export interface LiveServer {
  engine: EngineLabel;
  url: string;
  pid: number;
  started: Started;
  stop(): Promise<void>;
}

/**
 * The real `wenming serve --demo` in its own process, as an operator starts it (migrations, reference data,
 * the demo county and its accounts on first start), with its default logging. `--demo` is only for the
 * accounts; nothing in the measured paths depends on it.
 */
export async function startWenming(target: ServerTarget): Promise<LiveServer> {
  const server = await launchWenming({
    dataDir: target.dataDir,
    databaseUrl: target.engine === 'PostgreSQL' ? target.databaseUrl : undefined,
    demo: 'county',
    readyTimeoutMs: 300_000,
  });
  return {
    engine: target.engine,
    url: server.url,
    pid: server.pid,
    started: server.started,
    stop: () => server.stop(15_000),
  };
}

/** Cookie and CSRF headers of a demo account signed in through the real routes (password, then TOTP if asked). */
export async function signInDemo(baseUrl: string, loginId: string): Promise<Record<string, string>> {
  const client = new HttpClient(baseUrl);
  try {
    const login = await client.request('POST', '/api/auth/login', {
      body: JSON.stringify({ username: loginId, password: demoPassword }),
    });
    if (login.status !== 200) throw new Error(`sign-in of ${loginId} failed: ${login.status} ${login.body}`);
    const sessionOf = (answer: typeof login) => ({
      cookie: String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '',
      'x-csrf-token': (JSON.parse(answer.body) as { csrfToken: string }).csrfToken,
    });
    const headers = sessionOf(login);
    if ((JSON.parse(login.body) as { pending?: string | null }).pending !== 'mfa') return headers;
    const mfa = await client.request('POST', '/api/auth/mfa/verify', {
      headers,
      body: JSON.stringify({ code: totpCodeAt(demoTotpSecret, new Date()) }),
    });
    if (mfa.status !== 200) throw new Error(`MFA step of ${loginId} failed: ${mfa.status} ${mfa.body}`);
    // Passing the step rotates the session: the new cookie and CSRF token are the ones to use.
    return sessionOf(mfa);
  } finally {
    client.close();
  }
}
