// Spreadsheet imports (platform/imports) at 10,000 and 100,000 rows on both engines: upload, dry run and commit
// (valid rows) of a department registry written by exceljs, rows per second and the process's memory
// high-water, each run in a child process of its own (imports.child.ts) so its peak is the import's alone.
// The question the issue asks — does memory stay flat as the file grows? — is the 100k ÷ 10k ratio of the
// peaks. Also one small account import: its commit is bound by Argon2id (one hash per new account).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { projectRoot } from '../server/config.ts';
import { openPreparedDatabase } from '../server/platform/db/prepare.ts';
import { appModules } from '../server/modules/index.ts';
import { keyringFromJson, newKeyFile } from '../server/platform/pii/keyring.ts';
import { createScratchDatabase, postgresUnavailable } from './lib/pg.ts';
import { childEnv, runToExit } from './lib/proc.ts';
import type { RunOptions, Suite, SuiteOutput, Table } from './lib/report.ts';
import { makeWorkDir, removeWorkDir } from './lib/workdir.ts';

interface Peak {
  rss: number;
  heap: number;
  /** The heap after a forced full collection: what the import really holds. */
  live: number;
}
interface ChildResult {
  rows: number;
  errorRows: number;
  committed: number;
  status: string;
  fileBytes: number;
  uploadMs: number;
  checkMs: number;
  commitMs: number;
  baseline: Peak;
  uploadPeak: Peak;
  checkPeak: Peak;
  commitPeak: Peak;
}
interface Measured extends ChildResult {
  engine: string;
  kind: string;
}

const keyring = keyringFromJson(newKeyFile('bench'));
const countyCode = '430225';

/** A filled-in template written row by row with exceljs' streaming writer; every 100th row repeats a key. */
async function writeFile(file: string, kind: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('data');
  if (kind === 'cases.departments') {
    sheet.addRow(['部门编码', '部门名称', '英文名称', '排序', '启用']).commit();
    for (let i = 1; i <= rows; i += 1) {
      const key = i % 100 === 0 ? `dept-${i - 1}` : `dept-${i}`;
      sheet.addRow([key, `第${i}部门`, `Department ${i}`, i, '是']).commit();
    }
  } else {
    sheet.addRow(['用户名', '姓名', '手机号', '乡镇/区域']).commit();
    for (let i = 1; i <= rows; i += 1)
      sheet.addRow([`bench.${i}`, `用户${i}`, `139${String(i).padStart(8, '0')}`, '霞阳镇']).commit();
  }
  sheet.commit();
  await workbook.commit();
}

interface Engine {
  label: 'PGlite' | 'PostgreSQL';
  /** A fresh copy of the migrated template: what the child opens, and how to drop it. */
  copy(): Promise<{ db: string; drop(): Promise<void> }>;
  dispose(): Promise<void>;
}

async function pglite(): Promise<Engine> {
  const root = makeWorkDir('imports-template');
  const dir = path.join(root, 'db');
  await (
    await openPreparedDatabase({ databaseUrl: undefined, pgliteDir: dir, countyCode }, keyring, appModules)
  ).close();
  return {
    label: 'PGlite',
    async copy() {
      const copyRoot = makeWorkDir('imports-copy');
      fs.cpSync(dir, path.join(copyRoot, 'db'), { recursive: true });
      return { db: path.join(copyRoot, 'db'), drop: async () => removeWorkDir(copyRoot) };
    },
    dispose: async () => removeWorkDir(root),
  };
}

async function postgres(): Promise<Engine> {
  const template = await createScratchDatabase();
  await (
    await openPreparedDatabase({ databaseUrl: template.url, pgliteDir: '', countyCode }, keyring, appModules)
  ).close();
  return {
    label: 'PostgreSQL',
    async copy() {
      const copy = await createScratchDatabase(template.name);
      return { db: copy.url, drop: () => copy.drop() };
    },
    dispose: () => template.drop(),
  };
}

