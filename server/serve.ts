import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Config, keyringFor } from './config.ts';
import { systemClock, systemCtx } from './platform/context.ts';
import { loadSecuritySettings } from './platform/auth/admin/security-policy.ts';
import { freshAuthSettings } from './platform/auth/auth-config.ts';
import { assertSystemAdministratorExists } from './platform/auth/bootstrap.ts';
import { demoAccountsBanner } from './platform/auth/demo-accounts.ts';
import type { Database } from './platform/db/database.ts';
import { poolTimeouts } from './platform/db/engine.ts';
import { openPreparedDatabase } from './platform/db/prepare.ts';
import { beginStopping } from './platform/http/shutdown.ts';
import type { Keyring } from './platform/pii/keyring.ts';
import { jobRunnerOf } from './platform/jobs/job-runner.ts';
import { type JobWorker, startJobWorker } from './platform/jobs/worker.ts';
import { seedDemoCounty } from './platform/seed/demo-seed.ts';
import { appModules } from './modules/index.ts';
import type { SeedOptions } from './platform/seed/seed-step.ts';

/** Starts the server and stops it cleanly on SIGINT/SIGTERM (see `stopOnSignals`). */
export async function serve(config: Config, seedOptions: SeedOptions): Promise<void> {
  const keyring = keyringFor(config);
  const database = await openServerDatabase(config, keyring);
  if (config.demo)
    await seedDemoCounty(systemCtx(database, { countyCode: config.countyCode, keyring }), appModules, seedOptions);
  const security = freshAuthSettings({ secureCookies: !config.insecureCookies });
  await loadSecuritySettings(database.db, config.countyCode, security);
  if (config.production) await assertSystemAdministratorExists(database.db, config.countyCode);
  const app = await buildApp({ config, database, clock: systemClock, keyring, security });
  const jobs = await startJobWorker(
    jobRunnerOf(appModules),
    () => systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: systemClock }),
    app.log,
  );
  stopOnSignals(app, jobs, database, config.preStopDelayMs);
  const address = await app.listen({ host: config.host, port: config.port });
  const shown = address.replace('127.0.0.1', 'localhost');
  console.log(`\nwenming is running at ${shown}  (database: ${database.engine}${config.demo ? ', demo county' : ''})`);
  console.log(`API documentation: ${shown}/api/docs\n`);
  if (config.demo) console.log(`${demoAccountsBanner()}\n`);
}

/**
 * The server's database: its pool bounds every statement (`poolTimeouts`, 60 s), so a request on a stalled
 * database ends in a 503. Maintenance commands open theirs without that bound (cli/maintenance-database.ts).
 */
export function openServerDatabase(config: Config, keyring: Keyring): Promise<Database> {
  return openPreparedDatabase(config, keyring, appModules, poolTimeouts);
}

/**
 * The bounds of a graceful stop, counted once the pre-stop delay (`WENMING_PRE_STOP_DELAY`) is over. A process
 * manager should allow more than the delay plus `totalMs` before it kills (systemd's TimeoutStopSec defaults to
 * 90 s; Docker's stop to 10 s: run `docker stop -t 30`; Kubernetes' terminationGracePeriodSeconds to 30 s).
 * docs/operations.md says the same.
 */
export const shutdownBounds = { drainJobsMs: 15_000, totalMs: 25_000 };

/**
 * SIGTERM (or SIGINT): `/readyz` turns 503 `shutting_down` and the job worker stops claiming at once; requests
 * are still served for `preStopDelayMs`, so a load balancer polling readiness stops sending first. Then the
 * listener closes: requests in flight finish (one arriving on a kept-alive connection meanwhile gets our
 * `shutting_down` 503 with `Connection: close`, platform/http/shutdown.ts); running jobs get `drainJobsMs` to
 * finish; then the database closes and the process exits 0. Past the delay plus `totalMs`, or on a second signal,
 * it exits 1 at once: a job cut off then rolls back and is taken again when its lease passes.
 */
function stopOnSignals(app: FastifyInstance, jobs: JobWorker, database: Database, preStopDelayMs: number): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal, preStopDelayMs, bounds: shutdownBounds }, 'shutting down');
    setTimeout(() => {
      app.log.error('shutdown took too long: exiting');
      process.exit(1);
    }, preStopDelayMs + shutdownBounds.totalMs).unref();
    beginStopping(app);
    const jobsDrained = jobs.stop(shutdownBounds.drainJobsMs);
    await new Promise((resolve) => setTimeout(resolve, preStopDelayMs));
    const [drained] = await Promise.all([jobsDrained, app.close()]);
    if (!drained) {
      app.log.error('jobs still running after the drain bound: exiting; their leases hand them on');
      process.exit(1);
    }
    await database.close();
    app.log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
