import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { defineRoute } from '../http/define-route.ts';
import type { TypedApp } from '../module.ts';

/**
 * Prometheus metrics at /metrics: process figures and request durations by route pattern (never by raw URL,
 * which would carry ids and personal data). Reading them needs the `system.metrics` permission, which the
 * identity layer grants to the monitoring API key.
 */
export function installMetrics(app: TypedApp): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'wenming_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  const metrics = defineRoute({
    method: 'GET',
    url: '/metrics',
    summary: 'Prometheus metrics',
    tags: ['system'],
    access: { permission: 'system.metrics' },
    hidden: true,
    handler: async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  });
  metrics(app);
  return registry;
}
