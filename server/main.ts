import { parseArgs } from 'node:util';
import { assertProductionSafe, type Config, keyringFor, readConfig } from './config.ts';
import { adminCommand } from './cli/admin-command.ts';
import { auditVerifyCommand } from './platform/audit/audit.cli.ts';
import { backupDatabase, restoreDatabase } from './platform/backup/backup.ts';
import { KeysUsageError, keysCommand } from './platform/pii/keys-command.ts';
import { systemCtx, systemClock } from './platform/context.ts';
import { openPreparedDatabase } from './platform/db/prepare.ts';
import { seedDemoCounty } from './platform/seed/demo-seed.ts';
import type { SeedScale } from './platform/seed/seed-step.ts';
import { serve } from './serve.ts';

const usage = `wenming — county platform for the civilized-city campaign and public services

Usage: wenming <command> [options]

  serve [--demo] [--port N] [--host H]   start the server (migrates first; --demo seeds an empty database)
  migrate                                apply database migrations and reference data
  seed [--scale small|county] [--seed N] [--force]
                                         build the deterministic demo county
  backup <file>                          PGlite: data-folder archive (.tar.gz); PostgreSQL: pg_dump SQL
  restore <file>                         the reverse (the server must be stopped for PGlite)
  admin create --login ID --name N --role sys_admin|sec_admin|audit_admin
                                         create an administrator (password from WENMING_ADMIN_PASSWORD or stdin)
  audit verify                           check the audit trail's hash chain
  keys new|add|rotate|status             field-encryption keys (kept outside the database)

Environment: DATABASE_URL (postgres://… — unset uses embedded PGlite in WENMING_DATA_DIR, default ./data),
PORT, HOST, NODE_ENV, WENMING_DEMO, WENMING_SEED, WENMING_SEED_SCALE, LOG_LEVEL.`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) return void console.log(usage);
  const config = withOverrides(readConfig(), values);
  // Creating the first key file must work before production's "keys are configured" check can pass.
  if (command === 'keys') return keysCommand(rest, config);
  assertProductionSafe(config);
  switch (command) {
    case 'serve':
      return serve(config, seedOptionsFrom(config, values));
    case 'migrate':
      return migrate(config);
    case 'seed':
      if (config.production) throw new UsageError('The demo seed never runs with NODE_ENV=production.');
      return seed(config, seedOptionsFrom(config, values), values.force === true);
    case 'backup':
      return backupDatabase(config, requireFile(rest[0], 'backup'));
    case 'restore':
      return restoreDatabase(config, requireFile(rest[0], 'restore'));
    case 'admin':
      process.exitCode = await adminCommand(rest, config);
      return;
    case 'audit':
      process.exitCode = await auditCommand(rest, config);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  }
}

class UsageError extends Error {}

function withOverrides(config: Config, values: { demo?: boolean; port?: string; host?: string }): Config {
  return {
    ...config,
    demo: values.demo ?? config.demo,
    port: values.port ? Number(values.port) : config.port,
    host: values.host ?? config.host,
  };
}

function seedOptionsFrom(config: Config, values: { scale?: string; seed?: string }) {
  const scale = values.scale ?? process.env.WENMING_SEED_SCALE ?? 'county';
  if (scale !== 'small' && scale !== 'county') throw new UsageError(`--scale must be small or county, got "${scale}"`);
  const seed = Number(values.seed ?? process.env.WENMING_SEED ?? 430225);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer, got "${values.seed}"`);
  return { scale: scale as SeedScale, seed, countyCode: config.countyCode };
}

function requireFile(file: string | undefined, command: string): string {
  if (!file) throw new UsageError(`${command} needs a file name: wenming ${command} <file>`);
  return file;
}

async function auditCommand(args: string[], config: Config): Promise<number> {
  if (args[0] !== 'verify') throw new UsageError('Usage: wenming audit verify');
  const database = await openPreparedDatabase(config, keyringFor(config));
  try {
    return await auditVerifyCommand(database, config.countyCode);
  } finally {
    await database.close();
  }
}

async function migrate(config: Config): Promise<void> {
  const database = await openPreparedDatabase(config, keyringFor(config));
  await database.close();
  console.log(`Migrations applied (${database.engine}).`);
}

async function seed(config: Config, options: ReturnType<typeof seedOptionsFrom>, force: boolean): Promise<void> {
  const keyring = keyringFor(config);
  const database = await openPreparedDatabase(config, keyring);
  try {
    const record = await seedDemoCounty(systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: systemClock }), options, { force });
    console.log(record ? `Seeded ${record.steps.length} steps.` : 'Already seeded (use --force to seed again).');
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError || error instanceof KeysUsageError;
  console.error(usage ? (error as Error).message : error);
  process.exitCode = usage ? 2 : 1;
});
