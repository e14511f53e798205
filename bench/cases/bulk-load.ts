// A county's case history loaded in bulk: server-side INSERT … SELECT from generate_series, joined to small
// weighted lookup tables (places, categories, channels), in batches — no row goes through JavaScript.
import { sql } from 'drizzle-orm';
import { findActiveVersion } from '../../server/modules/cases/catalogue/catalogue.store.ts';
import {
  type CalendarArrays,
  calendarArrays,
  workingMinutesSql,
} from '../../server/modules/cases/evaluation/working-minutes.sql.ts';
import { loadCalendar, loadWorkingHours } from '../../server/platform/calendar/load-calendar.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { categoryMix, channelMix, departmentOf, placeSlots, weightedSlots } from './case-mix.ts';

const slots = 1000;
const batchRows = 100_000;
const county = '430225';

export interface LoadResult {
  /** Cases loaded; fewer than `planned` when the time budget ran out (each batch spans the whole period). */
  rows: number;
  planned: number;
  /** Loaded ids are idBase + 1 … idBase + planned (with gaps when the load was cut short). */
  idBase: number;
  /** Inserting the rows and rebuilding the secondary indexes, all told. */
  loadMs: number;
  /** Of which rebuilding the secondary indexes. */
  indexMs: number;
  indexes: number;
  /** Of which recomputing the 综合评价 month rollup from the loaded rows. */
  rollupMs: number;
  vacuumMs: number;
  /** Exact count of cases_case after the load (the demo seed's cases included). */
  tableRows: number;
  tableMB: number;
  indexesMB: number;
}

async function lookupTables(database: Database): Promise<void> {
  const villages = await database.query<{ code: string; parent_code: string }>(
    `select code, parent_code from region where level = 'village' and parent_code like '${county}%'`,
  );
  const villagesOf = new Map<string, string[]>();
  for (const v of villages) villagesOf.set(v.parent_code, [...(villagesOf.get(v.parent_code) ?? []), v.code]);
  const places = placeSlots(villagesOf, slots);
  const townshipNames = new Map(
    (
      await database.query<{ code: string; name: string }>(
        `select code, name from region where parent_code = '${county}'`,
      )
    ).map((r) => [r.code, r.name]),
  );
  const version = (await findActiveVersion(database.db, county))?.version;
  if (!version) throw new Error('no active case catalogue');
  const names = new Map(
    (
      await database.query<{ code: string; title_zh: string }>(
        'select code, title_zh from cases_category where region_code = $1 and version = $2',
        [county, version],
      )
    ).map((r) => [r.code, r.title_zh]),
  );
  const categories = weightedSlots(
    Object.entries(categoryMix).filter(([code]) => names.has(code)),
    slots,
  );
  const channels = weightedSlots(channelMix, 100);
  await database.exec(`
    drop table if exists bench_place; drop table if exists bench_category; drop table if exists bench_channel;
    create table bench_place (idx int primary key, township_code text, township_name text, location_code text, lng float8, lat float8);
    create table bench_category (idx int primary key, code text, version text, name text, department text);
    create table bench_channel (idx int primary key, channel text);`);
  await database.db.execute(sql`insert into bench_place select * from unnest(
    ${sql.param(places.map((_, i) => i))}::int[], ${sql.param(places.map((p) => p.townshipCode))}::text[],
    ${sql.param(places.map((p) => townshipNames.get(p.townshipCode) ?? p.townshipCode))}::text[], ${sql.param(places.map((p) => p.locationCode))}::text[], ${sql.param(places.map((p) => p.lng))}::float8[], ${sql.param(places.map((p) => p.lat))}::float8[])`);
  await database.db.execute(sql`insert into bench_category select * from unnest(
    ${sql.param(categories.map((_, i) => i))}::int[], ${sql.param(categories)}::text[], ${sql.param(categories.map(() => version))}::text[],
    ${sql.param(categories.map((c) => names.get(c)!))}::text[], ${sql.param(categories.map(departmentOf))}::text[])`);
  await database.db.execute(
    sql`insert into bench_channel select * from unnest(${sql.param(channels.map((_, i) => i))}::int[], ${sql.param(channels)}::text[])`,
  );
}

