import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Config, keyringFor } from './config.ts';
import { systemClock, systemCtx } from './platform/context.ts';
import { loadSecuritySettings } from './platform/auth/admin/security-policy.ts';
import { freshAuthSettings } from './platform/auth/auth-config.ts';
import { assertSystemAdministratorExists } from './platform/auth/bootstrap.ts';
import { demoAccountsBanner } from './platform/auth/demo-accounts.ts';
import type { Database } from './platform/db/database.ts';
import { openPreparedDatabase } from './platform/db/prepare.ts';
import { jobRunnerOf } from './platform/jobs/job-runner.ts';
import { type JobWorker, startJobWorker } from './platform/jobs/worker.ts';
import { seedDemoCounty } from './platform/seed/demo-seed.ts';
import { appModules } from './modules/index.ts';
import type { SeedOptions } from './platform/seed/seed-step.ts';

/** Starts the server and stops it cleanly on SIGINT/SIGTERM (see `stopOnSignals`). */
export async function serve(config: Config, seedOptions: SeedOptions): Promise<void> {
  const keyring = keyringFor(config);
  const database = await openPreparedDatabase(config, keyring, appModules);
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
  stopOnSignals(app, jobs, database);
  const address = await app.listen({ host: config.host, port: config.port });
  const shown = address.replace('127.0.0.1', 'localhost');
  console.log(`\nwenming is running at ${shown}  (database: ${database.engine}${config.demo ? ', demo county' : ''})`);
  console.log(`API documentation: ${shown}/api/docs\n`);
  if (config.demo) console.log(`${demoAccountsBanner()}\n`);
}

/**
 * The bounds of a graceful stop. A process manager should allow more than `totalMs` before it kills
 * (systemd's TimeoutStopSec defaults to 90 s; Docker's stop to 10 s: run `docker stop -t 30`; Kubernetes'
 * terminationGracePeriodSeconds to 30 s). docs/operations.md says the same.
 */
export const shutdownBounds = { drainJobsMs: 15_000, totalMs: 25_000 };

/**
 * SIGTERM (or SIGINT): stop taking connections and claiming jobs at once; requests in flight finish (one arriving
 * on a kept-alive connection meanwhile gets Fastify's 503 with `Connection: close`); running jobs get
 * `drainJobsMs` to finish; then the database closes and the process exits 0. Past `totalMs`, or on a second
 * signal, it exits 1 at once: a job cut off then rolls back and is taken again when its lease passes.
 */
function stopOnSignals(app: FastifyInstance, jobs: JobWorker, database: Database): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal, bounds: shutdownBounds }, 'shutting down');
    setTimeout(() => {
      app.log.error('shutdown took too long: exiting');
      process.exit(1);
    }, shutdownBounds.totalMs).unref();
    const [drained] = await Promise.all([jobs.stop(shutdownBounds.drainJobsMs), app.close()]);
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
