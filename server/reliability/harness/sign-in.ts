import { demoPassword, demoTotpSecret } from '../../platform/auth/demo-accounts.ts';
import { totpCodeAt } from '../../platform/auth/totp.ts';
import { type Answer, send } from './http-call.ts';

/** Cookie and CSRF headers of a demo account signed in through the real routes (password, then TOTP if asked). */
export async function signInDemo(baseUrl: string, loginId: string): Promise<Record<string, string>> {
  const login = await post(baseUrl, '/api/auth/login', {}, { username: loginId, password: demoPassword });
  const headers = sessionOf(login);
  if ((JSON.parse(login.body) as { pending?: string | null }).pending !== 'mfa') return headers;
  // Passing the MFA step rotates the session: the new cookie and CSRF token are the ones to use.
  return sessionOf(
    await post(baseUrl, '/api/auth/mfa/verify', headers, { code: totpCodeAt(demoTotpSecret, new Date()) }),
  );
}

async function post(baseUrl: string, path: string, headers: Record<string, string>, body: unknown): Promise<Answer> {
  const answer = await send(baseUrl, { method: 'POST', path, headers, body: JSON.stringify(body) });
  if (answer?.status !== 200) throw new Error(`${path} failed: ${answer?.status} ${answer?.body}`);
  return answer;
}

function sessionOf(answer: Answer): Record<string, string> {
  return {
    cookie: String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '',
    'x-csrf-token': (JSON.parse(answer.body) as { csrfToken: string }).csrfToken,
  };
}
