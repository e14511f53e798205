import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { builtinRoles, withGrants } from '../access/roles.ts';
import { upsertBuiltinRoles } from '../auth/roles.store.ts';
import { tx } from '../db/tx.ts';
import { adoptedManifests } from '../modules/adopt.ts';
import { enqueueJob, type QueuedJob } from './queue.ts';
import { runDueJobs, runnerFor } from './run-due.ts';

const modules = adoptedManifests();

describe('the operator view of background jobs', () => {
  const t = useTestApp({ modules });
  let admin: SignedIn;
  let coordinator: SignedIn;
  let securityAdmin: SignedIn;
  const failing: QueuedJob<{ phone: string }> = {
    name: 'test.always-fails',
    retry: { limit: 1, backoffMs: 1000 },
    async run() {
      throw new Error('gateway said no');
    },
  };
  const runner = runnerFor([
    { key: 'jobs-test', queues: [failing], jobs: [{ name: 'test.tick', everyMs: 60_000, run: async () => 1 }] },
  ]);
  const ctx = () => t.db.ctx({ clock: t.clock });
  const call = (method: 'GET' | 'POST', url: string, who?: SignedIn, lang = 'zh') =>
    t.app.inject({ method, url, headers: { ...(who?.headers ?? {}), 'accept-language': lang } });
  let deadId = '';

  beforeAll(async () => {
    await tx(t.db.ctx(), (x) =>
      upsertBuiltinRoles(
        x.db,
        x.countyCode,
        withGrants(
          builtinRoles,
          modules.map((m) => m.grants ?? {}),
        ),
      ),
    );
    admin = await signIn(t.app, { roles: ['sys_admin'] });
    coordinator = await signIn(t.app, { roles: ['coordinator'] });
    securityAdmin = await signIn(t.app, { roles: ['sec_admin'] });
    await tx(ctx(), async (w) => {
      await enqueueJob(w, failing, { phone: '13812345678' });
      await enqueueJob(w, failing, { phone: '13900000000' }, { runAt: new Date(t.clock().getTime() + 3_600_000) });
    });
    await runDueJobs(ctx(), runner);
    t.clock.advance(1000);
    const run = await runDueJobs(ctx(), runner);
    deadId = String(run.jobs[0]?.id);
    t.clock.advance(60_000);
    await runDueJobs(ctx(), runner);
  });

  it('401 without a session, 403 for staff and for the security administrator', async () => {
    expect((await call('GET', '/api/system/jobs')).statusCode).toBe(401);
    expect((await call('POST', `/api/system/jobs/${deadId}/retry`)).statusCode).toBe(401);
    for (const who of [coordinator, securityAdmin]) {
      expect((await call('GET', '/api/system/jobs', who)).statusCode).toBe(403);
      expect((await call('POST', `/api/system/jobs/${deadId}/retry`, who)).statusCode).toBe(403);
    }
  });

  it('400 for an id that is not one, 404 for a job that does not exist, 409 for a job that is not dead', async () => {
    for (const id of ['abc', '0', '-1', '1e3', '99999999999999999999'])
      expect((await call('POST', `/api/system/jobs/${id}/retry`, admin)).statusCode).toBe(400);
    const missing = await call('POST', '/api/system/jobs/987654/retry', admin, 'en');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/Background job/);
    const [pending] = await t.db.database.query<{ id: number }>("select id from jobs_job where state = 'pending'");
    const notDead = await call('POST', `/api/system/jobs/${pending?.id}/retry`, admin);
    expect(notDead.statusCode).toBe(409);
    expect(notDead.json().error).toMatchObject({
      code: 'job_not_dead',
      message: '只有已终止（多次失败）的任务可以重试',
    });
  });

  it('shows schedules, counts by state and the dead job with its error, never its payload', async () => {
    const response = await call('GET', '/api/system/jobs', admin);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.counts).toEqual({ pending: 1, running: 0, done: 0, dead: 1 });
    expect(body.failures).toEqual([
      expect.objectContaining({ id: deadId, name: 'test.always-fails', state: 'dead', attempts: 2, maxAttempts: 2 }),
    ]);
    expect(body.failures[0].lastError).toBe('Error: gateway said no');
    expect(response.body).not.toContain('1381234');
    const tick = body.schedules.find((s: { name: string }) => s.name === 'test.tick');
    expect(tick).toMatchObject({ everyMs: 60_000, lastOutcome: 'ok', lastError: null, running: false });
  });

  it('puts a dead job back in the queue, audited, and it runs again', async () => {
    const retried = await call('POST', `/api/system/jobs/${deadId}/retry`, admin);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual({ id: deadId, state: 'pending' });
    const audit = await t.db.database.query<{ actor_id: string; details: Record<string, unknown> }>(
      "select actor_id, details from audit_event where event_type = 'jobs.retry' and object_id = $1",
      [deadId],
    );
    expect(audit).toEqual([{ actor_id: admin.userId, details: { name: 'test.always-fails' } }]);
    const again = await runDueJobs(ctx(), runner);
    expect(again.jobs.map((j) => [String(j.id), j.attempt, j.outcome])).toEqual([[deadId, 1, 'retry']]);
    expect((await call('POST', `/api/system/jobs/${deadId}/retry`, admin)).statusCode).toBe(409);
  });
});
