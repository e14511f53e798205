import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { version } from '../version.ts';

/** OpenAPI 3 document generated from the route schemas, browsable at /api/docs (JSON at /api/docs/json). */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'wenming API',
        version,
        description:
          'County platform for the civilized-city campaign and public services. Errors are `{ error: { code, message, fields } }`, ' +
          'in Chinese by default and in English with `Accept-Language: en`. Unknown fields are rejected.',
      },
      servers: [],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