async function reporterIds(database: Database): Promise<Record<string, string | null>> {
  const rows = await database.query<{ login_id: string; id: string }>(
    "select login_id, id from app_user where login_id in ('inspector.xiayang', 'inspector.miandu', 'volunteer.demo')",
  );
  const id = (login: string) => rows.find((r) => r.login_id === login)?.id ?? null;
  return { xiayang: id('inspector.xiayang'), miandu: id('inspector.miandu'), volunteer: id('volunteer.demo') };
}

/**
 * One batch, rows first, first + step, … ≤ last: ids in order of reported_at, spread evenly over three years up to `now`. A case's
 * state depends on its age: old cases are closed (or rejected / merged) bar a 0.15 % tail stuck open; of the
 * last weeks' cases, a share decaying with age (55 % × e^(−days/8)) is still open, across every open state.
 * Timestamps follow the loop (registered → dispatched → handled → closed) and never pass `now`.
 */
function batchInsert(
  first: number,
  last: number,
  step: number,
  idBase: number,
  total: number,
  now: Date,
  reporters: Record<string, string | null>,
  cal: CalendarArrays,
) {
  const spanSeconds = 3 * 365 * 86400;
  const t0 = new Date(now.getTime() - spanSeconds * 1000);
  const nowP = sql`${now.toISOString()}::timestamptz`;
  const clamp = (e: ReturnType<typeof sql>) => sql`least(${e}, ${nowP} - interval '1 minute')`;
  return sql`
  insert into cases_case (region_code, id, case_no, tracking_token_hash, catalogue_version, category_code, channel, status, priority,
    location_code, township_code, lng, lat, address, description, area_m2, reporter_user_id, department,
    reported_at, registered_at, dispatched_at, handled_at, handling_minutes, closed_at, updated_at,
    clock_stage, stage_started_at, stage_due_at, suspended_at, handle_due_at, closed_on_time,
    rework_count, escalation_level, satisfaction, rated_at, revision)
  overriding system value
  select ${county}, id, to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY') || '-' || lpad(id::text, 8, '0'),
    md5(id::text) || md5('t' || id::text), version, code, channel, status, case when id % 33 = 0 then 'urgent' else 'normal' end,
    location_code, township_code, lng, lat, address, name || '，请核查处理', case when code = '06001' then round((5 + r9 * 195)::numeric, 1) end,
    case when channel = 'patrol' and township_code = '430225100' then ${reporters.xiayang}::uuid
         when channel = 'patrol' and township_code = '430225101' then ${reporters.miandu}::uuid
         when channel = 'volunteer' then ${reporters.volunteer}::uuid end,
    case when dispatched_at is not null then department end,
    reported_at, registered_at, dispatched_at, handled_at,
    case when handled_at is not null then ${workingMinutesSql(sql`dispatched_at`, sql`handled_at`, cal)} end, closed_at,
    case when status = 'closed' and r10 < 0.35 then ${clamp(sql`closed_at + interval '2 days'`)} else coalesce(closed_at, handled_at, dispatched_at, registered_at, reported_at) end,
    stage, stage_started_at, stage_due_at,
    case when status = 'handling' and r8 < 0.03 then ${clamp(sql`dispatched_at + interval '1 day'`)} end,
    handle_due_at,
    case when status = 'closed' then handled_at <= handle_due_at end,
    case when status = 'closed' and r9 < 0.05 then 1 when status = 'closed' and r9 < 0.06 then 2 else 0 end,
    case when stage_due_at < ${nowP} then (case when ${nowP} - stage_due_at > interval '3 days' then 3 when ${nowP} - stage_due_at > interval '1 day' then 2 else 1 end)
         when status = 'closed' and handled_at > handle_due_at and r8 < 0.3 then 1 else 0 end,
    case when status = 'closed' and r10 < 0.35 then (case when r10 < 0.21 then 5 when r10 < 0.315 then 4 when r10 < 0.34 then 3 when r10 < 0.347 then 2 else 1 end) end,
    case when status = 'closed' and r10 < 0.35 then ${clamp(sql`closed_at + interval '2 days'`)} end,
    case status when 'reported' then 0 when 'registered' then 1 when 'dispatched' then 2 when 'handling' then 3 when 'handled' then 4 when 'closed' then 5 else 1 end
  from (
    select s.*,
      case when status = 'closed' then ${clamp(sql`handled_at + (1 + r7 * 23) * interval '1 hour'`)}
           when status in ('rejected', 'duplicate') then ${clamp(sql`reported_at + (10 + r4 * 200) * interval '1 minute'`)} end as closed_at,
      case status when 'reported' then 'register' when 'registered' then 'dispatch' when 'dispatched' then 'handle' when 'handling' then 'handle' when 'handled' then 'verify' end as stage,
      case status when 'reported' then reported_at when 'registered' then registered_at when 'dispatched' then dispatched_at when 'handling' then dispatched_at when 'handled' then handled_at end as stage_started_at,
      case status when 'reported' then reported_at + interval '4 hours' when 'registered' then registered_at + interval '2 hours'
        when 'dispatched' then handle_due_at when 'handling' then handle_due_at when 'handled' then handled_at + interval '1 day' end as stage_due_at
    from (
      select t.*,
        dispatched_at + interval '4 days' as handle_due_at,
        case when status in ('handled', 'closed') then ${clamp(sql`dispatched_at + r6 * 1.15 * interval '4 days'`)} end as handled_at
      from (
        select u.*,
          case when status in ('dispatched', 'handling', 'handled', 'closed') then ${clamp(sql`registered_at + (10 + r5 * 230) * interval '1 minute'`)} end as dispatched_at
        from (
          select v.*,
            case when status not in ('reported', 'rejected', 'duplicate') then ${clamp(sql`reported_at + (10 + r4 * 110) * interval '1 minute'`)} end as registered_at
          from (
            select x.*, p.township_code, p.location_code, p.lng + (x.r1 - 0.5) * 0.01 as lng, p.lat + (x.r7 - 0.5) * 0.01 as lat,
              c.code, c.version, c.name, c.department, h.channel,
              p.township_name || '第' || (1 + x.id % 97) || '街 ' || (1 + x.id % 300) || ' 号' as address,
              case when x.age_days > 45 then
                     case when x.r2 < 0.05 then 'rejected' when x.r2 < 0.08 then 'duplicate'
                          when x.r2 < 0.0815 then (case when x.r3 < 0.5 then 'handling' else 'dispatched' end) else 'closed' end
                   when x.r2 < 0.55 * exp(-x.age_days / 8) then
                     case when x.r3 < 0.12 then 'reported' when x.r3 < 0.27 then 'registered' when x.r3 < 0.52 then 'dispatched' when x.r3 < 0.85 then 'handling' else 'handled' end
                   when x.r2 < 0.55 * exp(-x.age_days / 8) + 0.05 then 'rejected'
                   when x.r2 < 0.55 * exp(-x.age_days / 8) + 0.08 then 'duplicate'
                   else 'closed' end as status
            from (
              select g + ${idBase} as id, r.*,
                extract(epoch from ${nowP} - reported_at) / 86400 as age_days
              from generate_series(${first}::int, ${last}::int, ${step}::int) g
              cross join lateral (
                select ${t0.toISOString()}::timestamptz + ((g - 1)::float8 / ${total} * ${spanSeconds} + random() * 3600) * interval '1 second' as reported_at,
                  random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6,
                  random() as r7, random() as r8, random() as r9, random() as r10, random() as rp, random() as rc, random() as rh
                offset 0
              ) r
            ) x
            join bench_place p on p.idx = floor(x.rp * ${slots})::int
            join bench_category c on c.idx = floor(x.rc * ${slots})::int
            join bench_channel h on h.idx = floor(x.rh * 100)::int
          ) v
        ) u
      ) t
    ) s
  ) f`;
}

