// The benches' child processes come from the shared launcher (server/testing/child-process.ts, which the e2e app
// and the reliability suites use too); only `runToExit`, which fails on a non-zero exit, is the benches' own.
import { type Command, type Finished, runToEnd } from '../../server/testing/child-process.ts';

export {
  type Command,
  childEnv,
  type Finished,
  killAllChildren,
  type Started,
  sleep,
  startAndWaitForUrl,
  stop,
} from '../../server/testing/child-process.ts';
export { freePort } from '../../server/testing/free-port.ts';

/** Runs a command to completion and times it from spawn to exit; fails on a non-zero exit. */
export async function runToExit(cmd: Command, timeoutMs = 120_000): Promise<Finished> {
  const finished = await runToEnd(cmd, timeoutMs);
  if (finished.code !== 0)
    throw new Error(
      `${cmd.command} ${cmd.args.join(' ')} exited ${finished.code}\n${finished.stderr}${finished.stdout.slice(-2000)}`,
    );
  return finished;
}
