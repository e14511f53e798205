import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { appModules, productModuleKeys } from './modules/index.ts';
import { installAccessGuard, requireAccessDeclarations } from './platform/access/access.ts';
import { parseAdminNetworks } from './platform/access/admin-networks.ts';
import { freshAuthSettings } from './platform/auth/auth-config.ts';
import { installIdentity } from './platform/auth/identity.ts';
import { installErrorHandling } from './platform/http/error-handler.ts';
import { answerFrameworkError } from './platform/http/framework-errors.ts';
import { installOpenApi } from './platform/http/openapi.ts';
import { installRequestContext, requestIdFrom } from './platform/http/request-context.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { installShutdownAnswer } from './platform/http/shutdown.ts';
import { installStorableTextCheck } from './platform/http/storable-text.ts';
import { hasWebBuild, serveWebApp, spaFallback } from './platform/http/static-web.ts';
import { loggerOptions, OneLinePerRequest } from './platform/logging.ts';
import { adoptManifests } from './platform/modules/adopt.ts';
import type { AppDeps, ModuleManifest, TypedApp } from './platform/module.ts';
import { installMetrics } from './platform/system/metrics.ts';
import { registerSystemRoutes } from './platform/system/system.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** What the app was built from (tests reach the database and clock through it). */
    deps: AppDeps;
  }
}

export interface BuildOptions {
  /** Defaults to the app's module list; tests may pass extra modules (e.g. a route-table probe). */
  modules?: readonly ModuleManifest[];
  logger?: FastifyServerOptions['logger'];
  serveWeb?: boolean;
}

/** Builds the whole HTTP app from its dependencies; nothing listens until the caller says so. */
export async function buildApp(given: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const deps: AppDeps = { ...given, security: given.security ?? freshAuthSettings() };
  const app = Fastify({
    logger: options.logger ?? loggerOptions(deps.config.logLevel),
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    logController: new OneLinePerRequest({ requestIdLogLabel: 'requestId' }),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: answerFrameworkError,
    // While closing, requests get our shutting_down answer (installShutdownAnswer), not Fastify's bare 503.
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  const webDist = deps.config.webDist;
  const withWeb = (options.serveWeb ?? true) && hasWebBuild(webDist);
  installErrorHandling(app, withWeb ? spaFallback(webDist) : undefined);
  installShutdownAnswer(app);
  requireAccessDeclarations(app);
  installRequestContext(app, deps);
  await app.register(fastifyCookie);
  installIdentity(app, deps.security!);
  app.decorate('deps', deps);
  installSecurityHeaders(app, deps.config.production);
  await installOpenApi(app);
  installAccessGuard(app, parseAdminNetworks(deps.config.adminNetworks));
  installStorableTextCheck(app);

  installMetrics(app);
  // /api/meta tells which product modules this installation has: the full list, whatever a test builds.
  registerSystemRoutes(app as TypedApp, deps, appModules, productModuleKeys);
  const modules = options.modules ?? appModules;
  adoptManifests(modules);
  for (const module of modules) for (const register of module.routes ?? []) await register(app as TypedApp, deps);
  if (withWeb) await serveWebApp(app, webDist);

  app.addHook('onClose', async () => {
    app.log.info('closing');
  });
  return app;
}
