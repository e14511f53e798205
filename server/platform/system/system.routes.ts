import { Type } from 'typebox';
import { databaseUnavailable } from '../http/database-unavailable.ts';
import { type DefinedRoute, defineRoute, registerRoutes } from '../http/define-route.ts';
import { shuttingDown } from '../http/shutdown.ts';
import type { AppDeps, ModuleManifest, TypedApp } from '../module.ts';
import { findRegion } from '../regions/regions.store.ts';
import { demoSeedOf } from '../seed/run-seed.ts';
import { version } from '../version.ts';
import { pingDatabase } from './database-probe.store.ts';

const tags = ['system'];

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

const liveness = defineRoute({
  method: 'GET',
  url: '/healthz',
  summary: 'The process is alive',
  tags,
  access: 'public',
  handler: async () => ({ status: 'ok' }),
});

function readiness(deps: AppDeps): DefinedRoute {
  return defineRoute({
    method: 'GET',
    url: '/readyz',
    summary:
      'This instance takes traffic: the database answers and no stop began (503 database_unavailable or shutting_down with Retry-After otherwise)',
    tags,
    access: 'public',
    schema: { response: { 200: ReadySchema } },
    handler: async (request) => {
      // SIGTERM: load balancers polling here stop sending before the listener closes (serve.ts, pre-stop delay).
      if (request.server.stopState.unready) throw shuttingDown();
      try {
        await pingDatabase(request.ctx.db);
      } catch (error) {
        // Whatever the ping failed on (refused, reset, the pool's connection timeout), this instance cannot serve:
        // a load balancer takes it out of rotation until the database answers again.
        request.log.warn({ err: error }, 'readiness check failed');
        throw databaseUnavailable();
      }
      return { status: 'ready' as const, engine: deps.database.engine };
    },
  });
}

/** Which product modules this installation has: the module keys the product plans, and those registered. */
interface ModuleList {
  manifests: readonly ModuleManifest[];
  productModuleKeys: readonly string[];
}

function installationMeta(deps: AppDeps, modules: ModuleList): DefinedRoute {
  const registered = new Set(modules.manifests.map((m) => m.key));
  const { countyCode } = deps.config;
  return defineRoute({
    method: 'GET',
    url: '/api/meta',
    summary: 'What this installation is',
    tags,
    access: 'public',
    schema: { response: { 200: MetaSchema } },
    handler: async (request) => {
      const county = await findRegion(request.ctx.db, countyCode);
      const seed = await demoSeedOf(request.ctx, countyCode);
      return {
        product: 'wenming' as const,
        version,
        county: { code: countyCode, name: county?.name ?? countyCode },
        engine: deps.database.engine,
        demo: deps.config.demo,
        seed: seed ? { seed: seed.seed, scale: seed.scale, seededAt: seed.seededAt } : null,
        modules: modules.productModuleKeys.map((key) => ({ key, ready: registered.has(key) })),
      };
    },
  });
}

/** Liveness, readiness and what this installation is: used by load balancers, the web shell and operators. */
export function registerSystemRoutes(
  app: TypedApp,
  deps: AppDeps,
  manifests: readonly ModuleManifest[],
  productModuleKeys: readonly string[],
): void {
  registerRoutes(app, [liveness, readiness(deps), installationMeta(deps, { manifests, productModuleKeys })]);
}
