import type { ParseArgsConfig } from 'node:util';
import { type Config, keyringFor } from '../config.ts';
import { auditPurgeCommand, auditVerifyCommand } from '../platform/audit/audit.cli.ts';
import { backupDatabase, restoreDatabase } from '../platform/backup/backup.ts';
import { systemClock, systemCtx } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { keysCommand, keysUsage } from '../platform/pii/keys-command.ts';
import { seedDemoCounty } from '../platform/seed/demo-seed.ts';
import { appModules } from '../modules/index.ts';
import type { SeedOptions } from '../platform/seed/seed-step.ts';
import { serve } from '../serve.ts';
import { adminCommand, adminUsage } from './admin-command.ts';
import { jobsCommand, jobsUsage } from './jobs-command.ts';
import { openMaintenanceDatabase } from './maintenance-database.ts';

/** A mistake in how the command was called: the message (with the usage) and exit code 2, no stack trace. */
export class UsageError extends Error {}

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;
export type ParsedValues = Record<string, string | boolean | undefined>;

export interface CliCommand {
  name: string;
  /** How it is called, as `--help` and the README's table show it. */
  synopsis: string;
  summary: string;
  /** Its own options: anything else is a usage error (each command parses its own; none is global). */
  options: CommandOptions;
  /** `keys new` must work before production's "keys are configured" check can pass. */
  beforeProductionChecks?: boolean;
  /** Options that change the configuration (`serve --demo`), applied before the production checks judge it. */
  configure?(values: ParsedValues, config: Config): Config;
  /** The exit code (0 when it returns nothing). */
  run(positionals: string[], values: ParsedValues, config: Config): Promise<number | undefined>;
}

const text = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

export const commands: readonly CliCommand[] = [
  {
    name: 'serve',
    synopsis: 'serve [--demo] [--port N] [--host H]',
    summary: 'start the server (migrates first; --demo seeds an empty database)',
    options: { demo: flag, port: text, host: text },
    configure: (values, config) => ({
      ...config,
      demo: values.demo === true || config.demo,
      port: portOf(values.port, config.port),
      host: typeof values.host === 'string' ? values.host : config.host,
    }),
    async run(positionals, _values, config) {
      noPositionals('serve', positionals);
      await serve(config, seedOptionsFrom(config, {}));
      return undefined;
    },
  },
  {
    name: 'migrate',
    synopsis: 'migrate',
    summary: 'apply database migrations and reference data (regions)',
    options: {},
    async run(positionals, _values, config) {
      noPositionals('migrate', positionals);
      await withDatabase(config, async (database) => console.log(`Migrations applied (${database.engine}).`));
      return undefined;
    },
  },
  {
    name: 'seed',
    synopsis: 'seed [--scale small|county] [--seed N] [--force]',
    summary: 'build the deterministic demo county, with progress',
    options: { scale: text, seed: text, force: flag },
    async run(positionals, values, config) {
      noPositionals('seed', positionals);
      if (config.production) throw new UsageError('The demo seed never runs with NODE_ENV=production.');
      const options = seedOptionsFrom(config, values);
      await withDatabase(config, async (database) => {
        const ctx = systemCtx(
          database,
          { countyCode: config.countyCode, keyring: keyringFor(config) },
          { clock: systemClock },
        );
        const record = await seedDemoCounty(ctx, appModules, options, { force: values.force === true });
        console.log(record ? `Seeded ${record.steps.length} steps.` : 'Already seeded (use --force to seed again).');
      });
      return undefined;
    },
  },
  {
    name: 'backup',
    synopsis: 'backup <file>',
    summary: 'PGlite: data-folder archive (.tar.gz); PostgreSQL: pg_dump SQL',
    options: {},
    async run(positionals, _values, config) {
      await backupDatabase(config, oneFile('backup', positionals), appModules);
      return undefined;
    },
  },
  {
    name: 'restore',
    synopsis: 'restore <file>',
    summary: 'the reverse (the server must be stopped for PGlite)',
    options: {},
    async run(positionals, _values, config) {
      await restoreDatabase(config, oneFile('restore', positionals), appModules);
      return undefined;
    },
  },
  {
    name: 'admin',
    synopsis: 'admin create --login ID --name N --role sys_admin|sec_admin|audit_admin',
    summary: 'create an administrator (password: WENMING_ADMIN_PASSWORD, else first line of stdin)',
    options: { login: text, name: text, role: text },
    async run(positionals, values, config) {
      if (positionals.length !== 1 || positionals[0] !== 'create') throw new UsageError(adminUsage);
      return adminCommand(
        {
          login: values.login as string | undefined,
          name: values.name as string | undefined,
          role: values.role as string | undefined,
        },
        config,
      );
    },
  },
  {
    name: 'audit',
    synopsis: 'audit verify | audit purge --dir D [--retention-days N]',
    summary: "check the audit trail's hash chain; archive, then remove, rows past retention",
    options: { dir: text, 'retention-days': text },
    async run(positionals, values, config) {
      const [sub, ...extra] = positionals;
      if (extra.length > 0 || (sub !== 'verify' && sub !== 'purge')) throw new UsageError(auditUsage);
      if (sub === 'verify') return withDatabase(config, (database) => auditVerifyCommand(database, config.countyCode));
      if (typeof values.dir !== 'string') throw new UsageError(auditUsage);
      const retentionDays =
        values['retention-days'] === undefined
          ? undefined
          : wholeNumber('--retention-days', values['retention-days'] as string);
      return withDatabase(config, (database) =>
        auditPurgeCommand(
          systemCtx(database, { countyCode: config.countyCode, keyring: keyringFor(config) }, { clock: systemClock }),
          { dir: values.dir as string, retentionDays },
        ),
      );
    },
  },
  {
    name: 'jobs',
    synopsis: 'jobs run-due | jobs list',
    summary: 'run the due schedule ticks and queued jobs once; list schedules, queue counts and failures',
    options: {},
    async run(positionals, _values, config) {
      const [sub, ...extra] = positionals;
      if (extra.length > 0 || (sub !== 'run-due' && sub !== 'list')) throw new UsageError(jobsUsage);
      return withDatabase(config, (database) =>
        jobsCommand(
          sub,
          systemCtx(database, { countyCode: config.countyCode, keyring: keyringFor(config) }, { clock: systemClock }),
          appModules,
        ),
      );
    },
  },
  {
    name: 'keys',
    synopsis: 'keys new|add|rotate|status',
    summary: 'field-encryption keys (kept outside the database)',
    options: {},
    beforeProductionChecks: true,
    async run(positionals, _values, config) {
      if (positionals.length !== 1) throw new UsageError(keysUsage);
      await keysCommand(positionals, config, {
        openDatabase: (given, keyring) => openMaintenanceDatabase(given, keyring),
      });
      return undefined;
    },
  },
];

