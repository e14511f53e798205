// The library candidate: pg-boss 10.4 (the last line that runs on Node 20; 11+ needs Node 22). Its own schema
// `pgboss`, created by boss.start(). Enqueue joins the business transaction through `send(…, { db })`. Workers
// are driven by the same loop as ours (fetch up to 4, complete each, poll every 20 ms when idle) rather than
// `work()`, whose minimum polling interval (500 ms, waited after every fetch) would measure the interval.
import pg from 'pg';
import PgBoss from 'pg-boss';
import { sleep } from '../lib/proc.ts';
import { type QueueCandidate, runConcurrently, waitUntil } from './candidate.ts';

const queue = 'bench-noop';
const bossOptions = (url: string) => ({ connectionString: url, max: 4, supervise: false, schedule: false });

async function started(url: string): Promise<PgBoss> {
  const boss = new PgBoss(bossOptions(url));
  boss.on('error', (error: Error) => console.error('pg-boss:', error.message));
  await boss.start();
  return boss;
}

/** One worker: up to 4 jobs at a time, each completed on its own, as platform/jobs' worker does. */
async function work(boss: PgBoss, stop: () => boolean): Promise<void> {
  while (!stop()) {
    const jobs = await boss.fetch<{ n: number }>(queue, { batchSize: 4 });
    if (jobs.length === 0) await sleep(20);
    else await Promise.all(jobs.map((job) => boss.complete(queue, job.id)));
  }
}

export async function pgBossQueue(url: string): Promise<QueueCandidate> {
  const boss = await started(url);
  await boss.createQueue(queue, { name: queue, retryLimit: 0 });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const completed = async () =>
    Number(
      (await pool.query(`select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`, [queue]))
        .rows[0]?.n ?? 0,
    );
  return {
    label: 'pg-boss 10.4',
    async enqueue(count, clients) {
      await runConcurrently(count, clients, async (n) => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await boss.send(queue, { n }, { db: { executeSql: (text, values) => client.query(text, values) } });
          await client.query('commit');
        } finally {
          client.release();
        }
      });
    },
    async drain(total, workers) {
      const bosses = await Promise.all(Array.from({ length: workers }, () => started(url)));
      let stopping = false;
      const loops = bosses.map((b) => work(b, () => stopping));
      await waitUntil(async () => (await completed()) >= total);
      stopping = true;
      await Promise.all(loops);
      await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true })));
    },
    async claimLatency(samples) {
      const timings: number[] = [];
      for (let i = 0; i < samples; i++) {
        await boss.send(queue, { n: i });
        const begun = performance.now();
        const [job] = await boss.fetch(queue);
        timings.push(performance.now() - begun);
        if (!job) throw new Error('the sent job was not fetched');
        await boss.complete(queue, job.id);
      }
      return timings;
    },
    async dispose() {
      await boss.stop({ graceful: false, wait: true });
      await pool.end();
    },
  };
}
