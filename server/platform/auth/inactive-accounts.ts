import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { emitEvent } from '../delivery/outbox.ts';
import type { PeriodicJob } from '../jobs/periodic.ts';
import { readSetting } from '../settings/settings.store.ts';
import {
  adminKindsHeldAlone,
  disableIdleAccount,
  findIdleAccounts,
  type IdleAccount,
  type IdleCursor,
  markInactivityWarned,
} from './inactive-accounts.store.ts';
import { deleteSessionsOfUser } from './sessions.store.ts';

/**
 * AC-05 (等保 2.0 L3 身份鉴别: 应及时删除或停用多余的、过期的账户): an account nobody has signed in to for 90 days
 * is disabled, its sessions end, and the user list says why; a warning goes out 7 days before. Kept in
 * `app_setting` under `auth.inactivity` (the county may choose within `inactivityBounds`).
 */
export interface InactivitySettings {
  disableAfterDays: number;
  /** 0 turns the warning off. */
  warnDaysBefore: number;
}

export const inactivitySettingKey = 'auth.inactivity';
export const defaultInactivitySettings: InactivitySettings = { disableAfterDays: 90, warnDaysBefore: 7 };
export const inactivityBounds = { disableAfterDays: [30, 365], warnDaysBefore: [0, 30] } as const;

const dayMs = 86_400_000;
const clamp = (value: unknown, [min, max]: readonly [number, number], fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;

/** The saved values within their bounds (a hand-written row cannot switch the rule off); the warning comes first. */
export async function loadInactivitySettings(ctx: Ctx): Promise<InactivitySettings> {
  const saved = (await readSetting<Partial<InactivitySettings>>(ctx.db, ctx.countyCode, inactivitySettingKey)) ?? {};
  const d = defaultInactivitySettings;
  const disableAfterDays = clamp(saved.disableAfterDays, inactivityBounds.disableAfterDays, d.disableAfterDays);
  const warnDaysBefore = clamp(saved.warnDaysBefore, inactivityBounds.warnDaysBefore, d.warnDaysBefore);
  return { disableAfterDays, warnDaysBefore: Math.min(warnDaysBefore, disableAfterDays - 1) };
}

/** Whole days since the account's last activity (calendar days: the rule counts days, not working days). */
export function inactiveDays(lastActivityAt: Date, now: Date): number {
  return Math.floor((now.getTime() - lastActivityAt.getTime()) / dayMs);
}

/**
 * The daily run: disables accounts idle for `disableAfterDays`, warns those within `warnDaysBefore` of it.
 * Idempotent: a disabled account is no longer active, a warned one is not warned again until it signs in and
 * goes idle anew. Each step re-checks in one statement, so a sign-in during the run wins. Returns how many
 * accounts it disabled or warned.
 */
export async function sweepInactiveAccounts(ctx: Ctx, pageSize = 200): Promise<number> {
  const now = ctx.clock();
  const settings = await loadInactivitySettings(ctx);
  const disableSince = new Date(now.getTime() - settings.disableAfterDays * dayMs);
  const warnSince = new Date(disableSince.getTime() + settings.warnDaysBefore * dayMs);
  let acted = 0;
  let after: IdleCursor | null = null;
  for (;;) {
    const page = await findIdleAccounts(
      ctx.db,
      ctx.countyCode,
      { warnSince, disableSince },
      { after, limit: pageSize },
    );
    for (const account of page) {
      const done =
        account.lastActivityAt <= disableSince
          ? await disableInactive(ctx, account, disableSince)
          : settings.warnDaysBefore > 0 && (await warnInactive(ctx, account, warnSince, settings));
      if (done) acted += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return acted;
    after = { lastActivityAt: last.lastActivityAt, id: last.id };
  }
}

/**
 * Exempt: the last active holder of a 三员 role (the break-glass administrator). Disabling the county's only
 * system administrator would leave nobody to re-enable anyone and a production start refusing to run
 * (AUTH-01); the role administration keeps the last holder of each for the same reason (AC-03).
 */
async function exempt(t: Ctx, account: IdleAccount): Promise<boolean> {
  return (await adminKindsHeldAlone(t.db, t.countyCode, account.id)).length > 0;
}

async function disableInactive(ctx: Ctx, account: IdleAccount, disableSince: Date): Promise<boolean> {
  return tx(ctx, async (t) => {
    if (await exempt(t, account)) return false;
    const now = t.clock();
    if (!(await disableIdleAccount(t.db, t.countyCode, account.id, disableSince, now))) return false;
    const sessionsEnded = await deleteSessionsOfUser(t.db, t.countyCode, account.id);
    const days = inactiveDays(account.lastActivityAt, now);
    await recordAudit(t, {
      eventType: 'users.disable',
      action: 'disable',
      reasonCode: 'inactive',
      objectType: 'user',
      objectId: account.id,
      details: { days, sessionsEnded },
    });
    await emitEvent(t, {
      topic: 'auth.account_disabled',
      objectType: 'user',
      objectId: account.id,
      payload: { reason: 'inactive', days },
    });
    return true;
  });
}

async function warnInactive(ctx: Ctx, account: IdleAccount, warnSince: Date, settings: InactivitySettings) {
  if (account.warnedAt && account.warnedAt >= account.lastActivityAt) return false;
  return tx(ctx, async (t) => {
    if (await exempt(t, account)) return false;
    const now = t.clock();
    if (!(await markInactivityWarned(t.db, t.countyCode, account.id, warnSince, now))) return false;
    const days = inactiveDays(account.lastActivityAt, now);
    const disableAt = new Date(account.lastActivityAt.getTime() + settings.disableAfterDays * dayMs).toISOString();
    await recordAudit(t, {
      eventType: 'users.inactivity_warning',
      action: 'warn',
      reasonCode: 'inactive',
      objectType: 'user',
      objectId: account.id,
      details: { days, disableAt },
    });
    await emitEvent(t, {
      topic: 'auth.account_inactive_warning',
      objectType: 'user',
      objectId: account.id,
      payload: { days, disableAt, daysLeft: settings.disableAfterDays - days },
    });
    return true;
  });
}

/** Daily is the rule's resolution (days); the job engine runs each tick once across server processes. */
export const inactiveAccountsJob: PeriodicJob = {
  name: 'auth.inactive-accounts',
  everyMs: dayMs,
  run: (ctx) => sweepInactiveAccounts(ctx),
};
