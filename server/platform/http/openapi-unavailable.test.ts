import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';

interface Response {
  description?: string;
  headers?: Record<string, { schema?: { type?: string } }>;
  content?: Record<string, { schema?: { properties?: Record<string, unknown> } }>;
}
interface Operation {
  tags?: string[];
  responses?: Record<string, Response>;
}

/**
 * Issue 13: any request may meet the database out of reach or a stopping server, so every operation of the
 * document says it may answer 503 in the app's error shape, with the Retry-After a client waits for. Open311's
 * operations answer errors in the GeoReport v2 body and document none (sharedErrors: false).
 */
describe('OpenAPI: the 503 every route may answer', () => {
  const t = useTestApp();

  it('is on every operation, in the error shape, with Retry-After and what it means', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const { paths } = res.json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${path}`, operation })),
    );
    const ours = operations.filter(({ operation }) => !operation.tags?.includes('open311'));
    expect(ours.length).toBeGreaterThan(40);
    for (const { label, operation } of ours) {
      const unavailable = operation.responses?.['503'];
      expect(unavailable, label).toBeDefined();
      expect(unavailable?.description, label).toMatch(/database_unavailable.*shutting_down/);
      expect(unavailable?.headers?.['Retry-After']?.schema?.type, label).toBe('integer');
      expect(Object.keys(unavailable?.content?.['application/json']?.schema?.properties ?? {}), label).toEqual([
        'error',
      ]);
    }
  });
});
