import type { Database } from '../../platform/db/database.ts';

export interface MarkedCase {
  clientId: string;
  caseNo: string;
  photos: number;
}

/** Every case whose description carries a marker of this run (`[<runId>-…]`), with its photo count. */
export function casesOfRun(database: Database, runId: string): Promise<MarkedCase[]> {
  return database.query<MarkedCase>(
    `select substring(c.description from '\\[(${runId}-[^\\]]+)\\]') as "clientId", c.case_no as "caseNo",
            (select count(*)::int from cases_photo p where p.region_code = c.region_code and p.case_id = c.id) as photos
       from cases_case c
      where c.description like $1`,
    [`%[${runId}-%`],
  );
}

export interface NumberedCase {
  id: number;
  caseNo: string;
  /** The year of reporting in Asia/Shanghai, the number's prefix. */
  year: string;
}

/** All cases' numbers, in id order: the numbering rule is checked on the whole table, the demo's cases included. */
export function caseNumbers(database: Database): Promise<NumberedCase[]> {
  return database.query<NumberedCase>(
    `select id::int as id, case_no as "caseNo", to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY') as year
       from cases_case order by id`,
  );
}

export interface TimelineRow {
  caseNo: string;
  status: string;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
}

/** Every case's status and its timeline, in order: the replay compares the two. */
export function timelines(database: Database): Promise<TimelineRow[]> {
  return database.query<TimelineRow>(
    `select c.case_no as "caseNo", c.status, e.seq, e.action, e.from_status as "fromStatus", e.to_status as "toStatus"
       from cases_case c
       left join cases_event e on e.region_code = c.region_code and e.case_id = c.id
      order by c.id, e.seq`,
  );
}

/** How many timeline entries of `action` each of these cases has. */
export async function actionCounts(
  database: Database,
  action: string,
  caseNos: readonly string[],
): Promise<Map<string, number>> {
  const rows = await database.query<{ caseNo: string; n: number }>(
    `select c.case_no as "caseNo", count(e.*)::int as n
       from cases_case c
       left join cases_event e on e.region_code = c.region_code and e.case_id = c.id and e.action = $1
      where c.case_no = any($2::text[])
      group by c.case_no`,
    [action, caseNos],
  );
  return new Map(rows.map((r) => [r.caseNo, r.n]));
}

/** Row counts of the tables a backup must carry whole (the restore check compares them). */
export async function rowCounts(database: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = Number((await database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n);
  return counts;
}

/** The application's tables (public schema), by name. */
export async function publicTables(database: Database): Promise<string[]> {
  const rows = await database.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  return rows.map((r) => r.name);
}
