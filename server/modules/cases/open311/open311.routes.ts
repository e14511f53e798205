import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TypedApp } from '../../../platform/module.ts';
import { readOpen311Discovery } from './discovery.ts';
import { installOpen311ErrorHandling, unknownOpen311Resource } from './errors.ts';
import { isOpen311Format, sendOpen311 } from './format.ts';
import { FormatParams, Open311ReadQuery, ServiceCodeParams } from './open311.schema.ts';
import { registerOpen311RequestRoutes } from './requests.routes.ts';
import { baseUrlOf, checkJurisdiction, dropEmptyArguments, formatOf } from './route-support.ts';
import { listOpen311Services, readOpen311ServiceDefinition } from './services.ts';

const tags = ['open311'];
const publicRead = { access: 'public' as const };

/**
 * Open311 GeoReport v2 (`/open311/v2/…`): discovery, the service catalogue, POST/GET service requests, tokens
 * and mySociety's service request updates, in XML and JSON, with the spec's error body. Reads are public (no
 * api_key), as the spec's method tables say; POST requests and the updates feed take a partner's api_key.
 */
export async function registerOpen311Routes(app: TypedApp): Promise<void> {
  await app.register(
    async (plugin) => {
      installOpen311ErrorHandling(plugin);
      const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
      // An unknown format is an unknown resource (404), decided before the query is validated (400).
      scope.addHook('preValidation', async (request) => {
        const { format } = (request.params ?? {}) as { format?: unknown };
        if (!isOpen311Format(format)) throw unknownOpen311Resource();
        dropEmptyArguments(request.query);
      });
      // Every method takes jurisdiction_id (in the query, or in a POST's form body): checked once, for all of
      // them, after the API key and the arguments were validated.
      scope.addHook('preHandler', async (request) => {
        const body =
          typeof request.body === 'object' && request.body !== null
            ? (request.body as { jurisdiction_id?: string })
            : {};
        const query = (request.query ?? {}) as { jurisdiction_id?: string };
        checkJurisdiction(request, body.jurisdiction_id ?? query.jurisdiction_id);
      });

      scope.get(
        '/v2/discovery.:format',
        {
          config: publicRead,
          schema: { tags, summary: 'Open311 service discovery', params: FormatParams, querystring: Open311ReadQuery },
        },
        async (request, reply) => {
          const discovery = await readOpen311Discovery(request.ctx, baseUrlOf(request));
          return sendOpen311(reply, formatOf(request.params.format), 'discovery', null, discovery);
        },
      );

      scope.get(
        '/v2/services.:format',
        {
          config: publicRead,
          schema: {
            tags,
            summary: 'GeoReport v2 GET Service List (the case categories)',
            params: FormatParams,
            querystring: Open311ReadQuery,
          },
        },
        async (request, reply) => {
          const services = await listOpen311Services(request.ctx);
          return sendOpen311(reply, formatOf(request.params.format), 'services', 'service', services);
        },
      );

      scope.get(
        '/v2/services/:service_code.:format',
        {
          config: publicRead,
          schema: {
            tags,
            summary: 'GeoReport v2 GET Service Definition (attributes)',
            params: ServiceCodeParams,
            querystring: Open311ReadQuery,
          },
        },
        async (request, reply) => {
          const definition = await readOpen311ServiceDefinition(request.ctx, request.params.service_code);
          return sendOpen311(reply, formatOf(request.params.format), 'service_definition', null, definition);
        },
      );

      registerOpen311RequestRoutes(scope);
    },
    { prefix: '/open311' },
  );
}