async function measure(engine: Engine, kind: string, file: string): Promise<Measured> {
  const target = await engine.copy();
  const dir = makeWorkDir('imports-result');
  const resultFile = path.join(dir, 'result.json');
  try {
    await runToExit(
      {
        command: process.execPath,
        args: ['--expose-gc', '--import', 'tsx', path.join(projectRoot, 'bench', 'imports.child.ts')],
        cwd: projectRoot,
        env: childEnv({
          BENCH_ENGINE: engine.label === 'PGlite' ? 'pglite' : 'postgres',
          BENCH_DB: target.db,
          BENCH_KIND: kind,
          BENCH_FILE: file,
          BENCH_RESULT_FILE: resultFile,
        }),
      },
      60 * 60_000,
    );
    return { engine: engine.label, kind, ...(JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ChildResult) };
  } finally {
    removeWorkDir(dir);
    await target.drop();
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');
const peakOf = (m: Measured) => ({
  rss: Math.max(m.uploadPeak.rss, m.checkPeak.rss, m.commitPeak.rss),
  heap: Math.max(m.uploadPeak.heap, m.checkPeak.heap, m.commitPeak.heap),
  live: Math.max(m.uploadPeak.live, m.checkPeak.live, m.commitPeak.live),
});

function speedTable(runs: Measured[]): Table {
  return {
    title:
      'Rows per second and memory high-water (child process: Node heap and RSS; PGlite’s RSS includes the database)',
    headers: [
      'kind',
      'engine',
      'rows',
      'file MB',
      'dry run s',
      'dry run rows/s',
      'commit s',
      'commit rows/s',
      'baseline RSS MB',
      'peak RSS MB',
      'peak heap MB',
      'live heap MB',
    ],
    rows: runs.map((m) => [
      m.kind,
      m.engine,
      m.rows.toLocaleString('en'),
      (m.fileBytes / 1024 / 1024).toFixed(1),
      (m.checkMs / 1000).toFixed(1),
      perSecond(m.rows, m.checkMs),
      (m.commitMs / 1000).toFixed(1),
      perSecond(m.committed, m.commitMs),
      mb(m.baseline.rss),
      mb(peakOf(m).rss),
      mb(peakOf(m).heap),
      mb(peakOf(m).live),
    ]),
  };
}

function flatTable(runs: Measured[], [smallRows, largeRows]: readonly number[]): Table {
  const rows = ['PGlite', 'PostgreSQL'].flatMap((engine) => {
    const small = runs.find((m) => m.engine === engine && m.kind === 'cases.departments' && m.rows === smallRows);
    const large = runs.find((m) => m.engine === engine && m.kind === 'cases.departments' && m.rows === largeRows);
    if (!small || !large) return [];
    const growth = (pick: (p: Peak) => number, m: Measured) => pick(peakOf(m)) - pick(m.baseline);
    return [
      [
        engine,
        (peakOf(large).rss / peakOf(small).rss).toFixed(2),
        (
          growth((p) => p.rss, large) /
          Math.max(
            1,
            growth((p) => p.rss, small),
          )
        ).toFixed(2),
        (peakOf(large).heap / peakOf(small).heap).toFixed(2),
        (peakOf(large).live / peakOf(small).live).toFixed(2),
      ],
    ];
  });
  return {
    title: `Memory flat? ${largeRows?.toLocaleString('en')} ÷ ${smallRows?.toLocaleString('en')} rows`,
    headers: ['engine', 'peak RSS ratio', 'RSS growth over baseline ratio', 'peak heap ratio', 'live heap ratio'],
    rows,
  };
}

export const importsSuite: Suite = {
  name: 'imports',
  async run(options?: RunOptions): Promise<SuiteOutput> {
    const sizes = options?.quick ? [1_000, 2_000] : [10_000, 100_000];
    const dir = makeWorkDir('imports-files');
    const engines: Engine[] = [await pglite()];
    if (!(await postgresUnavailable())) engines.push(await postgres());
    const runs: Measured[] = [];
    try {
      for (const rows of sizes) {
        const file = path.join(dir, `departments-${rows}.xlsx`);
        await writeFile(file, 'cases.departments', rows);
        for (const engine of engines) runs.push(await measure(engine, 'cases.departments', file));
      }
      const accounts = path.join(dir, 'accounts.xlsx');
      await writeFile(accounts, 'auth.accounts', options?.quick ? 100 : 1_000);
      for (const engine of engines) runs.push(await measure(engine, 'auth.accounts', accounts));
    } finally {
      for (const engine of engines) await engine.dispose();
      removeWorkDir(dir);
    }
    return {
      title: 'Spreadsheet imports: dry run and commit at 10,000 and 100,000 rows',
      description:
        'A department registry (.xlsx written by exceljs, every 100th row repeating a key) uploaded, dry-run and committed (valid rows) through `platform/imports` on each engine, in a child process per run; memory sampled every 10 ms. One account file of 1,000 rows shows the Argon2id-bound commit of accounts.',
      tables: [speedTable(runs), flatTable(runs, sizes)],
      notes: runs.map(
        (m) =>
          `${m.kind} ${m.engine} ${m.rows}: ${m.errorRows} rows refused (duplicates), ${m.committed} committed, ${m.status}`,
      ),
      data: runs,
    };
  },
};
