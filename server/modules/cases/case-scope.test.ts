import type { SQL } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Db } from '../../platform/db/database.ts';
import type { ScopedCaseFilter } from './case-filters.sql.ts';
import { CaseScope, type CaseVisibility, countyWideReads } from './case-scope.ts';
import { findPendingRequest } from './case-requests.store.ts';
import { findPhoto, listPhotoMeta } from './case-photos.store.ts';
import {
  type CaseRow,
  caseNosOf,
  findCaseById,
  findCaseByNo,
  findOverdueCases,
  listCaseEvents,
  listCasePage,
  mergedReportNos,
  type ScopedCase,
} from './cases.store.ts';
import { listOpenCasesInBox } from './duplicates.store.ts';
import { countByGroup } from './evaluation/evaluation.store.ts';
import { casesForExport, countForExport } from './export/export.store.ts';
import { listCasesByNo, listCasesReportedIn, listStatusChanges, lockCaseByNo } from './open311/open311.store.ts';
import { findUnremindedClocks } from './deadline-reminders.store.ts';

/**
 * Scope is a required, typed argument of every store read that can return a case or what hangs off one. The
 * `@ts-expect-error` lines below are the test: `npm run typecheck` (and CI) fails if any of these unscoped
 * calls starts to compile, because the directive then has no error to expect. They sit in a function that is
 * never called, so nothing here touches a database.
 */
function unscopedReadsDoNotCompile(db: Db, row: CaseRow, where: SQL): void {
  // @ts-expect-error a case read without a scope
  void findCaseByNo(db, '430225', '2026-00000001');
  // @ts-expect-error nor with an undefined one (the scope is not optional)
  void findCaseByNo(db, '430225', '2026-00000001', undefined);
  // @ts-expect-error by id neither
  void findCaseById(db, '430225', 1);
  // @ts-expect-error the numbers of merged cases
  void caseNosOf(db, '430225', [1]);
  // @ts-expect-error the 督办 sweep names its system read
  void findOverdueCases(db, '430225', new Date(), 10);
  // @ts-expect-error the deadline reminder names its system read
  void findUnremindedClocks(db, '430225', new Date(), { after: null, limit: 10 });
  // @ts-expect-error a county-wide read for a reason nobody declared
  void findCaseByNo(db, '430225', '2026-00000001', CaseScope.countyWide('because'));
  // @ts-expect-error the duplicate check near a point
  void listOpenCasesInBox(db, '430225', { categoryCode: '01001', box: { minLng: 0, maxLng: 1, minLat: 0, maxLat: 1 } });
  // @ts-expect-error Open311 reads
  void listCasesByNo(db, '430225', ['2026-00000001']);
  // @ts-expect-error Open311 reads by date
  void listCasesReportedIn(db, '430225', { start: new Date(), end: new Date(), statuses: null, categoryCodes: null });
  // @ts-expect-error Open311 status updates
  void listStatusChanges(db, '430225', { start: new Date(), end: new Date() }, { limit: 1, offset: 0 });
  // @ts-expect-error a partner's update locks only its own request
  void lockCaseByNo(db, '430225', '2026-00000001');
  // @ts-expect-error the timeline of a row nobody read in scope
  void listCaseEvents(db, row);
  // @ts-expect-error its photos
  void listPhotoMeta(db, row);
  // @ts-expect-error one photo
  void findPhoto(db, row, 'photo', 'content');
  // @ts-expect-error its pending 延期/挂起 request
  void findPendingRequest(db, row);
  // @ts-expect-error the merged reports of an unscoped row, and without a scope
  void mergedReportNos(db, row);
  // @ts-expect-error a list page from a WHERE that did not start with the reader's visibility
  void listCasePage(db, where, 'newest', { limit: 1, offset: 0 });
  // @ts-expect-error export rows likewise
  void countForExport(db, where);
  // @ts-expect-error and the export's batches
  void casesForExport(db, where, 1, 1);
  // @ts-expect-error the evaluation counts a person's cases only
  void countByGroup(db, '430225', 'township', { start: new Date(), end: new Date(), now: new Date() });
}

describe('case scope', () => {
  it('makes the scope a required parameter of the case reads (checked by the compiler, see above)', () => {
    expectTypeOf(findCaseByNo).parameter(3).toEqualTypeOf<CaseScope>();
    expectTypeOf(findCaseById).parameter(3).toEqualTypeOf<CaseScope>();
    expectTypeOf(caseNosOf).parameter(3).toEqualTypeOf<CaseScope>();
    expectTypeOf(findOverdueCases).parameter(2).toEqualTypeOf<CaseScope>();
    expectTypeOf(listOpenCasesInBox).parameter(2).toEqualTypeOf<CaseScope>();
    expectTypeOf(listCasesByNo).parameter(2).toEqualTypeOf<CaseScope>();
    expectTypeOf(listStatusChanges).parameter(2).toEqualTypeOf<CaseScope>();
    expectTypeOf(listCaseEvents).parameter(1).toEqualTypeOf<ScopedCase>();
    expectTypeOf(listCasePage).parameter(1).toEqualTypeOf<ScopedCaseFilter>();
    expectTypeOf(countByGroup).parameter(2).toEqualTypeOf<CaseVisibility>();
    expect(typeof unscopedReadsDoNotCompile).toBe('function');
  });

  it("builds a person's scope on the platform's actor scope, and a county-wide read on a declared system read", () => {
    const visibility: CaseVisibility = { region: '430225100', department: 'urban', reporterId: null };
    expect(CaseScope.person(visibility)).toEqual({ kind: 'actor', ...visibility });
    expect(CaseScope.countyWide('escalation-sweep')).toEqual({ kind: 'system', why: 'escalation-sweep' });
    expect(CaseScope.partner('key-1')).toEqual({ kind: 'partner', apiKeyId: 'key-1' });
  });

  it('says who runs each county-wide read and why', () => {
    for (const [name, reason] of Object.entries(countyWideReads)) {
      expect(['job', 'seed', 'public', 'system'], name).toContain(reason.reader);
      expect(reason.why.length, name).toBeGreaterThan(20);
    }
  });
});
