// The exact statements one intake sends to PostgreSQL, read from the server's own log: `log_statement = all` is
// set on the throwaway database only (ALTER DATABASE, so only new connections log), the server is restarted so
// its pool picks it up, and one POST /api/cases is sent between two marker statements. The lines between the
// markers that carry the database's name are the request's statements, parameters included.
import fs from 'node:fs';
import pg from 'pg';
import { HttpClient } from '../cases/http-client.ts';
import { intakeBody } from '../cases/intake-runs.ts';
import { type LiveServer, type ServerTarget, signInDemo, startWenming } from '../cases/live-server.ts';
import { copyStagedUpload } from '../cases/staged-pool.ts';
import type { Database } from '../../server/platform/db/database.ts';

/** Where the machine's PostgreSQL writes its log (Debian's pg_ctlcluster sends stderr there). */
const defaultLogFile = '/var/log/postgresql/postgresql-15-main.log';

export interface CapturedStatement {
  /** Backend pid: statements of one transaction share it. */
  pid: number;
  text: string;
  /** Parameter values in order ($1…), as PostgreSQL printed them (null for NULL). */
  params: Array<string | null>;
}

async function onDatabase<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Sends one intake to a restarted server with statement logging on for `databaseName`, and returns the statements
 * between the markers. The server runs again (without logging) when this returns.
 */
export async function captureIntakeStatements(options: {
  target: Extract<ServerTarget, { engine: 'PostgreSQL' }>;
  databaseName: string;
  adminUrl: string;
  openDatabase: () => Promise<Database>;
  templateId: string;
  logFile?: string;
}): Promise<CapturedStatement[]> {
  const { target, databaseName, adminUrl } = options;
  const logFile = options.logFile ?? process.env.BENCH_PG_LOG ?? defaultLogFile;
  const database = await options.openDatabase();
  const [warmUploadId, uploadId] = await copyStagedUpload(database, options.templateId, 2).finally(() =>
    database.close(),
  );
  await onDatabase(adminUrl, (c) => c.query(`alter database ${databaseName} set log_statement = 'all'`));
  let server: LiveServer | undefined;
  try {
    server = await startWenming(target);
    const headers = await signInDemo(server.url, 'inspector.xiayang');
    // The statements of a warm server, as the load meets it: one intake first fills the process's reference cache
    // (catalogue, policy, calendar, settings: platform/cache/reference-cache.ts), so the captured one is the
    // steady state and not a cold start's extra reads.
    await sendIntake(server.url, headers, warmUploadId as string);
    const begin = `wenming-capture-begin-${crypto.randomUUID()}`;
    const end = `wenming-capture-end-${crypto.randomUUID()}`;
    const offset = fs.statSync(logFile).size;
    await onDatabase(target.databaseUrl, (c) => c.query(`select '${begin}'`));
    await sendIntake(server.url, headers, uploadId as string);
    await onDatabase(target.databaseUrl, (c) => c.query(`select '${end}'`));
    return parseLog(readFrom(logFile, offset), databaseName, begin, end);
  } finally {
    await onDatabase(adminUrl, (c) => c.query(`alter database ${databaseName} reset log_statement`));
    await server?.stop();
  }
}

async function sendIntake(url: string, headers: Record<string, string>, uploadId: string): Promise<void> {
  const client = new HttpClient(url);
  try {
    const res = await client.request('POST', '/api/cases', {
      headers: { ...headers, 'idempotency-key': `capture-${crypto.randomUUID()}` },
      body: intakeBody(0, { uploadId }),
    });
    if (res.status !== 201) throw new Error(`the captured intake failed: ${res.status} ${res.body}`);
  } finally {
    client.close();
  }
}

function readFrom(file: string, offset: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** A log entry starts with the timestamp of log_line_prefix '%m [%p] %q%u@%d '; continuation lines do not. */
const entryStart =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (\S*)@(\S*) (LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT):\s+/;

interface LogEntry {
  pid: number;
  database: string;
  level: string;
  message: string;
}

function entries(text: string): LogEntry[] {
  const out: LogEntry[] = [];
  for (const line of text.split('\n')) {
    const m = entryStart.exec(line);
    if (m) out.push({ pid: Number(m[1]), database: m[3] ?? '', level: m[4] ?? '', message: line.slice(m[0].length) });
    else if (out.length > 0) out[out.length - 1]!.message += `\n${line}`;
  }
  return out;
}

/** The statements logged for `database` strictly between the two markers, each with its DETAIL parameters. */
export function parseLog(text: string, database: string, begin: string, end: string): CapturedStatement[] {
  const ours = entries(text).filter((e) => e.database === database);
  const from = ours.findIndex((e) => e.message.includes(begin));
  const to = ours.findIndex((e) => e.message.includes(end));
  if (from < 0 || to < 0) throw new Error('the capture markers are not in the PostgreSQL log');
  const out: CapturedStatement[] = [];
  for (const e of ours.slice(from + 1, to)) {
    const statement = /^(?:statement|execute [^:]+): ([\s\S]*)$/.exec(e.message.trimEnd());
    if (e.level === 'LOG' && statement) out.push({ pid: e.pid, text: statement[1] as string, params: [] });
    else if (e.level === 'DETAIL' && e.message.startsWith('parameters: ')) {
      const last = [...out].reverse().find((s) => s.pid === e.pid);
      if (last) last.params = parseParameters(e.message.slice('parameters: '.length));
    }
  }
  return out;
}

/** "$1 = 'a''b', $2 = NULL" → ["a'b", null]. */
export function parseParameters(text: string): Array<string | null> {
  const params: Array<string | null> = [];
  const re = /\$(\d+) = (?:NULL|'((?:[^']|'')*)')/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    params[Number(m[1]) - 1] = m[2] === undefined ? null : m[2].replace(/''/g, "'");
  }
  return params;
}