const auditUsage = `Usage: wenming audit verify
       wenming audit purge --dir <folder> [--retention-days N]   (N ≥ 180; archives first, then removes)`;

export function findCommand(name: string): CliCommand | undefined {
  return commands.find((command) => command.name === name);
}

export function usage(): string {
  const width = 39;
  const lines = commands.map((c) =>
    c.synopsis.length < width
      ? `  ${c.synopsis.padEnd(width)}${c.summary}`
      : `  ${c.synopsis}\n  ${''.padEnd(width)}${c.summary}`,
  );
  return `wenming — county platform for the civilized-city campaign and public services

Usage: wenming <command> [options]      (wenming <command> --help for one command)

${lines.join('\n')}

Environment: DATABASE_URL (postgres://… — unset uses embedded PGlite in WENMING_DATA_DIR, default ./data),
WENMING_KEYS_FILE, WENMING_PUBLIC_URL, PORT, HOST, NODE_ENV, WENMING_DEMO, WENMING_SEED, WENMING_SEED_SCALE, LOG_LEVEL,
WENMING_PRE_STOP_DELAY (serve), WENMING_MAINTENANCE_STATEMENT_TIMEOUT (the other commands, PostgreSQL).`;
}

export function commandUsage(command: CliCommand): string {
  return `Usage: wenming ${command.synopsis}\n  ${command.summary}`;
}

function noPositionals(name: string, positionals: string[]): void {
  if (positionals.length > 0)
    throw new UsageError(`wenming ${name} takes no arguments, got "${positionals.join(' ')}".`);
}

function oneFile(name: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(`${name} needs one file name: wenming ${name} <file>`);
  return positionals[0]!;
}

function portOf(raw: string | boolean | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const port = wholeNumber('--port', String(raw));
  if (port > 65535) throw new UsageError(`--port must be 0–65535, got "${raw}"`);
  return port;
}

function wholeNumber(option: string, raw: string): number {
  if (!/^[0-9]{1,9}$/.test(raw)) throw new UsageError(`${option} must be a whole number, got "${raw}"`);
  return Number(raw);
}

function seedOptionsFrom(config: Config, values: ParsedValues): SeedOptions {
  const scale = (values.scale as string | undefined) ?? process.env.WENMING_SEED_SCALE ?? 'county';
  if (scale !== 'small' && scale !== 'county') throw new UsageError(`--scale must be small or county, got "${scale}"`);
  const seed = wholeNumber('--seed', String(values.seed ?? process.env.WENMING_SEED ?? 430225));
  return { scale, seed, countyCode: config.countyCode };
}

async function withDatabase<T>(config: Config, run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMaintenanceDatabase(config);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}
