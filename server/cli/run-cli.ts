import { parseArgs } from 'node:util';
import { assertProductionSafe, readConfig } from '../config.ts';
import { appModules } from '../modules/index.ts';
import { adoptManifests } from '../platform/modules/adopt.ts';
import { KeysUsageError } from '../platform/pii/keys-command.ts';
import { type CommandOptions, commandUsage, findCommand, type ParsedValues, UsageError, usage } from './commands.ts';

/**
 * The `wenming` command line: the first word names the command, and each command parses its own options
 * (commands.ts), so `admin create --login …` is not refused by another command's list. Answers the exit code:
 * 0 done, 1 failed (the reason on stderr), 2 called wrongly (the usage on stderr). `serve` answers once listening.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  // Messages, personal-data fields and revealers come from the manifests (this is a composition root).
  adoptManifests(appModules);
  try {
    return await dispatch(argv);
  } catch (error) {
    const usageError = error instanceof UsageError || error instanceof KeysUsageError;
    // An operator reads the reason (a missing setting, a refused password); the stack is for LOG_LEVEL=debug.
    const detailed = !usageError && (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace');
    console.error(detailed || !(error instanceof Error) ? error : error.message);
    return usageError ? 2 : 1;
  }
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  const command = findCommand(name);
  if (!command) throw new UsageError(`Unknown command "${name}".\n\n${usage()}`);
  const { positionals, values } = parseCommandArgs(rest, command.options, commandUsage(command));
  if (values.help) {
    console.log(commandUsage(command));
    return 0;
  }
  const config = command.configure?.(values, readConfig()) ?? readConfig();
  if (!command.beforeProductionChecks) assertProductionSafe(config);
  return (await command.run(positionals, values, config)) ?? 0;
}

function parseCommandArgs(args: string[], options: CommandOptions, help: string) {
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
    return { positionals: parsed.positionals, values: parsed.values as ParsedValues };
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      throw new UsageError(`${(error as Error).message}\n\n${help}`);
    throw error;
  }
}
