import { randomUUID } from 'node:crypto';
import { auditEvent } from '../../db/schema/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { advanceChainHead, lockChainHead } from './chain-head.ts';
import { type AuditRowWithoutHash, hashAuditRow } from './chain.ts';
import { sanitiseDetails } from './sanitise.ts';

export type AuditOutcome = 'success' | 'failure';

/** What happened, in the caller's words; who, when and from where come from the context. */
export interface AuditInput {
  /** Dotted, module first: 'auth.login', 'access.denied', 'pii.reveal', 'cases.register'. */
  eventType: string;
  /** The verb shown to auditors: 'create', 'update', 'login', 'export', … */
  action: string;
  outcome?: AuditOutcome;
  objectType?: string;
  objectId?: string;
  /** Why it failed or was refused, as a stable code ('password_wrong', 'out_of_scope'). */
  reasonCode?: string;
  /** Context for the auditor: field names and counts, never contents (sanitised anyway, see sanitise.ts). */
  details?: Record<string, unknown>;
}

/** A programming error: audit writes outside a transaction could commit without the change, or vice versa. */
export class AuditOutsideTransactionError extends Error {
  constructor(eventType: string) {
    super(`recordAudit("${eventType}") must run inside tx(ctx, …) so it commits with the change (AUD-04)`);
    this.name = 'AuditOutsideTransactionError';
  }
}

/**
 * Appends one event to the county's hash chain, in the caller's transaction (AUD-04): if the audit row cannot
 * be written the change fails with it, and a rolled-back change leaves no audit row claiming it happened.
 * The row is taken now (who, when, what) and chained at the end of the transaction: the chain head is one
 * row per county that every audited write locks, so it is held for the commit only, not for the whole write.
 */
export async function recordAudit(t: Ctx, input: AuditInput): Promise<void> {
  if (!t.inTransaction) throw new AuditOutsideTransactionError(input.eventType);
  const row = buildRow(t, input, 0, '');
  const append = (x: Ctx) => appendToChain(x, row);
  if (t.beforeCommit) t.beforeCommit.push(append);
  else await append(t);
}

async function appendToChain(t: Ctx, taken: AuditRowWithoutHash): Promise<void> {
  const head = await lockChainHead(t.db, t.countyCode);
  const row = { ...taken, seq: head.lastSeq + 1, prevHash: head.lastHash };
  const hash = hashAuditRow(row);
  await t.db.insert(auditEvent).values({ ...row, hash });
  await advanceChainHead(t.db, t.countyCode, { lastSeq: row.seq, lastHash: hash });
}

/**
 * For events with no business transaction to join: access denials, failed sign-ins, reads worth recording.
 * It opens its own (or joins the caller's, when already inside one).
 */
export async function recordAuditOutside(ctx: Ctx, input: AuditInput): Promise<void> {
  await tx(ctx, (t) => recordAudit(t, input));
}

function buildRow(t: Ctx, input: AuditInput, seq: number, prevHash: string): AuditRowWithoutHash {
  const actor = t.actor;
  return {
    regionCode: t.countyCode,
    seq,
    id: randomUUID(),
    occurredAt: t.clock(),
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? null,
    actorRoles: actor ? [...actor.roles] : [],
    sessionId: actor?.sessionId ?? null,
    requestId: t.requestId,
    sourceIp: t.ip,
    userAgent: t.userAgent,
    eventType: input.eventType,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    action: input.action,
    outcome: input.outcome ?? 'success',
    reasonCode: input.reasonCode ?? null,
    details: sanitiseDetails(input.details ?? {}),
    prevHash,
  };
}
