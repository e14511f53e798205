import { spawn } from 'node:child_process';
import path from 'node:path';
import { keyringFor, readConfig } from '../../server/config.ts';
import { appModules } from '../../server/modules/index.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { openPreparedDatabase } from '../../server/platform/db/prepare.ts';
import { adoptManifests } from '../../server/platform/modules/adopt.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Between two jobs the clock moves on this much, past the notifier's wait on holes in the event ids. */
const stepMs = 2 * 60_000;

/**
 * Runs manifest jobs by name, in order, at a chosen instant, against a stopped server's data folder (PGlite has
 * one process at a time): how an e2e test makes "a day later" happen without waiting for it. The jobs are the
 * real ones; only their clock is set. Run as `node --import tsx e2e/support/run-jobs.ts <iso> <job>…`.
 */
async function main(at: string, names: readonly string[]): Promise<void> {
  adoptManifests(appModules);
  const config = readConfig();
  const keyring = keyringFor(config);
  const database = await openPreparedDatabase(config, keyring, appModules);
  try {
    let now = new Date(at).getTime();
    for (const name of names) {
      const job = appModules.flatMap((m) => m.jobs ?? []).find((j) => j.name === name);
      if (!job) throw new Error(`no manifest job ${name}`);
      const instant = new Date(now);
      const result = await job.run(
        systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: () => instant }),
      );
      console.log(JSON.stringify({ job: name, at: instant.toISOString(), result }));
      now += stepMs;
    }
  } finally {
    await database.close();
  }
}

/** Spawns this file for a data folder: the e2e side of `main`. Resolves with what the jobs answered. */
export function runJobsAt(dataDir: string, at: Date, names: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/run-jobs.ts', at.toISOString(), ...names], {
      cwd: projectRoot,
      env: { ...process.env, WENMING_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`run-jobs exited ${code}:\n${output}`)),
    );
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [at, ...names] = process.argv.slice(2);
  main(at ?? '', names).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
