import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn, testPassword, testTotpSecret } from '../../testing/test-auth.ts';
import { tx } from '../db/tx.ts';
import { runDueJobs, runnerFor } from '../jobs/run-due.ts';
import { writeSetting } from '../settings/settings.store.ts';
import { authManifest } from './auth.module.ts';
import { createAccount } from './create-user.ts';
import { loadInactivitySettings, sweepInactiveAccounts } from './inactive-accounts.ts';
import { listSessionsOfUser } from './sessions.store.ts';
import { totpCodeAt } from './totp.ts';
import { findUserById } from './users.store.ts';

/** AC-05: the fake clock walks an account through 83 (warning), 90 (disabled) and a re-enabling. */
describe('accounts inactive for 90 days (AC-05)', () => {
  const t = useTestApp();
  const day = 86_400_000;
  const t0 = new Date('2026-03-02T01:00:00Z');
  const at = (days: number) => t.clock.set(new Date(t0.getTime() + days * day));
  const sweep = () => sweepInactiveAccounts(t.db.ctx({ clock: t.clock }));
  const user = async (id: string) => (await findUserById(t.db.database.db, '430225', id))!;
  const rows = async (sql: string, params: unknown[]) => t.db.database.query<Record<string, unknown>>(sql, params);
  const audits = (id: string) =>
    rows(
      `select event_type, action, reason_code, details from audit_event where object_id = $1 and event_type like 'users.%' and event_type <> 'users.create' order by seq`,
      [id],
    );
  const events = (id: string) =>
    rows('select topic, object_type, payload from outbox_event where object_id = $1 order by id', [id]);

  let idle: SignedIn;
  let active: SignedIn;
  let soleSys: string;
  beforeAll(async () => {
    at(0);
    idle = await signIn(t.app, { roles: ['inspector'] });
    soleSys = (
      await tx(t.db.ctx({ clock: t.clock }), (x) =>
        createAccount(x, {
          loginId: 'sys.only',
          displayName: '系统管理员',
          scopeRegion: '430225',
          password: testPassword,
          roles: ['sys_admin'],
        }),
      )
    ).id;
    at(30);
    active = await signIn(t.app, { roles: ['department'], department: 'chengguan' });
  });

  it('does nothing before the warning, then warns once 7 days before', async () => {
    at(82.9);
    expect(await sweep()).toBe(0);
    at(83);
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    expect(await audits(idle.userId)).toEqual([
      {
        event_type: 'users.inactivity_warning',
        action: 'warn',
        reason_code: 'inactive',
        details: { days: 83, disableAt: '2026-05-31T01:00:00.000Z' },
      },
    ]);
    expect(await events(idle.userId)).toEqual([
      {
        topic: 'auth.account_inactive_warning',
        object_type: 'user',
        payload: { days: 83, disableAt: '2026-05-31T01:00:00.000Z', daysLeft: 7 },
      },
    ]);
    expect((await user(idle.userId)).status).toBe('active');
  });

  it('disables at 90 days, ends the sessions, records why; the second run does nothing', async () => {
    expect(await listSessionsOfUser(t.db.database.db, '430225', idle.userId)).toHaveLength(1);
    at(89.99);
    expect(await sweep()).toBe(0);
    at(90);
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const row = await user(idle.userId);
    expect(row).toMatchObject({ status: 'disabled', disabledReason: 'inactive', statusChangedAt: t.clock() });
    expect(await listSessionsOfUser(t.db.database.db, '430225', idle.userId)).toEqual([]);
    expect((await audits(idle.userId)).at(-1)).toEqual({
      event_type: 'users.disable',
      action: 'disable',
      reason_code: 'inactive',
      details: { days: 90, sessionsEnded: 1 },
    });
    expect((await events(idle.userId)).at(-1)).toEqual({
      topic: 'auth.account_disabled',
      object_type: 'user',
      payload: { reason: 'inactive', days: 90 },
    });
    // Signed in on day 30: 60 days idle, neither warned nor disabled.
    expect(await user(active.userId)).toMatchObject({ status: 'active', inactivityWarnedAt: null });
    expect(await events(active.userId)).toEqual([]);
  });

  it('never disables or warns the only active system administrator', async () => {
    expect(await user(soleSys)).toMatchObject({ status: 'active', disabledReason: null, inactivityWarnedAt: null });
    expect(await audits(soleSys)).toEqual([]);
  });

  it('shows the reason in the user list; re-enabling clears it and starts a fresh period', async () => {
    at(91);
    const sys = await signIn(t.app, { roles: ['sys_admin'] });
    const listed = await t.app.inject({ method: 'GET', url: '/api/admin/users?status=disabled', headers: sys.headers });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: idle.userId, disabledReason: 'inactive' })]);
    const enabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${idle.userId}`,
      headers: sys.headers,
      payload: { status: 'active' },
    });
    expect(enabled.json()).toMatchObject({ status: 'active', disabledReason: null });
    // Another system administrator exists now, so the idle one (91 days) is no longer exempt.
    expect(await sweep()).toBe(1);
    expect(await user(soleSys)).toMatchObject({ status: 'disabled', disabledReason: 'inactive' });
    expect(await user(idle.userId)).toMatchObject({ status: 'active', disabledReason: null });
    at(91 + 83);
    await sweep();
    expect((await events(idle.userId)).at(-1)).toMatchObject({
      topic: 'auth.account_inactive_warning',
      payload: { days: 83 },
    });
    at(91 + 90);
    await sweep();
    expect(await user(idle.userId)).toMatchObject({ status: 'disabled', disabledReason: 'inactive' });
  });

  it('a disabling by hand has no system reason', async () => {
    const sys = await signIn(t.app, { roles: ['sys_admin'] });
    const other = await signIn(t.app, { roles: ['inspector'] });
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${other.userId}`,
      headers: sys.headers,
      payload: { status: 'disabled' },
    });
    expect(off.json()).toMatchObject({ status: 'disabled', disabledReason: null });
  });

  it('runs daily from the auth manifest on the durable schedule', async () => {
    const ctx = t.db.ctx({ clock: t.clock });
    const runner = runnerFor([authManifest]);
    at(200);
    const later = await signIn(t.app, { roles: ['inspector'] });
    await runDueJobs(ctx, runner);
    at(200 + 90);
    const ran = await runDueJobs(ctx, runner);
    expect(ran.ticks).toEqual([{ name: 'auth.inactive-accounts', outcome: 'ok', result: expect.any(Number) }]);
    expect(await user(later.userId)).toMatchObject({ status: 'disabled', disabledReason: 'inactive' });
  });

  it('pages through the idle accounts; accounts already warned do not hold a page', async () => {
    at(400);
    const many = [];
    for (let i = 0; i < 3; i++) many.push(await signIn(t.app, { roles: ['inspector'] }));
    at(483);
    const ctx = t.db.ctx({ clock: t.clock });
    expect(await sweepInactiveAccounts(ctx, 1)).toBeGreaterThanOrEqual(3);
    expect(await sweepInactiveAccounts(ctx, 1)).toBe(0);
    for (const one of many) {
      expect(await events(one.userId)).toEqual([expect.objectContaining({ topic: 'auth.account_inactive_warning' })]);
    }
    at(490);
    expect(await sweepInactiveAccounts(ctx, 1)).toBeGreaterThanOrEqual(3);
    for (const one of many) expect((await user(one.userId)).status).toBe('disabled');
  });

  it('a password without the second factor is not a sign-in: only the proved code keeps an account active', async () => {
    at(600);
    const one = await signIn(t.app, { roles: ['inspector'] });
    at(650);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: one.loginId, password: testPassword },
    });
    expect(login.json().pending).toBe('mfa');
    expect((await user(one.userId)).lastLoginAt).toEqual(new Date(t0.getTime() + 600 * day));
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: String(login.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': login.json().csrfToken },
      payload: { code: totpCodeAt(testTotpSecret, t.clock()) },
    });
    expect(verified.statusCode).toBe(200);
    expect((await user(one.userId)).lastLoginAt).toEqual(t.clock());
  });

  it('reads its days from the settings, kept within bounds', async () => {
    const ctx = t.db.ctx({ clock: t.clock });
    expect(await loadInactivitySettings(ctx)).toEqual({ disableAfterDays: 90, warnDaysBefore: 7 });
    await writeSetting(ctx.db, '430225', 'auth.inactivity', { disableAfterDays: 5, warnDaysBefore: 'x' }, t.clock());
    expect(await loadInactivitySettings(ctx)).toEqual({ disableAfterDays: 30, warnDaysBefore: 7 });
    await writeSetting(ctx.db, '430225', 'auth.inactivity', { disableAfterDays: 120, warnDaysBefore: 14 }, t.clock());
    expect(await loadInactivitySettings(ctx)).toEqual({ disableAfterDays: 120, warnDaysBefore: 14 });
  });
});
