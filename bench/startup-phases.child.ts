// Child process for startup-phases.ts: does what `wenming serve --demo` does, step by step, timing each step,
// and writes the phases to BENCH_RESULT_FILE. It mirrors server/serve.ts and server/platform/db/prepare.ts
// (openPreparedDatabase): keep it in step when they change. Static imports are avoided on purpose so that
// loading the server's module graph is a phase of its own.
import fs from 'node:fs';

const bootMs = performance.now(); // process start → this file running: Node + the tsx loader
const phases: Array<[string, number]> = [['node + tsx boot', bootMs]];
let last = performance.now();
function lap(name: string): void {
  const now = performance.now();
  phases.push([name, now - last]);
  last = now;
}

const { keyringFor, readConfig } = await import('../server/config.ts');
const { buildApp } = await import('../server/app.ts');
const { systemClock, systemCtx } = await import('../server/platform/context.ts');
const { openDatabase } = await import('../server/platform/db/engine.ts');
const { runMigrations } = await import('../server/platform/db/migrate.ts');
const { appModules } = await import('../server/modules/index.ts');
const { adoptManifests } = await import('../server/platform/modules/adopt.ts');
const { loadReferenceData, runBackfills } = await import('../server/platform/db/prepare.ts');
const { loadSecuritySettings } = await import('../server/platform/auth/admin/security-policy.ts');
const { freshAuthSettings } = await import('../server/platform/auth/auth-config.ts');
const { seedDemoCounty } = await import('../server/platform/seed/demo-seed.ts');
adoptManifests(appModules); // as runCli does
lap('import server modules');

const config = { ...readConfig(), demo: true, port: 0, logLevel: 'warn' };
const keyring = keyringFor(config);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
lap('open database (PGlite: initdb when empty)');
await runMigrations(database, config.databaseUrl);
lap('migrations');
const ctx = systemCtx(database, { countyCode: config.countyCode, keyring });
await loadReferenceData(ctx, appModules);
await runBackfills(ctx, appModules);
lap('reference data (every manifest: regions, calendar, case catalogue; built-in roles) and backfills');
// The same defaults as `wenming serve --demo` (seedOptionsFrom in server/cli/commands.ts).
await seedDemoCounty(
  ctx,
  appModules,
  { scale: 'county', seed: 430225, countyCode: config.countyCode },
  { quiet: true },
);
lap('demo seed');
const security = freshAuthSettings({ secureCookies: !config.insecureCookies });
await loadSecuritySettings(database.db, config.countyCode, security);
const app = await buildApp({ config, database, clock: systemClock, keyring, security });
await app.ready();
lap('security settings + build app (plugins, routes, OpenAPI)');
const address = await app.listen({ host: '127.0.0.1', port: 0 });
lap('listen');
const response = await fetch(`${address}/readyz`);
if (response.status !== 200) throw new Error(`/readyz answered ${response.status}`);
lap('first /readyz');

const total = performance.now();
await app.close();
await database.close();
fs.writeFileSync(process.env.BENCH_RESULT_FILE!, JSON.stringify({ engine: database.engine, phases, total }));
