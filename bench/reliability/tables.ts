import type { BackupRunReport } from '../../server/reliability/harness/backup-run.ts';
import type { AuditCheck } from '../../server/reliability/harness/checks.ts';
import type { CrashRunReport } from '../../server/reliability/harness/crash-run.ts';
import type { SuiteOutput } from '../lib/report.ts';

/** A table row: its label, then one cell per engine's report. */
const rowPerEngine =
  <Report>(reports: readonly Report[]) =>
  (label: string, cell: (report: Report) => string): string[] => [label, ...reports.map(cell)];
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const auditCell = (audit: AuditCheck) => (audit.ok ? audit.summary : `FAILED ${audit.summary}`);
const list = (items: readonly string[]) =>
  items.length === 0 ? '0' : `${items.length}: ${items.slice(0, 3).join('; ')}`;

export function crashOutput(reports: readonly CrashRunReport[]): SuiteOutput {
  const row = rowPerEngine(reports);
  return {
    title: 'Crash safety: SIGKILL under write load',
    description:
      '`npm run bench:reliability crash` (`server/reliability/harness/crash-run.ts`; short mode in `npm test`: `server/reliability/crash.test.ts`, on a copy of the test template with the staff accounts instead of the demo county). A real `wenming serve --demo` on a throwaway database (PGlite: a temporary folder; PostgreSQL: a new database), write load from several clients — citizen reports on the public API with a photo inline (each with its own device id and loopback address), inspectors staging a photo then reporting (two idempotency keys), the dispatcher 立案 then 派遣 with the case revision — each write with a client id (in the description) and its key. The server is SIGKILLed at seeded random points and restarted on the same port; every request without an answer is retried unchanged until acknowledged. A last SIGKILL comes right after the last acknowledgement, then the database is opened as the kill left it and checked: each acknowledged report is one case under the acknowledged number, each acknowledged action once in its timeline, numbers follow the rule, every timeline replays to its case status, and the audit chain verifies (the check `wenming audit verify` runs).',
    tables: [
      {
        headers: row('', (r) => r.engine),
        rows: [
          row('seed (kill points)', (r) => String(r.seed)),
          row('kills (SIGKILL + restart), then one after the last ack', (r) => String(r.kills)),
          row('flows', (r) => String(r.flows)),
          row('writes acknowledged', (r) => String(r.writes.acknowledged)),
          row('… that needed a retry', (r) => String(r.writes.retried)),
          [
            '… committed before the kill cut the answer (replayed / 409 seen in timeline)',
            ...reports.map((r) => String(r.writes.committedBeforeKill)),
          ],
          row('requests without an answer (cut or refused)', (r) => String(r.unansweredRequests)),
          row('**acknowledged writes lost**', (r) => list(r.findings.lost)),
          row('**duplicated**', (r) => list(r.findings.duplicated)),
          row('case numbers breaking the rule', (r) => list(r.findings.badNumbers)),
          row('sequence gaps (allowed: see notes)', (r) => String(r.findings.numberGaps)),
          row('timelines not replaying to the status', (r) => list(r.findings.timelineMismatches)),
          row('5xx answers', (r) => list(r.serverErrors)),
          row('audit chain (as `wenming audit verify` checks it)', (r) => auditCell(r.audit)),
          row('median restart to /readyz, s', (r) => seconds(r.restartMs)),
        ],
      },
    ],
    notes: [
      'Case numbers are `<Shanghai year of reporting>-<case id, 8 digits>`, the id drawn from a sequence (report-case.ts). Sequences are not transactional: a report rolled back (refused, or cut by a kill) leaves its id unused, and after a crash PostgreSQL resumes a sequence past the values it had logged ahead (up to 32). So the rule checked is: unique, derived from the id and the year, never reused — not gapless, and the counter does not restart each year. Gaps are counted, not failed.',
      ...reports
        .filter((r) => r.pgliteDurability)
        .map(
          (r) =>
            `PGlite settings read from the killed folder: ${Object.entries(r.pgliteDurability ?? {})
              .map(([k, v]) => `${k}=${v}`)
              .join(
                ', ',
              )}. With synchronous_commit on, the commit's WAL record is written (write(2) into the OS page cache) before the answer leaves, so a killed process loses nothing acknowledged — measured above. fsync is off, so nothing forces that WAL to disk: a machine crash or power loss can lose acknowledged writes (and, with full_page_writes alone not enough without fsync, damage the folder). PGlite is for demos and trials; production is server PostgreSQL.`,
        ),
    ],
    data: { reports },
  };
}

export function backupOutput(reports: readonly BackupRunReport[]): SuiteOutput {
  const row = rowPerEngine(reports);
  return {
    title: 'Backup and restore under load',
    description:
      "`npm run bench:reliability backup` (`server/reliability/harness/backup-run.ts`; short mode in `npm test`: `server/reliability/crash.test.ts`, on the crash run's server after its kills). The crash harness's write load runs on a live server while `wenming backup <file>` runs (PostgreSQL: pg_dump, one snapshot; PGlite: the command refuses while the server holds the folder, so the copy is taken once the load is over and the run's last SIGKILL has left the folder, its stale lock taken over — as a backup after a crash). Then `wenming restore <file>` into a fresh target (the keys file copied: keys are not in a backup) and the restored copy is checked: row counts of every table equal the backup's own content (the COPY blocks of the dump; the archive loaded into an in-memory PGlite), every report acknowledged before the backup began is there, the audit chain verifies (the check `wenming audit verify` runs), and `wenming serve` starts on it and serves a restored case.",
    tables: [
      {
        headers: row('', (r) => r.engine),
        rows: [
          [
            'backup taken',
            ...reports.map((r) =>
              r.mode === 'hot' ? 'under load (server running)' : 'server down (refused while served: folder lock)',
            ),
          ],
          row('backup, s', (r) => seconds(r.backupMs)),
          row('backup size, MB', (r) => (r.backupBytes / 2 ** 20).toFixed(1)),
          row('restore, s', (r) => seconds(r.restoreMs)),
          row('tables / rows in the backup', (r) => `${r.tables} / ${r.rowsInBackup}`),
          row('tables whose restored count differs', (r) => list(r.countMismatches)),
          row('acknowledged before the backup, missing', (r) => list(r.missingAfterRestore)),
          row('audit chain of the restored copy', (r) => auditCell(r.audit)),
          row('app starts on it and serves a case', (r) => (r.restoredAppServes ? 'yes' : 'NO')),
        ],
      },
    ],
    notes: [
      'Times include starting `wenming` (Node + tsx + the server modules, about 2 s) and, for restore, bringing the copy to the current schema. Most rows are the national region list and the demo county.',
    ],
    data: { reports },
  };
}
