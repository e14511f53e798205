/**
 * 我的举报: the cases this browser reported or tracked, with their tracking codes, so a citizen finds them
 * again without writing the code down. It stays on this phone only (the server keeps just the code's hash).
 */
export const myReportsStorageKey = 'wenming.myReports';
const maxEntries = 20;

export interface MyReport {
  caseNo: string;
  token: string;
  category: string;
  /** ISO time it was saved here. */
  savedAt: string;
}

function isMyReport(value: unknown): value is MyReport {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.caseNo === 'string' &&
    typeof entry.token === 'string' &&
    typeof entry.category === 'string' &&
    typeof entry.savedAt === 'string'
  );
}

export function readMyReports(): MyReport[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(myReportsStorageKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isMyReport) : [];
  } catch {
    // Storage disabled (private mode) or damaged: start again rather than break the page.
    return [];
  }
}

/** Newest first; saving a case again replaces its entry (a corrected code, a new category name). */
export function saveMyReport(report: MyReport): MyReport[] {
  const next = [report, ...readMyReports().filter((r) => r.caseNo !== report.caseNo)].slice(0, maxEntries);
  try {
    window.localStorage.setItem(myReportsStorageKey, JSON.stringify(next));
  } catch {
    // Not remembering is a nuisance, not a failure: the result page still shows the number and code.
  }
  return next;
}

export function findMyReport(caseNo: string): MyReport | undefined {
  return readMyReports().find((r) => r.caseNo === caseNo);
}
