// The probes of the loaded-history suite: API requests (as the signed-in dispatcher or inspector) and calls of
// the server's functions in this process (the primary-key baseline, and the evaluation when its route is not
// wired into the app yet).
import { rolesOfUser } from '../../server/platform/auth/roles.store.ts';
import { permissionsOf } from '../../server/platform/auth/permissions-of.ts';
import type { Actor, Ctx } from '../../server/platform/context.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { benchCtx } from '../lib/engines.ts';
import type { HttpClient } from './http-client.ts';
import type { Probe } from './probe-loop.ts';
import { type EvaluationShape, type ListShape, queryString, type Role, shapeRandom } from './shapes.ts';

export const demoLogins: Record<Role, string> = { dispatcher: 'dispatcher', inspector: 'inspector.xiayang' };

/** GET `path(i)` as a signed-in user; anything but 200 stops the run (a failing request is not a timing). */
export function apiProbe(
  name: string,
  client: HttpClient,
  headers: Record<string, string>,
  path: (i: number) => string,
): Probe {
  return {
    name,
    async run(i) {
      const url = path(i);
      const res = await client.request('GET', url, { headers });
      if (res.status !== 200) throw new Error(`${name}: GET ${url} answered ${res.status} ${res.body.slice(0, 300)}`);
      return res.ms;
    },
  };
}

/** Each shape's i-th request: parameters drawn from its own seeded generator, so every run asks the same. */
export function listPath(shape: ListShape): (i: number) => string {
  const rng = shapeRandom(`${shape.role}/${shape.name}`);
  return () => `/api/cases${queryString(shape.query(rng))}`;
}

export function evaluationPath(shape: EvaluationShape): (i: number) => string {
  const rng = shapeRandom(`evaluation/${shape.name}`);
  return () => `/api/cases/evaluation${queryString(shape.query(rng))}`;
}

/** The actor the identity layer would build for a demo account (roles and permissions from the database). */
export async function actorOf(database: Database, login: string): Promise<Actor> {
  const [user] = await database.query<{
    id: string;
    display_name: string;
    scope_region: string;
    department: string | null;
  }>('select id, display_name, scope_region, department from app_user where login_id = $1', [login]);
  if (!user) throw new Error(`demo account ${login} is missing`);
  const roles = await rolesOfUser(database.db, '430225', user.id);
  return {
    kind: 'user',
    id: user.id,
    username: login,
    displayName: user.display_name,
    roles: roles.map((r) => r.key),
    permissions: permissionsOf(roles, null),
    scopeRegion: user.scope_region,
    department: user.department,
    sessionId: null,
  };
}

export function actorCtx(database: Database, actor: Actor): Ctx {
  return { ...benchCtx(database), actor };
}

/** Timed in-process call. */
export function callProbe(name: string, call: (i: number) => Promise<unknown>): Probe {
  return {
    name,
    async run(i) {
      const started = performance.now();
      await call(i);
      return performance.now() - started;
    },
  };
}
