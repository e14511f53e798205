import { runCli } from './cli/run-cli.ts';

/** The `wenming` command (bin/wenming.js loads this file through tsx): see cli/commands.ts for the commands. */
process.exitCode = await runCli(process.argv.slice(2));
