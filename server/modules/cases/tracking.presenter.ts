import { scrubPersonalNumbers } from '../../platform/pii/scrub.ts';
import type { TrackingDto } from './cases.schema.ts';
import type { CaseEventRow, CaseRow } from './cases.store.ts';

/** Which timeline entries a reporter sees: the status steps, never staff notes on internal requests. */
export const publicActions = [
  'report',
  'register',
  'reject',
  'send_to_verify',
  'confirm_report',
  'refute_report',
  'merge',
  'dispatch',
  'feedback',
  'verify_pass',
  'verify_fail',
  'rate',
] as const;

type TrackedCase = Pick<
  CaseRow,
  | 'id'
  | 'caseNo'
  | 'status'
  | 'address'
  | 'reportedAt'
  | 'closedAt'
  | 'handledAt'
  | 'handleDueAt'
  | 'closingNote'
  | 'satisfaction'
  | 'satisfactionComment'
  | 'smsConsent'
>;

export interface TrackingFacts {
  /** The reporter's own case (their code opened it). */
  own: TrackedCase;
  /** The case whose progress they follow: the one theirs was merged into, else their own. */
  followed: TrackedCase;
  steps: readonly Pick<CaseEventRow, 'at' | 'action' | 'toStatus' | 'note'>[];
  resultPhotos: readonly string[];
  categoryName: string;
}

/**
 * What the tracking page shows the holder of a tracking code. Staff are never named: no handler, inspector or
 * department person, and notes only where they are the public answer (不予立案's reason, 处置结果), with personal
 * numbers masked as in every public text (`scrubPersonalNumbers`). The reporter's own comment comes back as written.
 */
export function presentTracking({ own, followed, steps, resultPhotos, categoryName }: TrackingFacts): TrackingDto {
  return {
    caseNo: own.caseNo,
    status: followed.status,
    categoryName,
    address: scrubPersonalNumbers(own.address),
    reportedAt: own.reportedAt.toISOString(),
    closedAt: followed.closedAt?.toISOString() ?? null,
    dueAt: followed.handleDueAt?.toISOString() ?? null,
    followsCaseNo: followed.id === own.id ? null : followed.caseNo,
    steps: steps
      .filter((e) => e.toStatus !== null)
      .map((e) => ({
        at: e.at.toISOString(),
        status: e.toStatus as TrackingDto['status'],
        note: (e.action === 'reject' || e.action === 'refute_report') && e.note ? scrubPersonalNumbers(e.note) : null,
      })),
    resultPhotos: [...resultPhotos],
    result: resultOf(followed),
    satisfaction: own.satisfaction,
    satisfactionComment: own.satisfaction === null ? null : own.satisfactionComment,
    canRate: followed.status === 'closed' && own.satisfaction === null,
    smsConsent: own.smsConsent,
  };
}

/**
 * 处置结果: the department's latest feedback while it waits for 核查 or once the case closed. After a 返工 the
 * case is back with the department (`handledAt` cleared): the refused result is not shown as the answer.
 */
function resultOf(row: TrackedCase): TrackingDto['result'] {
  if (row.status !== 'handled' && row.status !== 'closed') return null;
  if (row.handledAt === null || row.closingNote === null || row.closingNote.trim() === '') return null;
  return {
    text: scrubPersonalNumbers(row.closingNote.trim()),
    handledAt: row.handledAt.toISOString(),
    verifiedAt: row.status === 'closed' ? (row.closedAt?.toISOString() ?? null) : null,
  };
}
