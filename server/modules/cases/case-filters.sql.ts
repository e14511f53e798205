import { and, eq, gt, inArray, isNotNull, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type CaseStatus, casesCase } from '../../db/schema/cases.ts';
import { casesCampaignTagMember } from '../../db/schema/cases-catalogue.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { regionSubtree } from '../../platform/regions/region-scope.sql.ts';
import { startOfDayMs } from '../../platform/calendar/shanghai-time.ts';
import type { CaseListQueryInput, Queue } from './cases.schema.ts';
import type { CaseVisibility } from './case-scope.ts';
import { visibilityFilter } from './case-scope.store.ts';

const dayMs = 86_400_000;

/** A queue is a saved filter: what each post works through (数字城管 待受理 / 待派遣 / 待处置 / 待核查 lists). */
function queueFilter(queue: Queue, actor: Actor, now: Date): SQL {
  switch (queue) {
    case 'intake':
      return eq(casesCase.status, 'reported');
    case 'verify_report':
      return eq(casesCase.status, 'verifying');
    case 'dispatch':
      return eq(casesCase.status, 'registered');
    case 'department':
      if (!actor.department) throw AppError.field('queue', 'cases.queue_needs_department');
      return and(
        inArray(casesCase.status, ['dispatched', 'handling']),
        eq(casesCase.department, actor.department),
      ) as SQL;
    case 'verification':
      return eq(casesCase.status, 'handled');
    case 'mine':
      return eq(casesCase.reporterUserId, actor.id);
    case 'overdue':
      return overdueFilter(now);
    case 'escalated':
      return and(gt(casesCase.escalationLevel, 0), notInArray(casesCase.status, finishedStatuses)) as SQL;
  }
}

/** A case in these states needs no more work: 督办 watches the open ones only. */
const finishedStatuses: CaseStatus[] = ['closed', 'rejected', 'duplicate'];

export function overdueFilter(now: Date): SQL {
  return and(isNotNull(casesCase.stageDueAt), lt(casesCase.stageDueAt, now), isNull(casesCase.suspendedAt)) as SQL;
}

declare const builtInScope: unique symbol;
/** A WHERE clause over `cases_case` that starts with a person's visibility: what the list readers take. */
export type ScopedCaseFilter = SQL & { readonly [builtInScope]: true };

/** The WHERE clause of a case list: the actor's visibility first, then every filter the user set. */
export function caseListWhere(
  countyCode: string,
  actor: Actor,
  visibility: CaseVisibility,
  query: CaseListQueryInput,
  now: Date,
): ScopedCaseFilter {
  const parts: SQL[] = [eq(casesCase.regionCode, countyCode), visibilityFilter(visibility)];
  if (query.queue) parts.push(queueFilter(query.queue, actor, now));
  if (query.status?.length) parts.push(inArray(casesCase.status, query.status));
  if (query.categoryCode) parts.push(eq(casesCase.categoryCode, query.categoryCode));
  if (query.tag)
    parts.push(
      sql`${casesCase.categoryCode} in (select ${casesCampaignTagMember.code} from ${casesCampaignTagMember} where ${casesCampaignTagMember.regionCode} = ${countyCode} and ${casesCampaignTagMember.version} = ${casesCase.catalogueVersion} and ${casesCampaignTagMember.tagKey} = ${query.tag})`,
    );
  if (query.regionCode) parts.push(regionSubtree(casesCase.locationCode, query.regionCode));
  if (query.department) parts.push(eq(casesCase.department, query.department));
  if (query.channel) parts.push(eq(casesCase.channel, query.channel));
  if (query.overdue === true) parts.push(overdueFilter(now));
  if (query.overdue === false) parts.push(sql`not (${overdueFilter(now)})`);
  if (query.from && query.to && query.from > query.to) throw AppError.field('from', 'cases.date_range');
  if (query.from) parts.push(sql`${casesCase.reportedAt} >= ${new Date(startOfDayMs(query.from))}`);
  if (query.to) parts.push(sql`${casesCase.reportedAt} < ${new Date(startOfDayMs(query.to) + dayMs)}`);
  if (query.q) parts.push(searchFilter(query.q.trim()));
  return and(...parts) as ScopedCaseFilter;
}

/** `2026-1234` and `2026-00001234` are one case number; a bare serial (`1234`) is any year's case with it. */
const fullCaseNo = /^([0-9]{4})-([0-9]{1,8})$/;
const bareSerial = /^[0-9]{1,8}$/;

/**
 * The search box: a case number finds that case; a serial finds the cases numbered so in any year; words find
 * the cases whose address or description holds them. In whatever state (the list without a queue) — never
 * beyond the reader's visibility, which `caseListWhere` puts first.
 */
function searchFilter(q: string): SQL {
  const full = fullCaseNo.exec(q);
  if (full) return eq(casesCase.caseNo, `${full[1]}-${full[2]!.padStart(8, '0')}`);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const words = or(sql`${casesCase.address} like ${pattern}`, sql`${casesCase.description} like ${pattern}`) as SQL;
  if (!bareSerial.test(q)) return words;
  return or(sql`${casesCase.caseNo} like ${`%-${q.padStart(8, '0')}`}`, words) as SQL;
}

/** What a search lists first: the case whose number it names (before address and description matches). */
export function searchRank(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  return text && bareSerial.test(text) ? sql`(${casesCase.caseNo} like ${`%-${text.padStart(8, '0')}`})` : undefined;
}
