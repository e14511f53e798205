import type { Answer } from './http-call.ts';

export type WriteKind = 'citizen-report' | 'photo-upload' | 'staff-report' | 'register' | 'dispatch';

/** One write the harness made, by its client-side id, and what finally acknowledged it. */
export interface WriteRecord {
  clientId: string;
  kind: WriteKind;
  /** The Idempotency-Key (reports and uploads) — staff actions carry the case's revision instead. */
  key?: string;
  caseNo?: string;
  /** Requests sent for this write, the first one included. */
  attempts: number;
  /** Attempts that got no answer (connection refused or cut by the kill). */
  unanswered: number;
  /** The answer came from the idempotency store (`idempotent-replayed: true`): the first attempt had committed. */
  replayed: boolean;
  /** A staff action whose retry met 409 stale revision, and the timeline showed the first attempt had committed. */
  committedBeforeKill: boolean;
  /** When the answer that settled it came (ms since the epoch); unset while in flight. */
  acknowledgedAt?: number;
}

/** Every write of a run, and every answer a 5xx (a 5xx is a bug, whatever the kill). */
export class Ledger {
  readonly writes: WriteRecord[] = [];
  readonly serverErrors: string[] = [];
  /** Why the run gave up (a restart or the backup failed): writes still retrying stop instead of waiting on. */
  abandoned: Error | undefined;

  open(clientId: string, kind: WriteKind, key?: string): WriteRecord {
    const record: WriteRecord = {
      clientId,
      kind,
      ...(key ? { key } : {}),
      attempts: 0,
      unanswered: 0,
      replayed: false,
      committedBeforeKill: false,
    };
    this.writes.push(record);
    return record;
  }

  noteServerError(record: WriteRecord, answer: Answer): void {
    this.serverErrors.push(`${record.kind} ${record.clientId}: ${answer.status} ${answer.body.slice(0, 300)}`);
  }

  of(kind: WriteKind): WriteRecord[] {
    return this.writes.filter((w) => w.kind === kind);
  }

  /** Writes that needed more than one request: the ones a kill fell on, or that met a server down. */
  retried(): number {
    return this.writes.filter((w) => w.attempts > 1).length;
  }
}
