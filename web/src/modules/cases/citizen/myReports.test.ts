// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findMyReport, myReportsStorageKey, readMyReports, saveMyReport } from './myReports.ts';

beforeEach(() => window.localStorage.clear());

const entry = (caseNo: string) => ({
  caseNo,
  token: `token-of-${caseNo}-xxxxxx`,
  category: '流动摊贩',
  savedAt: '2026-11-29T00:00:00.000Z',
});

describe('我的举报 on this phone', () => {
  it('keeps the newest first and replaces a case saved again', () => {
    saveMyReport(entry('2026-00000001'));
    saveMyReport(entry('2026-00000002'));
    saveMyReport({ ...entry('2026-00000001'), category: '占道经营' });
    expect(readMyReports().map((r) => [r.caseNo, r.category])).toEqual([
      ['2026-00000001', '占道经营'],
      ['2026-00000002', '流动摊贩'],
    ]);
    expect(findMyReport('2026-00000002')?.token).toBe('token-of-2026-00000002-xxxxxx');
  });

  it('keeps at most twenty', () => {
    for (let i = 1; i <= 25; i++) saveMyReport(entry(`2026-${String(i).padStart(8, '0')}`));
    expect(readMyReports()).toHaveLength(20);
    expect(readMyReports()[0]?.caseNo).toBe('2026-00000025');
  });

  it('ignores damaged storage instead of breaking the page', () => {
    window.localStorage.setItem(myReportsStorageKey, '{not json');
    expect(readMyReports()).toEqual([]);
    window.localStorage.setItem(myReportsStorageKey, JSON.stringify([{ caseNo: 1 }, entry('2026-00000009')]));
    expect(readMyReports().map((r) => r.caseNo)).toEqual(['2026-00000009']);
  });
});
