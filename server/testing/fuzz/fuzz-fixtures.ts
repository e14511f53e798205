import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.ts';
import type { KnownValues } from './schema-arbitrary.ts';

/**
 * What a module gives the OpenAPI fuzz (server/testing/openapi-fuzz.test.ts): its reference data, and records
 * the fuzz can name in paths and bodies (a case number, a photo id, …) so it reaches past the 404s. Each module
 * keeps its own in `<m>.fuzz.test-support.ts`, listed in `server/modules/fuzz-fixtures.test-support.ts`; the fuzz
 * names no module.
 */
export interface FuzzFixtures {
  prepare?(ctx: Ctx): Promise<void>;
  known(app: FastifyInstance): Promise<KnownValues>;
  /** A partner API key for the fuzz's API-key caller, with the permissions it carries. */
  apiKey?: { value: (known: KnownValues) => string; permissions: readonly string[] };
}

/** Every module's values side by side: two modules naming the same field both get fuzzed with. */
export function mergeKnown(parts: readonly KnownValues[]): KnownValues {
  const merged: Record<string, unknown[]> = {};
  for (const part of parts) {
    for (const [name, values] of Object.entries(part)) merged[name] = [...(merged[name] ?? []), ...values];
  }
  return merged;
}