/**
 * Loads `rows` cases after the ones already there (the demo seed's), then moves the identity past them and
 * VACUUM (ANALYZE)s the table, as autovacuum would on a live system, so plans and index-only scans are those
 * of a settled database.
 */
export async function bulkLoadCases(
  database: Database,
  rows: number,
  now: Date,
  {
    budgetMs = Number.POSITIVE_INFINITY,
    progress = () => {},
  }: { budgetMs?: number; progress?: (done: number) => void } = {},
): Promise<LoadResult> {
  await lookupTables(database);
  const reporters = await reporterIds(database);
  const cal = calendarArrays(
    await loadCalendar(database.db, county, 2000, now.getUTCFullYear() + 2),
    await loadWorkingHours(database.db, county),
  );
  const [maxRow] = await database.query<{ max: number | null }>('select max(id)::int8 as max from cases_case');
  const idBase = Number(maxRow?.max ?? 0);
  const started = performance.now();
  // As a bulk load should: secondary indexes dropped first and rebuilt once at the end (exactly as defined).
  const indexes = await database.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = 'cases_case'
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.conrelid = 'cases_case'::regclass)
     order by i.indexname`,
  );
  for (const index of indexes) await database.exec(`drop index ${index.indexname}`);
  // The 综合评价 rollup's trigger would add each row on its own: it is off for the load and the rollup is
  // recomputed from the rows once at the end (cases_evaluation_rebuild, migration 0011).
  await database.exec('alter table cases_case disable trigger cases_evaluation_track');
  // Batch k takes every batches-th row from k: each batch spans the whole three years, so a load cut short by
  // the time budget is a thinner history, not a truncated one.
  const batches = Math.ceil(rows / batchRows);
  let loaded = 0;
  for (let k = 0; k < batches; k++) {
    const batchStarted = performance.now();
    await database.db.transaction(async (t) => {
      await t.execute(sql`select setseed(${(k + 1) / (batches + 1)})`);
      await t.execute(batchInsert(k + 1, rows, batches, idBase, rows, now, reporters, cal));
    });
    loaded += Math.floor((rows - (k + 1)) / batches) + 1;
    progress(loaded);
    const spent = performance.now() - started;
    if (k + 1 < batches && spent + (performance.now() - batchStarted) > budgetMs) break;
  }
  const indexesStarted = performance.now();
  for (const index of indexes) await database.exec(index.indexdef);
  const indexMs = performance.now() - indexesStarted;
  const rollupStarted = performance.now();
  await database.exec(
    `select cases_evaluation_rebuild('${county}'); alter table cases_case enable trigger cases_evaluation_track`,
  );
  const rollupMs = performance.now() - rollupStarted;
  await database.exec(`select setval(pg_get_serial_sequence('cases_case', 'id'), (select max(id) from cases_case))`);
  await database.exec('drop table bench_place; drop table bench_category; drop table bench_channel');
  const loadMs = performance.now() - started;
  const vacuumStarted = performance.now();
  await database.exec('vacuum (analyze) cases_case');
  await database.exec('vacuum (analyze) cases_evaluation_month');
  const vacuumMs = performance.now() - vacuumStarted;
  const [size] = await database.query<{ n: number; table_mb: number; index_mb: number }>(
    `select (select count(*) from cases_case)::int8 as n, pg_table_size('cases_case') / 1048576.0 as table_mb, pg_indexes_size('cases_case') / 1048576.0 as index_mb`,
  );
  return {
    rows: loaded,
    planned: rows,
    idBase,
    loadMs,
    indexMs,
    rollupMs,
    indexes: indexes.length,
    vacuumMs,
    tableRows: Number(size?.n),
    tableMB: Number(size?.table_mb),
    indexesMB: Number(size?.index_mb),
  };
}
