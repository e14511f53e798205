// The floor under an intake: inserting one row as wide as a case, one row per transaction, on the same
// database. On PostgreSQL that is pgbench with a custom insert-only script at the same client count; on PGlite
// (one session, no network) a loop of single-row inserts in this process on a folder of its own.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../server/platform/db/database.ts';
import { runToExit } from '../lib/proc.ts';

/** A table with cases_case's columns, defaults, identity, checks and all ten indexes: the same row to write. */
export async function createBaselineTable(database: Database): Promise<void> {
  await database.exec(`
    drop table if exists bench_intake;
    create table bench_intake (like cases_case including all);
    drop sequence if exists bench_intake_no;
    create sequence bench_intake_no;`);
}

/** One report's row, as storeReport writes it: the values an inspector's report in 霞阳镇 carries. */
const insertRow = (
  lng: string,
  lat: string,
) => `insert into bench_intake (region_code, case_no, tracking_token_hash, catalogue_version, category_code, channel,
  status, priority, location_code, township_code, lng, lat, address, description, reporter_user_id, reported_at, updated_at,
  clock_stage, stage_started_at, stage_due_at)
values ('430225', '2026-' || lpad(nextval('bench_intake_no')::text, 8, '0'), md5(random()::text) || md5(random()::text), '2026',
  '09006', 'patrol', 'reported', 'normal', '430225100', '430225100', ${lng}, ${lat}, '霞阳镇炎帝大道 88 号门前',
  '水果摊占用人行道经营', 'a2a4f2f6-5a4e-4c1c-9d3e-2f0a6c1b7e11', now(), now(), 'register', now(), now() + interval '4 hours')`;

export const pgbenchScript = `\\set lng random(113700, 113840)
\\set lat random(26440, 26540)
${insertRow(':lng / 1000.0', ':lat / 1000.0')};
`;

export interface BaselineRun {
  clients: number;
  seconds: number;
  perSecond: number;
  /** Per-transaction latencies, ms. */
  latencies: number[];
}

/** Another script than the single-row insert (the capacity suite's same-statement intake), and its protocol. */
export interface PgbenchScript {
  name: string;
  text: string;
  /** `prepared`: named prepared statements; `extended`: unnamed, parsed every time (as node-postgres sends). */
  protocol: 'prepared' | 'extended';
}

/**
 * `pgbench -n -M prepared -c N -j 2 -T s -f script -l`: tps as pgbench reports it (without connection time) and
 * the latency of every transaction from its per-transaction log. -j 2: one thread per core of this machine.
 */
export async function runPgbench(
  databaseUrl: string,
  clients: number,
  seconds: number,
  workDir: string,
  custom?: PgbenchScript,
): Promise<BaselineRun> {
  const url = new URL(databaseUrl);
  const script = path.join(workDir, `${custom?.name ?? 'intake'}.sql`);
  fs.writeFileSync(script, custom?.text ?? pgbenchScript);
  const prefix = path.join(workDir, `pgbench-${clients}-${Date.now()}`);
  const args = [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    '-n',
    '-M',
    custom?.protocol ?? 'prepared',
  ];
  args.push(
    '-c',
    String(clients),
    '-j',
    String(Math.min(clients, 2)),
    '-T',
    String(seconds),
    '-f',
    script,
    '-l',
    `--log-prefix=${prefix}`,
    url.pathname.slice(1),
  );
  const run = await runToExit(
    { command: 'pgbench', args, cwd: workDir, env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
    (seconds + 60) * 1000,
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout);
  if (!tps) throw new Error(`pgbench printed no tps:\n${run.stdout}\n${run.stderr}`);
  // A script error aborts its client: the rate would then be of fewer clients than asked.
  if (/aborted in command|number of failed transactions: [1-9]/.test(run.stdout + run.stderr))
    throw new Error(`pgbench transactions failed:\n${run.stdout}\n${run.stderr.slice(-2000)}`);
  const latencies: number[] = [];
  for (const file of fs.readdirSync(workDir).filter((f) => f.startsWith(path.basename(prefix)))) {
    for (const line of fs.readFileSync(path.join(workDir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]); // client_id transaction_no time(µs) script_no epoch µs
      if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
    }
    fs.rmSync(path.join(workDir, file));
  }
  return { clients, seconds, perSecond: Number(tps[1]), latencies };
}

/** PGlite has one session: a loop of autocommitted single-row inserts is everything it can do at any client count. */
export async function runPgliteInsertLoop(database: Database, seconds: number): Promise<BaselineRun> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    const t = performance.now();
    await database.query(insertRow(String(113.7 + Math.random() * 0.14), String(26.44 + Math.random() * 0.1)));
    latencies.push(performance.now() - t);
  }
  const elapsed = (performance.now() - started) / 1000;
  return { clients: 1, seconds: elapsed, perSecond: latencies.length / elapsed, latencies };
}
