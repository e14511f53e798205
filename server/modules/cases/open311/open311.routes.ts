import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { defineRoute, registerRoutes } from '../../../platform/http/define-route.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { readOpen311Discovery } from './discovery.ts';
import { installOpen311ErrorHandling } from './errors.ts';
import { sendOpen311 } from './format.ts';
import { FormatParams, Open311ReadQuery, ServiceCodeParams } from './open311.schema.ts';
import { open311RequestRoutes, parseOpen311Forms } from './requests.routes.ts';
import { baseUrlOf, formatOf, installOpen311Checks, open311Route } from './route-support.ts';
import { listOpen311Services, readOpen311ServiceDefinition } from './services.ts';

const discovery = defineRoute({
  ...open311Route,
  method: 'GET',
  url: '/v2/discovery.:format',
  summary: 'Open311 service discovery',
  access: 'public',
  schema: { params: FormatParams, querystring: Open311ReadQuery },
  handler: async (request, reply) => {
    const found = await readOpen311Discovery(request.ctx, baseUrlOf(request));
    return sendOpen311(reply, formatOf(request.params.format), 'discovery', null, found);
  },
});

const services = defineRoute({
  ...open311Route,
  method: 'GET',
  url: '/v2/services.:format',
  summary: 'GeoReport v2 GET Service List (the case categories)',
  access: 'public',
  schema: { params: FormatParams, querystring: Open311ReadQuery },
  handler: async (request, reply) => {
    const list = await listOpen311Services(request.ctx);
    return sendOpen311(reply, formatOf(request.params.format), 'services', 'service', list);
  },
});

const serviceDefinition = defineRoute({
  ...open311Route,
  method: 'GET',
  url: '/v2/services/:service_code.:format',
  summary: 'GeoReport v2 GET Service Definition (attributes)',
  access: 'public',
  schema: { params: ServiceCodeParams, querystring: Open311ReadQuery },
  handler: async (request, reply) => {
    const definition = await readOpen311ServiceDefinition(request.ctx, request.params.service_code);
    return sendOpen311(reply, formatOf(request.params.format), 'service_definition', null, definition);
  },
});

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
      installOpen311Checks(scope);
      parseOpen311Forms(scope);
      registerRoutes(scope, [discovery, services, serviceDefinition, ...open311RequestRoutes]);
    },
    { prefix: '/open311' },
  );
}
