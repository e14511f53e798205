// The merchant registry's import (merchants.registry through platform/imports) at 10,000 rows on both engines:
// the dry run and the commit timed apart, in the bench process, each round on a fresh copy of the migrated
// database. Baseline from the same run and machine: the department import (cases.departments) of 10,000 rows —
// the import kit's own cost with a kind that checks almost nothing. The merchant kind adds what a registry row
// costs: the credit code's check digits, the request schema and the form's rules, the place against the county,
// both identities against the database, and sealing the operator's name and phone (AES-GCM + the phone's HMAC).
// Also the export of the 10,000 back to the template's .xlsx (GET /api/merchants/export.xlsx's service).
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import {
  validRegistryRow,
  addTestVillages,
  registryHeader,
} from '../server/modules/merchants/merchants-registry.test-support.ts';
import { exportMerchants } from '../server/modules/merchants/merchants-export.ts';
import { permissionsOf } from '../server/platform/auth/permissions-of.ts';
import { createAccount } from '../server/platform/auth/create-user.ts';
import { rolesOfUser } from '../server/platform/auth/roles.store.ts';
import type { Ctx } from '../server/platform/context.ts';
import type { Database } from '../server/platform/db/database.ts';
import { tx } from '../server/platform/db/tx.ts';
import { adoptedImportKinds } from '../server/platform/imports/adopted-kinds.ts';
import { findRun } from '../server/platform/imports/imports.store.ts';
import { defaultImportLimits } from '../server/platform/imports/limits.ts';
import { requestCommit } from '../server/platform/imports/run-actions.ts';
import { uploadRun } from '../server/platform/imports/upload-run.ts';
import { runImportWork } from '../server/platform/imports/worker.ts';
import { benchCtx, type PreparedTemplate, preparePgliteTemplate, preparePostgresTemplate } from './lib/engines.ts';
import { postgresUnavailable } from './lib/pg.ts';
import type { RunOptions, Suite, SuiteOutput, Table } from './lib/report.ts';
import { median } from './lib/stats.ts';
import { makeWorkDir, removeWorkDir } from './lib/workdir.ts';

type KindKey = 'merchants.registry' | 'cases.departments';

interface Round {
  engine: string;
  kind: KindKey;
  rows: number;
  errorRows: number;
  committed: number;
  status: string;
  fileBytes: number;
  checkMs: number;
  commitMs: number;
  /** The export of what was committed (merchants only). */
  exportMs: number | null;
  exportBytes: number | null;
}

