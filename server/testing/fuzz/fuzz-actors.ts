import type { FastifyInstance } from 'fastify';
import { signIn } from '../test-auth.ts';

/**
 * Who the fuzz test calls as: nobody, a partner's API key, and one signed-in person per built-in role. A role's
 * session can end under the fuzz (logout, a password change, a revoked session, a lock after wrong codes, a
 * rotation); it is then signed in again — a new account with the same role — so the run never goes on as
 * an anonymous caller while believing it is signed in.
 */
export interface Actor {
  name: string;
  role: string | null;
  headers: Record<string, string>;
  permissions: ReadonlySet<string>;
}

export class FuzzActors {
  readonly all: Actor[] = [];
  /** How many times a role's session was re-established after the fuzz ended it. */
  renewals = 0;

  constructor(private readonly app: FastifyInstance) {}

  async signInRoles(roles: readonly string[]): Promise<void> {
    for (const role of roles) this.all.push(await this.signedIn(role));
  }

  addAnonymous(): void {
    this.all.push({ name: 'anonymous', role: null, headers: {}, permissions: new Set() });
  }

  addApiKey(key: string, permissions: readonly string[]): void {
    this.all.push({
      name: 'api-key',
      role: null,
      headers: { authorization: `Bearer ${key}` },
      permissions: new Set(permissions),
    });
  }

  /**
   * After a signed-in actor's request: when the answer was 401 or touched the cookie, make sure the session
   * still works, and sign in again when it does not. True when it was renewed (the request is worth retrying).
   */
  async keepSignedIn(actor: Actor, status: number, setCookie: unknown): Promise<boolean> {
    if (!actor.role || (status !== 401 && !setCookie)) return false;
    const me = await this.app.inject({ method: 'GET', url: '/api/auth/me', headers: actor.headers });
    if (me.statusCode === 200 && me.json().pending === null) return false;
    const fresh = await this.signedIn(actor.role);
    actor.headers = fresh.headers;
    this.renewals += 1;
    return true;
  }

  private async signedIn(role: string): Promise<Actor> {
    const session = await signIn(this.app, { roles: [role] });
    const me = await this.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    if (me.statusCode !== 200 || me.json().pending !== null)
      throw new Error(`${role} could not sign in for the fuzz: ${me.body}`);
    return { name: role, role, headers: session.headers, permissions: new Set(me.json().user.permissions as string[]) };
  }
}
