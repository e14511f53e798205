import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { type AuthSettings, defaultAuthSettings, sessionCookieName } from '../auth/auth-config.ts';
import { version } from '../version.ts';
import { type DocumentedRoute, operationPermission, operationSecurity, securitySchemes } from './openapi-security.ts';

/**
 * OpenAPI 3 document generated from the route schemas, browsable at /api/docs (JSON at /api/docs/json). Each
 * operation's `security` (and `x-permission`) comes from the access its route declares, the same table the
 * guard enforces, so integrators' tools and the contract test read what is really required.
 */
export async function installOpenApi(
  app: FastifyInstance,
  settings: AuthSettings = app.deps?.security ?? defaultAuthSettings,
): Promise<void> {
  await app.register(swagger, {
    transform: ({ schema, url, route }) => {
      const documented = route as DocumentedRoute;
      const permission = operationPermission(documented);
      return {
        schema: {
          ...schema,
          security: operationSecurity(documented),
          ...(permission ? { 'x-permission': permission } : {}),
        },
        url,
      };
    },
    openapi: {
      info: {
        title: 'wenming API',
        version,
        description:
          'County platform for the civilized-city campaign and public services. Errors are `{ error: { code, message, fields } }`, ' +
          'in Chinese by default and in English with `Accept-Language: en`. Unknown fields are rejected.',
      },
      servers: [],
      components: { securitySchemes: securitySchemes(sessionCookieName(settings)) },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
