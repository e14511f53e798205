import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { takeAtCommit } from '../db/at-commit.ts';
import { tx } from '../db/tx.ts';
import { type AuditRowWithoutHash, hashAuditRow } from './chain.ts';
import { appendAndAdvanceHead, drawAuditSeqs, lockFreeChain } from './chain-head.store.ts';
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
 * Appends one event to the county's trail, in the caller's transaction (AUD-04): if the audit row cannot be
 * written the change fails with it, and a rolled-back change leaves no audit row claiming it happened.
 * The row is taken now (who, when, what) and chained at the end of the transaction, with the transaction's
 * other events, on one of the county's chains: its head is locked for the commit only, not the whole write.
 */
export async function recordAudit(t: Ctx, input: AuditInput): Promise<void> {
  if (!t.inTransaction) throw new AuditOutsideTransactionError(input.eventType);
  const row = buildRow(t, input);
  if (!t.beforeCommit) return appendToChain(t, [row]);
  const queued = pendingByTransaction.get(t.beforeCommit);
  if (queued) return void queued.push(row);
  const rows = [row];
  pendingByTransaction.set(t.beforeCommit, rows);
  t.beforeCommit.push((x) => appendToChain(x, rows));
}

/** A transaction's events waiting for its end, keyed by the transaction's own hook list. */
const pendingByTransaction = new WeakMap<object, TakenRow[]>();

type TakenRow = Omit<AuditRowWithoutHash, 'seq' | 'chain' | 'prevSeq' | 'prevHash'>;

/** One chain per transaction, its events in the order they happened; two round trips whatever their number. */
async function appendToChain(t: Ctx, taken: readonly TakenRow[]): Promise<void> {
  const slot = await lockFreeChain(t.db, t.countyCode);
  const seqs = [slot.seq, ...(await drawAuditSeqs(t.db, taken.length - 1))];
  let prev = { seq: slot.lastSeq, hash: slot.lastHash };
  const rows = taken.map((row, i) => {
    const linked = { ...row, seq: seqs[i] as number, chain: slot.chain, prevSeq: prev.seq, prevHash: prev.hash };
    const hash = hashAuditRow(linked);
    prev = { seq: linked.seq, hash };
    return { ...linked, hash };
  });
  const head = { lastSeq: prev.seq, lastHash: prev.hash };
  await appendAndAdvanceHead(t.db, t.countyCode, rows, slot.chain, head, () => takeAtCommit(t));
}

/**
 * For events that must be kept whatever becomes of the work around them: access denials, failed sign-ins,
 * reads worth recording. Outside a transaction it opens its own. Inside one it joins it, and should that
 * transaction roll back — as the refusal it records usually makes it — the event is written again after the
 * rollback in a transaction of its own, with the time it happened: exactly one row either way (AC-08).
 */
export async function recordAuditOutside(ctx: Ctx, input: AuditInput): Promise<void> {
  if (!ctx.inTransaction) return tx(ctx, (t) => recordAudit(t, input));
  await recordAudit(ctx, input);
  const at = ctx.clock();
  ctx.afterRollback?.push((outside) => tx({ ...outside, clock: () => at }, (t) => recordAudit(t, input)));
}

function buildRow(t: Ctx, input: AuditInput): TakenRow {
  const actor = t.actor;
  return {
    regionCode: t.countyCode,
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
  };
}
