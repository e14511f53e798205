import { afterEach, describe, expect, it, vi } from 'vitest';
import { tx } from '../platform/db/tx.ts';
import { enqueueJob, type QueuedJob } from '../platform/jobs/queue.ts';
import { testEngine, useTestDatabase } from '../testing/test-database.ts';
import { commandEnv, runWenming } from './cli-support.ts';
import { jobsCommand } from './jobs-command.ts';

describe('wenming jobs run-due | list', () => {
  const t = useTestDatabase();
  const ran: number[] = [];
  const flaky: QueuedJob<{ n: number }> = {
    name: 'test.cli',
    retry: { limit: 0, backoffMs: 0 },
    async run(_t, payload) {
      if (payload.n === 2) throw new Error('no such thing');
      ran.push(payload.n);
    },
  };
  const manifests = [{ key: 'jobs-test', queues: [flaky] }];
  const printed = () =>
    vi
      .mocked(console.log)
      .mock.calls.map((call) => String(call[0]))
      .join('\n');
  afterEach(() => vi.restoreAllMocks());

  it('run-due runs what is due, says what failed and exits 1 when a job died; list shows it', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await tx(t.ctx(), async (w) => {
      for (const n of [1, 2, 3]) await enqueueJob(w, flaky, { n });
    });
    expect(await jobsCommand('run-due', t.ctx(), manifests)).toBe(1);
    expect(ran).toEqual([1, 3]);
    expect(printed()).toMatch(/test\.cli attempt 1: dead \(Error: no such thing\)/);
    expect(printed()).toMatch(/Ran 0 schedule tick\(s\) and 3 job attempt\(s\): 2 done, 0 to retry, 1 dead\./);
    vi.mocked(console.log).mockClear();
    expect(await jobsCommand('list', t.ctx(), manifests)).toBe(0);
    expect(printed()).toMatch(/Queue: 0 pending, 0 running, 2 done, 1 dead/);
    expect(printed()).toMatch(/#\d+ test\.cli dead after 1\/1: Error: no such thing/);
  });

  it.runIf(testEngine() === 'pglite')('a wrong subcommand is a usage error (2), with the usage', async () => {
    const res = await runWenming(['jobs', 'drain'], commandEnv({}));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Usage: wenming jobs run-due/);
  });
});
