import type { BlockList } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { administratorPermission, isAllowedAdminAddress } from './admin-networks.ts';
import { credentialKindOf, credentialMayCarry } from './credential-kinds.ts';
import { recordAuditOutside } from '../audit/audit.ts';
import { AppError } from '../http/app-error.ts';

/** Every route declares one: `'public'`, or the permission a caller must hold (default deny, DESIGN rule 1). */
export type Access = 'public' | { permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export class MissingAccessError extends Error {
  constructor(method: string, url: string) {
    super(`Route ${method} ${url} declares no access: add config.access = 'public' or { permission }`);
  }
}

/**
 * Routes that third-party plugins register (the API docs, the built web app's files) cannot carry our config;
 * they are public by this explicit list, and every other route must declare its access.
 */
export const publicPluginRoutePrefixes = ['/api/docs', '/*'] as const;

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const routeTables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every route of the app with the access it declared: what the default-deny test walks. */
export function routeAccessTable(app: FastifyInstance): readonly RouteAccess[] {
  return routeTables.get(app) ?? [];
}

/** Refuses, at registration, any route that forgets to declare its access, and records the rest. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  const table: RouteAccess[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: Access };
    const methods = [route.method].flat().map(String);
    const record = (access: Access) => {
      for (const method of methods) table.push({ method, url: route.url, access });
    };
    if (isAccess(config.access)) return record(config.access);
    if (publicPluginRoutePrefixes.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) {
      route.config = { ...config, access: 'public' } as typeof route.config;
      return record('public');
    }
    throw new MissingAccessError(methods.join(','), route.url);
  });
}

export function isAccess(value: unknown): value is Access {
  if (value === 'public') return true;
  return (
    typeof value === 'object' && value !== null && typeof (value as { permission?: unknown }).permission === 'string'
  );
}

/**
 * The check every non-public request passes (the identity layer fills `ctx.actor` in onRequest). It runs in
 * preParsing — before the body is read, parsed or validated — so a caller without the right gets its 401/403
 * whatever it sent, and never a 400 that describes the schema (issue 9 item 14).
 */
export function installAccessGuard(app: FastifyInstance, adminNetworks: BlockList | null = null): void {
  app.addHook('preParsing', async (request) => {
    if (request.is404) return; // no route matched: the not-found handler answers, nothing to guard
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    const permission = isAccess(access) ? access.permission : '(undeclared)';
    await assertPermission(request, permission);
    if (administratorPermission.test(permission) && !isAllowedAdminAddress(adminNetworks, request.ip)) {
      await denied(request, permission, 'admin_network');
    }
  });
}

/**
 * 401 without an actor; 403 — audited (AC-08) — without the permission, or when the credential may not carry
 * it (a key holds integration permissions only; a pending sign-in only its step: credential-kinds.ts).
 */
export async function assertPermission(request: FastifyRequest, permission: string): Promise<void> {
  const actor = request.ctx.actor;
  if (!actor) throw AppError.unauthenticated();
  if (!actor.permissions.has(permission)) await denied(request, permission, 'missing_permission');
  if (!credentialMayCarry(credentialKindOf(request), permission)) await denied(request, permission, 'credential_kind');
}

async function denied(request: FastifyRequest, permission: string, reasonCode: string): Promise<never> {
  await recordAuditOutside(request.ctx, {
    eventType: 'access.denied',
    action: request.method,
    outcome: 'failure',
    objectType: 'route',
    objectId: request.routeOptions.url ?? 'unmatched',
    reasonCode,
    details: { permission },
  });
  throw AppError.forbidden();
}
