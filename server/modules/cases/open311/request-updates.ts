import type { CaseStatus } from '../../../db/schema/cases.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { scrubPersonalNumbers } from '../../../platform/pii/scrub.ts';
import { CaseScope } from '../case-scope.ts';
import { dateWindowOf } from './date-window.ts';
import { listStatusChanges, type StatusChange } from './open311.store.ts';
import { maxPageSize } from './read-requests.ts';
import { type ExtendedStatus, extendedStatus } from './status-map.ts';

/** mySociety's `request_update` (FixMyStreet wiki "Open311 FMS — Proposed differences"), fields in its order. */
export type Open311RequestUpdate = {
  update_id: string;
  service_request_id: string;
  status: ExtendedStatus;
  updated_datetime: Date;
  description: string;
  media_url: string;
  /** Our own status, for partners that map statuses themselves (open311-adapter's optional field). */
  external_status_code: CaseStatus;
};

export interface UpdatesFilter {
  start_date?: string;
  end_date?: string;
  page?: number;
  page_size?: number;
}

/**
 * GET Service Request Updates: every status change in the window (updated_datetime), oldest first so a client
 * that pages or polls from its last update misses none. A timeline entry that changes no status (a note, a
 * request for more time, 督办, a rating) is not an update of the request's status and is left out, and so is
 * the report itself (the request's creation, which the client made).
 */
export async function listRequestUpdates(ctx: Ctx, filter: UpdatesFilter): Promise<Open311RequestUpdate[]> {
  const window = dateWindowOf(filter, ctx.clock());
  const pageSize = filter.page_size ?? maxPageSize;
  const changes = await listStatusChanges(ctx.db, ctx.countyCode, CaseScope.countyWide('open311-public'), window, {
    limit: pageSize,
    offset: ((filter.page ?? 1) - 1) * pageSize,
  });
  return changes.map((change) => presentUpdate(change, ctx.locale));
}

/**
 * One status change as a public update. The text is the new status's name, with the reason where reporters see
 * it too (不予立案) or the case a duplicate joined; staff notes (立案, 派遣, 核查 remarks) stay internal.
 */
export function presentUpdate(change: StatusChange, locale: Locale): Open311RequestUpdate {
  return {
    update_id: `${change.caseNo}-${change.seq}`,
    service_request_id: change.caseNo,
    status: extendedStatus(change.toStatus),
    updated_datetime: change.at,
    description: describeChange(change, locale),
    media_url: '',
    external_status_code: change.toStatus,
  };
}

function describeChange(change: StatusChange, locale: Locale): string {
  const status = `cases.status.${change.toStatus}`;
  if (change.action === 'reject' && change.note)
    return translate(locale, 'open311.update.reason', { status, reason: scrubPersonalNumbers(change.note) });
  const joined = change.details.duplicateOf;
  if (change.action === 'merge' && typeof joined === 'string')
    return translate(locale, 'open311.update.duplicate', { status, caseNo: joined });
  return translate(locale, status);
}
