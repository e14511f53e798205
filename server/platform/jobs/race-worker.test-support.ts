// A worker process for exactly-once.test.ts: `node --import tsx race-worker.test-support.ts <postgres url> <start ms> [hang]`
// waits for the start time (so that all the processes begin together), drains the test queue and runs the test
// schedule's due tick, as a server process of its own would, and prints what it ran as JSON. With `hang`, the
// first job's handler writes its row, prints `started` and never returns: the test kills the process there.
import { sql } from 'drizzle-orm';
import { systemClock, systemCtx } from '../context.ts';
import { openDatabase } from '../db/engine.ts';
import { testKeyring } from '../pii/keyring.ts';
import type { QueuedJob } from './queue.ts';
import { runDueJobs, runnerFor } from './run-due.ts';

const [url, start, mode] = process.argv.slice(2);
if (!url || !start) throw new Error('usage: race-worker.test-support.ts <postgres url> <start ms> [hang]');
const raceJob: QueuedJob<{ n: number }> = {
  name: 'test.race',
  async run(t, payload) {
    await t.db.execute(sql`insert into jobs_test_race values (${t.countyCode}, ${payload.n}, ${process.pid})`);
    if (mode === 'hang') {
      console.log('started');
      await new Promise(() => {});
    }
  },
};
const tick = { name: 'test.race-tick', everyMs: 3_600_000, run: async () => process.pid };
const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
const ctx = systemCtx(database, { countyCode: '430225', keyring: testKeyring() }, { clock: systemClock });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(start) - Date.now())));
const run = await runDueJobs(ctx, runnerFor([{ key: 'jobs-test', queues: [raceJob], jobs: [tick] }]));
await database.close();
console.log(JSON.stringify({ jobs: run.jobs.length, ticks: run.ticks.length }));
