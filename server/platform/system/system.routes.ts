import { Type } from 'typebox';
import { sql } from 'drizzle-orm';
import type { AppDeps, ModuleManifest, TypedApp } from '../module.ts';
import { findRegion } from '../regions/regions.store.ts';
import { demoSeedOf } from '../seed/run-seed.ts';
import { AppError } from '../http/app-error.ts';
import { S } from '../http/schema.ts';
import { version } from '../version.ts';

const ReadySchema = Type.Object({ status: Type.Literal('ready'), engine: Type.String() });

const MetaSchema = Type.Object({
  product: Type.Literal('wenming'),
  version: Type.String(),
  county: Type.Object({ code: Type.String(), name: Type.String() }),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  demo: Type.Boolean(),
  seed: Type.Union([Type.Object({ seed: Type.Integer(), scale: Type.String(), seededAt: Type.String() }), Type.Null()]),
  modules: Type.Array(Type.Object({ key: Type.String(), ready: Type.Boolean() })),
});

/** Liveness, readiness and what this installation is: used by load balancers, the web shell and operators. */
export function registerSystemRoutes(
  app: TypedApp,
  deps: AppDeps,
  manifests: readonly ModuleManifest[],
  productModuleKeys: readonly string[],
): void {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'The process is alive' } },
    async () => ({
      status: 'ok',
    }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'The database answers', response: { 200: ReadySchema, 503: S.error() } },
    },
    async (request) => {
      try {
        await request.ctx.db.execute(sql`select 1`);
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        throw new AppError(503, 'unavailable', 'error.unavailable');
      }
      return { status: 'ready' as const, engine: deps.database.engine };
    },
  );

  app.get(
    '/api/meta',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'What this installation is', response: { 200: MetaSchema } },
    },
    async (request) => {
      const { db } = request.ctx;
      const county = await findRegion(db, deps.config.countyCode);
      const seed = await demoSeedOf(request.ctx, deps.config.countyCode);
      const registered = new Set(manifests.map((m) => m.key));
      return {
        product: 'wenming' as const,
        version,
        county: { code: deps.config.countyCode, name: county?.name ?? deps.config.countyCode },
        engine: deps.database.engine,
        demo: deps.config.demo,
        seed: seed ? { seed: seed.seed, scale: seed.scale, seededAt: seed.seededAt } : null,
        modules: productModuleKeys.map((key) => ({ key, ready: registered.has(key) })),
      };
    },
  );
}
