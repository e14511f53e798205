import { casesCase } from '../../../db/schema/cases.ts';
import { loadCalendar, loadWorkingHours } from '../../../platform/calendar/load-calendar.ts';
import type { Db } from '../../../platform/db/database.ts';
import { findActiveVersion } from '../catalogue/catalogue.store.ts';
import type { NewCaseRow } from '../cases.store.ts';
import { handlingMinutesOf } from '../handling-minutes.ts';
import type { WorkTime } from '../sla.ts';

/** Test rows written straight into cases_case, for volumes the API would take minutes to build. */
export type CaseFacts = Partial<NewCaseRow> & Pick<NewCaseRow, 'townshipCode' | 'status' | 'reportedAt'>;

let serial = 0;

export async function activeCatalogueVersion(db: Db): Promise<string> {
  const row = await findActiveVersion(db, '430225');
  if (!row) throw new Error('no active catalogue edition in the test database');
  return row.version;
}

/** The county's calendar and hours, every year the tests use: what a feedback would clock its minutes on. */
export async function testWorkTime(db: Db): Promise<WorkTime> {
  return { calendar: await loadCalendar(db, '430225', 2000, 2030), hours: await loadWorkingHours(db, '430225') };
}

/**
 * Inserts the cases in batches of 500 and returns them as written (with their ids). A handled case gets its
 * handling minutes as the feedback would have written them, unless the facts give them.
 */
export async function insertCases(db: Db, facts: readonly CaseFacts[]): Promise<Array<typeof casesCase.$inferSelect>> {
  const version = await activeCatalogueVersion(db);
  const work = await testWorkTime(db);
  const written: Array<typeof casesCase.$inferSelect> = [];
  for (let i = 0; i < facts.length; i += 500) {
    const rows = facts.slice(i, i + 500).map((f): NewCaseRow => {
      serial += 1;
      return {
        regionCode: '430225',
        caseNo: `1999-${String(serial).padStart(8, '0')}`,
        trackingTokenHash: `test-${serial}`,
        catalogueVersion: version,
        categoryCode: '09006',
        channel: 'patrol',
        locationCode: f.townshipCode,
        lng: 113.772,
        lat: 26.489,
        address: `测试地址 ${serial} 号`,
        description: '批量测试案件',
        updatedAt: f.reportedAt,
        handlingMinutes: f.handledAt ? handlingMinutesOf(f.dispatchedAt ?? null, f.handledAt, work) : null,
        ...f,
      };
    });
    written.push(...(await db.insert(casesCase).values(rows).returning()));
  }
  return written;
}

const hourMs = 3_600_000;

/** Shanghai wall-clock instant: cst(2026, 3, 5, 10) is 5 March 2026 10:00 in Yanling. */
export function cst(year: number, month: number, day: number, hour = 10, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute));
}

export const hours = (n: number) => n * hourMs;
