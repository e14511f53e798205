import type { Access } from '../access/access.ts';
import { credentialMayCarry } from '../access/credential-kinds.ts';
import type { KeyArgument } from '../access/key-argument.ts';

export type SecurityRequirement = Record<string, string[]>;

/** The credentials the app accepts, as OpenAPI 3 security schemes (issue 9 item 15). */
export function securitySchemes(sessionCookie: string) {
  return {
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: sessionCookie,
      description: "A signed-in person's session: POST /api/auth/login, then the MFA step when one is pending",
    },
    csrfToken: {
      type: 'apiKey',
      in: 'header',
      name: 'x-csrf-token',
      description: 'With the session cookie on POST, PUT, PATCH and DELETE: the csrfToken the sign-in answered with',
    },
    apiKey: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'wm_<prefix>_<secret>',
      description:
        "A partner system's API key (Authorization: Bearer). It carries integration permissions only: never a reveal, an export or an administrator's power",
    },
    open311ApiKey: {
      type: 'apiKey',
      in: 'query',
      name: 'api_key',
      description: 'GeoReport v2: the partner key as the api_key argument, in the query or as a field of the POST form',
    },
  } as const;
}

export interface DocumentedRoute {
  method: string | string[];
  config?: { access?: Access; keyArgument?: KeyArgument; csrfExempt?: boolean };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The operation's `security`, from the access its route declares: public → none (`[]`); a key argument →
 * that; a permission → the session cookie (with the CSRF header on unsafe methods), or a bearer key when a
 * key may carry the permission (credential-kinds.ts decides, as the guard does).
 */
export function operationSecurity(route: DocumentedRoute): SecurityRequirement[] {
  const access = route.config?.access;
  if (access === undefined || access === 'public') return route.config?.keyArgument ? [{ open311ApiKey: [] }] : [];
  const unsafe =
    [route.method].flat().some((method) => !safeMethods.has(method.toUpperCase())) && route.config?.csrfExempt !== true;
  const session: SecurityRequirement = unsafe ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] };
  return credentialMayCarry('api_key', access.permission) ? [session, { apiKey: [] }] : [session];
}

/** The permission an operation needs, as the `x-permission` extension (integrators and the fuzz test read it). */
export function operationPermission(route: DocumentedRoute): string | undefined {
  const access = route.config?.access;
  return access && access !== 'public' ? access.permission : undefined;
}