/** A filled-in file written row by row with exceljs' streaming writer, as a county office's Excel would save it. */
async function writeFile(file: string, kind: KindKey, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('data');
  if (kind === 'merchants.registry') {
    sheet.addRow([...registryHeader]).commit();
    for (let n = 1; n <= rows; n += 1) sheet.addRow(validRegistryRow(n)).commit();
  } else {
    sheet.addRow(['部门编码', '部门名称', '英文名称', '排序', '启用']).commit();
    for (let n = 1; n <= rows; n += 1) sheet.addRow([`dept-${n}`, `第${n}部门`, `Department ${n}`, n, '是']).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** A coordinator of the county (merchants.manage, merchants.export, cases.configure), as the import's uploader. */
async function importer(ctx: Ctx): Promise<Ctx> {
  const user = await tx(ctx, (t) =>
    createAccount(t, {
      loginId: 'bench.importer',
      displayName: '导入',
      scopeRegion: t.countyCode,
      roles: ['coordinator'],
    }),
  );
  const roles = await rolesOfUser(ctx.db, ctx.countyCode, user.id);
  const actor = {
    kind: 'user' as const,
    id: user.id,
    username: user.loginId,
    displayName: user.displayName,
    roles: roles.map((r) => r.key),
    permissions: permissionsOf(roles, null),
    scopeRegion: user.scopeRegion,
    department: null,
    sessionId: null,
  };
  return { ...ctx, actor };
}

/** Reads the export's stream to its end, counting bytes: the file as the browser would receive it. */
async function drain(body: NodeJS.ReadableStream): Promise<number> {
  let bytes = 0;
  await pipeline(
    body,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  return bytes;
}

async function timeExport(who: Ctx): Promise<{ ms: number; bytes: number; rows: number }> {
  const started = performance.now();
  const file = await exportMerchants(who, {});
  const bytes = await drain(file.body);
  return { ms: performance.now() - started, bytes, rows: file.rowCount };
}

async function round(template: PreparedTemplate, kindKey: KindKey, file: string): Promise<Round> {
  const { database, dispose } = await template.open();
  try {
    return await measure(database, template.engine, kindKey, file);
  } finally {
    await dispose();
  }
}

async function measure(database: Database, engine: string, kindKey: KindKey, file: string): Promise<Round> {
  const base = benchCtx(database);
  await addTestVillages(database.db);
  const kind = adoptedImportKinds().find((k) => k.key === kindKey)!;
  const who = await importer(base);
  const limits = defaultImportLimits;
  const run = await uploadRun(who, kind, fs.createReadStream(file), 'bench.xlsx', limits, async () => {});
  let started = performance.now();
  await runImportWork(base, [kind], limits);
  const checkMs = performance.now() - started;
  const checked = await findRun(database.db, base.countyCode, run.id, { kind: 'system', why: 'imports-worker' });
  await requestCommit(who, kind, run.id, 'valid', async () => {});
  started = performance.now();
  await runImportWork(base, [kind], limits);
  const commitMs = performance.now() - started;
  const done = await findRun(database.db, base.countyCode, run.id, { kind: 'system', why: 'imports-worker' });
  const exported = kindKey === 'merchants.registry' ? await timeExport(who) : null;
  if (exported && exported.rows !== done?.committedRows) throw new Error(`exported ${exported.rows} merchants`);
  return {
    engine,
    kind: kindKey,
    rows: checked?.totalRows ?? 0,
    errorRows: checked?.errorRows ?? 0,
    committed: done?.committedRows ?? 0,
    status: done?.status ?? 'missing',
    fileBytes: run.fileBytes,
    checkMs,
    commitMs,
    exportMs: exported?.ms ?? null,
    exportBytes: exported?.bytes ?? null,
  };
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const spread = (values: number[]) => `${seconds(Math.min(...values))}–${seconds(Math.max(...values))}`;

function speedTable(rounds: Round[], engines: string[]): Table {
  const rows = engines.flatMap((engine) =>
    (['cases.departments', 'merchants.registry'] as const).map((kind) => {
      const mine = rounds.filter((r) => r.engine === engine && r.kind === kind);
      const baseline = rounds.filter((r) => r.engine === engine && r.kind === 'cases.departments');
      const check = median(mine.map((r) => r.checkMs));
      const commit = median(mine.map((r) => r.commitMs));
      const rowsEach = mine[0]?.rows ?? 0;
      return [
        kind === 'cases.departments' ? 'baseline: departments' : 'merchants',
        engine,
        rowsEach.toLocaleString('en'),
        String(mine.length),
        `${seconds(check)} (${spread(mine.map((r) => r.checkMs))})`,
        perSecond(rowsEach, check),
        `${(check / median(baseline.map((r) => r.checkMs))).toFixed(2)}×`,
        `${seconds(commit)} (${spread(mine.map((r) => r.commitMs))})`,
        perSecond(mine[0]?.committed ?? 0, commit),
        `${(commit / median(baseline.map((r) => r.commitMs))).toFixed(2)}×`,
      ];
    }),
  );
  return {
    title:
      'Import of one file: dry run and commit (valid rows), median of the rounds (min–max), each round on a fresh database',
    headers: [
      'kind',
      'engine',
      'rows',
      'rounds',
      'dry run s',
      'dry run rows/s',
      'dry run × baseline',
      'commit s',
      'commit rows/s',
      'commit × baseline',
    ],
    rows,
  };
}

function exportTable(rounds: Round[], engines: string[]): Table {
  return {
    title: 'Export of the committed merchants to the template’s .xlsx (operators masked), median of the rounds',
    headers: ['engine', 'merchants', 'export s', 'merchants/s', 'file MB'],
    rows: engines.map((engine) => {
      const mine = rounds.filter((r) => r.engine === engine && r.exportMs !== null);
      const ms = median(mine.map((r) => r.exportMs!));
      return [
        engine,
        (mine[0]?.committed ?? 0).toLocaleString('en'),
        `${seconds(ms)} (${spread(mine.map((r) => r.exportMs!))})`,
        perSecond(mine[0]?.committed ?? 0, ms),
        ((mine[0]?.exportBytes ?? 0) / 1024 / 1024).toFixed(2),
      ];
    }),
  };
}

export const merchantsImportSuite: Suite = {
  name: 'merchants-import',
  async run(options?: RunOptions): Promise<SuiteOutput> {
    const rows = options?.quick ? 500 : 10_000;
    const roundsEach = options?.quick ? 1 : 3;
    const dir = makeWorkDir('merchants-import-files');
    const templates: PreparedTemplate[] = [await preparePgliteTemplate()];
    if (!(await postgresUnavailable())) templates.push(await preparePostgresTemplate());
    const rounds: Round[] = [];
    try {
      const files = {
        'cases.departments': path.join(dir, 'departments.xlsx'),
        'merchants.registry': path.join(dir, 'merchants.xlsx'),
      } as const;
      for (const [kind, file] of Object.entries(files)) await writeFile(file, kind as KindKey, rows);
      // Interleaved (baseline, merchants, baseline, …) so a neighbour's load lands on both alike.
      for (const template of templates)
        for (let i = 0; i < roundsEach; i += 1)
          for (const kind of ['cases.departments', 'merchants.registry'] as const)
            rounds.push(await round(template, kind, files[kind]));
    } finally {
      for (const template of templates) await template.dispose();
      removeWorkDir(dir);
    }
    const engines = templates.map((t) => t.engine);
    const broken = rounds.filter((r) => r.status !== 'committed' || r.errorRows > 0 || r.committed !== r.rows);
    if (broken.length > 0) throw new Error(`rounds that did not commit every row: ${JSON.stringify(broken)}`);
    return {
      title: `Merchant registry import: ${rows.toLocaleString('en')} rows, dry run and commit, both engines`,
      description:
        'A registry of valid merchants (`validRegistryRow`: four kinds, credit code / licence / both, grades, villages by code, name and “乡镇/村”, mobiles and landlines, points) written by exceljs, uploaded, dry-run and committed (valid rows) through `platform/imports` in the bench process, each round on a fresh copy of the migrated database (+ five test villages); the department import of the same size in the same run is the baseline (the kit with a kind that checks almost nothing). Then the committed merchants exported to .xlsx through the export service.',
      tables: [speedTable(rounds, engines), exportTable(rounds, engines)],
      notes: [`${rounds.length} rounds, every one committed all ${rows.toLocaleString('en')} rows with none refused`],
      data: rounds,
    };
  },
};
