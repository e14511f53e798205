import { buildApp } from './app.ts';
import { type Config, keyringFor } from './config.ts';
import { systemClock, systemCtx } from './platform/context.ts';
import { loadSecuritySettings } from './platform/auth/admin/security-policy.ts';
import { freshAuthSettings } from './platform/auth/auth-config.ts';
import { assertSystemAdministratorExists } from './platform/auth/bootstrap.ts';
import { demoAccountsBanner } from './platform/auth/demo-accounts.ts';
import { openPreparedDatabase } from './platform/db/prepare.ts';
import { jobRunnerOf } from './platform/jobs/job-runner.ts';
import { startJobWorker } from './platform/jobs/worker.ts';
import { seedDemoCounty } from './platform/seed/demo-seed.ts';
import { appModules } from './modules/index.ts';
import type { SeedOptions } from './platform/seed/seed-step.ts';

/** Starts the server and stops it cleanly on SIGINT/SIGTERM (in-flight requests finish, the database closes). */
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
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await jobs.stop();
    await app.close();
    await database.close();
    clearTimeout(timer);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ host: config.host, port: config.port });
  const shown = address.replace('127.0.0.1', 'localhost');
  console.log(`\nwenming is running at ${shown}  (database: ${database.engine}${config.demo ? ', demo county' : ''})`);
  console.log(`API documentation: ${shown}/api/docs\n`);
  if (config.demo) console.log(`${demoAccountsBanner()}\n`);
}
