import { verifyAuditChain } from '../../platform/audit/verify.ts';
import type { Database } from '../../platform/db/database.ts';
import { actionCounts, caseNumbers, casesOfRun, type TimelineRow, timelines } from './invariants.store.ts';
import type { Ledger, WriteKind } from './ledger.ts';
import { countyCode } from './staff-seed.ts';

/** What the database holds after the run, against what the server acknowledged. */
export interface Findings {
  /** Acknowledged writes (reports, uploads and staff actions). */
  acknowledged: number;
  /** Acknowledged, but not in the database. */
  lost: string[];
  /** In the database more than once (a report stored twice, an action applied twice). */
  duplicated: string[];
  /** Case numbers that break the rule: `<year of reporting>-<id, 8 digits>`, each used once. */
  badNumbers: string[];
  /** Ids the sequence handed out that no case kept (a rolled-back or killed transaction's number). */
  numberGaps: number;
  /** Cases whose timeline, replayed, does not end at their status (or whose entries are not 1…n). */
  timelineMismatches: string[];
}

/** The audit chain as `wenming audit verify` checks it (the same function), and its one-line verdict. */
export interface AuditCheck {
  ok: boolean;
  summary: string;
}

export async function verifyAudit(database: Database): Promise<AuditCheck> {
  const result = await verifyAuditChain(database.db, countyCode);
  return {
    ok: result.ok,
    summary: result.ok
      ? `ok, ${result.checked} rows checked, last seq ${result.lastSeq}`
      : `BROKEN (${result.problem}) at seq ${result.firstBadSeq}; ${result.checked} rows verified before it`,
  };
}

const reportKinds: readonly WriteKind[] = ['citizen-report', 'staff-report'];

export async function checkInvariants(database: Database, ledger: Ledger, runId: string): Promise<Findings> {
  const stored = await casesOfRun(database, runId);
  const [reportFindings, actionFindings] = [reportsAgainst(ledger, stored), await actionsAgainst(database, ledger)];
  const numbers = await checkNumbers(database);
  return {
    acknowledged: ledger.writes.length,
    lost: [...reportFindings.lost, ...actionFindings.lost],
    duplicated: [...reportFindings.duplicated, ...actionFindings.duplicated],
    badNumbers: numbers.bad,
    numberGaps: numbers.gaps,
    timelineMismatches: replayAll(await timelines(database)),
  };
}

/**
 * Each acknowledged report is one case, under the number it was acknowledged with; a staff report keeps its one
 * staged photo (the upload acknowledged before it). Every write in the ledger ended acknowledged: the driver
 * retries until it is.
 */
function reportsAgainst(ledger: Ledger, stored: Awaited<ReturnType<typeof casesOfRun>>) {
  const byClient = groupBy(stored, (c) => c.clientId);
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const record of ledger.writes.filter((w) => reportKinds.includes(w.kind))) {
    const cases = byClient.get(record.clientId) ?? [];
    if (cases.length === 0) lost.push(`${record.clientId} (${record.caseNo})`);
    if (cases.length > 1) duplicated.push(`${record.clientId}: ${cases.map((c) => c.caseNo).join(', ')}`);
    if (cases.length === 1 && cases[0]?.caseNo !== record.caseNo)
      lost.push(`${record.clientId}: acknowledged as ${record.caseNo}, stored as ${cases[0]?.caseNo}`);
    if (record.kind === 'staff-report' && cases.length === 1 && cases[0]?.photos !== 1)
      lost.push(`${record.clientId}: ${cases[0]?.photos} photos, 1 uploaded`);
  }
  return { lost, duplicated };
}

/** Each acknowledged 立案 and 派遣 is in its case's timeline exactly once. */
async function actionsAgainst(database: Database, ledger: Ledger) {
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const action of ['register', 'dispatch'] as const) {
    const records = ledger.of(action);
    const counts = await actionCounts(
      database,
      action,
      records.map((r) => r.caseNo!),
    );
    for (const record of records) {
      const n = counts.get(record.caseNo!) ?? 0;
      if (n === 0) lost.push(`${action} ${record.caseNo}`);
      if (n > 1) duplicated.push(`${action} ${record.caseNo} ×${n}`);
    }
  }
  return { lost, duplicated };
}

/**
 * The numbering rule as built (report-case.ts): the number is the Shanghai year of reporting and the case's id,
 * drawn from a sequence. A sequence is not transactional, so a rolled-back report (a refused one, one cut by a
 * kill) leaves a gap, and after a crash PostgreSQL resumes the sequence past the values it had logged (up to 32
 * ahead). Numbers are therefore unique and increasing, never reused — not gapless; the gaps are counted.
 */
async function checkNumbers(database: Database): Promise<{ bad: string[]; gaps: number }> {
  const rows = await caseNumbers(database);
  const bad = rows
    .filter((r) => r.caseNo !== `${r.year}-${String(r.id).padStart(8, '0')}`)
    .map((r) => `${r.caseNo} (id ${r.id}, reported in ${r.year})`);
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.caseNo)) bad.push(`${row.caseNo} used twice`);
    seen.add(row.caseNo);
  }
  const first = rows[0]?.id ?? 0;
  const last = rows.at(-1)?.id ?? 0;
  return { bad, gaps: rows.length === 0 ? 0 : last - first + 1 - rows.length };
}

/** Replays each case's timeline from nothing: every entry starts where the previous one left the case. */
export function replayAll(rows: readonly TimelineRow[]): string[] {
  const mismatches: string[] = [];
  for (const [caseNo, entries] of groupBy(rows, (r) => r.caseNo)) {
    let status: string | null = null;
    let problem: string | undefined;
    entries.forEach((entry, index) => {
      if (problem) return;
      if (entry.seq !== index + 1) problem = `entry ${index + 1} has seq ${entry.seq}`;
      else if (entry.fromStatus !== status) problem = `${entry.action} from ${entry.fromStatus}, but it was ${status}`;
      else status = entry.toStatus ?? status;
    });
    if (!problem && status !== entries[0]?.status)
      problem = `timeline ends at ${status}, case is ${entries[0]?.status}`;
    if (problem) mismatches.push(`${caseNo}: ${problem}`);
  }
  return mismatches;
}

/** Node 20 has no Map.groupBy. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
