import type { CaseChannel } from '../../db/schema/cases.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblems } from '../../platform/http/app-error.ts';
import { caseScopeOf } from './cases.policy.ts';
import { caseNoOfTicket, lockTicketNo, ticketNoTaken } from './hotline-intake.store.ts';

/** 热线受理: filing a 12345 caller's report on their behalf (channel `hotline`), granted to the dispatcher's desk. */
export const hotlinePermission = 'cases.hotline';

/**
 * A 12345 工单号 as the operator typed or pasted it: full-width letters and digits (a Chinese IME's) made
 * half-width, spaces dropped, letters upper-cased, so one ticket is one value however it was keyed in. What
 * remains must be 3–40 letters, digits and `- _ /`, starting with a letter or digit (the platforms' numbers
 * look like `RX260312-001` or `2026031200123`).
 */
export function normalizeTicketNo(raw: string): { ok: true; value: string } | { ok: false } {
  const value = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
  return ticketPattern.test(value) ? { ok: true, value } : { ok: false };
}
const ticketPattern = /^[A-Z0-9][A-Z0-9_/-]{2,39}$/;

/** The fields only a hotline intake carries: said on the caller's behalf, by the caller. */
export const hotlineFields = ['callerName', 'phone', 'smsConsent', 'ticketNo'] as const;
type HotlineField = (typeof hotlineFields)[number];

/**
 * The channels a person may file under: anyone who reports, `other`; an inspector on patrol, `patrol`; a
 * volunteer, `volunteer`; the holder of 热线受理, `hotline`. `citizen` is the public form's alone: a member of
 * staff never speaks as an anonymous resident.
 */
export function channelsOpenTo(actor: Pick<Actor, 'roles' | 'permissions'>): CaseChannel[] {
  const open: CaseChannel[] = [];
  if (actor.roles.includes('inspector')) open.push('patrol');
  if (actor.roles.includes('volunteer')) open.push('volunteer');
  if (actor.permissions.has(hotlinePermission)) open.push('hotline');
  open.push('other');
  return open;
}

/**
 * The channel of a staff report: the one asked for, when the person may use it (else a 400 at `channel`);
 * without one, `hotline` when a hotline field was filled by its holder, else the person's first channel
 * (an inspector's `patrol`, a volunteer's `volunteer`, else `other`).
 */
export function decideChannel(
  actor: Pick<Actor, 'roles' | 'permissions'>,
  requested: CaseChannel | undefined,
  filled: readonly HotlineField[],
): CaseChannel {
  const open = channelsOpenTo(actor);
  if (requested !== undefined) {
    if (!open.includes(requested)) throw AppError.field('channel', 'cases.channel_not_allowed');
    return requested;
  }
  if (filled.length > 0 && open.includes('hotline')) return 'hotline';
  return open.find((channel) => channel !== 'hotline') ?? 'other';
}

/** Hotline fields on any other channel are refused one by one, so the form shows each where it is. */
export function assertHotlineFieldsFit(channel: CaseChannel, filled: readonly HotlineField[]): void {
  if (channel === 'hotline' || filled.length === 0) return;
  const problems: FieldProblems = {};
  for (const field of filled) problems[field] = { key: 'cases.hotline_field_only' };
  throw AppError.validation(problems);
}

/**
 * One case per 工单号 in the county. Checked inside the report's transaction, after a retried request has had
 * its replay (an intake sent twice with one Idempotency-Key is the same intake, not a second one); the lock
 * makes two operators entering one ticket at once meet here rather than at the unique index. The answer names
 * the case when the operator may open it.
 */
export async function assertTicketFree(t: Ctx, ticketNo: string): Promise<void> {
  await lockTicketNo(t.db, t.countyCode, ticketNo);
  if (!(await ticketNoTaken(t.db, t.countyCode, ticketNo))) return;
  const caseNo = t.actor ? await caseNoOfTicket(t.db, t.countyCode, ticketNo, caseScopeOf(t.actor)) : undefined;
  const key = caseNo ? 'cases.hotline_ticket_taken' : 'cases.hotline_ticket_taken_elsewhere';
  const vars = { ticketNo, caseNo: caseNo ?? '' };
  throw new AppError(409, 'hotline_ticket_taken', key, vars, { ticketNo: { key, vars } });
}
