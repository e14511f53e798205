import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CaseStatus, caseChannels, caseStatuses } from '../../../db/schema/cases.ts';
import type { Ctx } from '../../../platform/context.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import { fakeClock } from '../../../testing/fake-clock.ts';
import { actionRules, type CaseAction, clockStageOf } from '../case-flow.ts';
import { type loadCategory, loadPolicy } from '../case-setup.ts';
import { distanceM } from '../geo.ts';
import { stageDueAt } from '../sla.ts';
import { seedCaseHistory } from './demo-cases.test-support.ts';
import { loadDemoSetup } from './demo-setup.ts';

/** Invariants over every seeded row: the history must look as if the real loop had written it. */
describe('the demo case history (small scale)', () => {
  const db = useTestDatabase();
  const clock = fakeClock('2026-03-02T01:00:00Z');
  let ctx: Ctx;
  let progress: Array<[number, number]>;
  const rows = <R>(query: ReturnType<typeof sql>) => queryRows<R>(ctx.db, query);

  beforeAll(async () => {
    ctx = db.ctx({ clock });
    progress = await seedCaseHistory(ctx);
  }, 180_000);

  it('spans more than 13 months up to now, with ~3,000 cases and progress reported per batch', async () => {
    const [span] = await rows<{ n: number; first: Date; last: Date; events_after_now: number }>(sql`
      select count(*)::int as n, min(reported_at) as first, max(reported_at) as last,
        (select count(*)::int from cases_event where at > ${clock()}) as events_after_now from cases_case`);
    expect(span!.n).toBeGreaterThan(2_700);
    expect(span!.n).toBeLessThan(3_300);
    expect(span!.first.getTime()).toBeLessThanOrEqual(new Date('2025-02-02T01:00:00Z').getTime());
    expect(span!.last.getTime()).toBeLessThanOrEqual(clock().getTime());
    expect(span!.events_after_now).toBe(0);
    expect(progress.at(-1)).toEqual([span!.n, span!.n]);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('covers every category of the active edition, every township, channel and status', async () => {
    const missingCategories = await rows(sql`
      select k.code from cases_category k join cases_catalogue_version v on v.region_code = k.region_code and v.version = k.version and v.active
      where k.code not in (select category_code from cases_case)`);
    expect(missingCategories).toEqual([]);
    const missingTownships = await rows(
      sql`select code from region where parent_code = '430225' and code not in (select township_code from cases_case)`,
    );
    expect(missingTownships).toEqual([]);
    const statuses = await rows<{ status: CaseStatus; n: number }>(
      sql`select status, count(*)::int as n from cases_case group by status`,
    );
    expect(statuses.map((s) => s.status).sort()).toEqual([...caseStatuses].sort());
    const channels = await rows<{ channel: string; n: number }>(
      sql`select channel, count(*)::int as n from cases_case group by channel order by n desc`,
    );
    expect(channels.map((c) => c.channel).sort()).toEqual([...caseChannels].sort());
    expect(channels[0]!.channel).toBe('patrol');
    const [seat] = await rows<{ share: number }>(
      sql`select avg((township_code = '430225100')::int)::float8 as share from cases_case`,
    );
    expect(seat!.share).toBeGreaterThan(0.4);
    expect(seat!.share).toBeLessThan(0.5);
    const top = await rows<{ category_code: string }>(
      sql`select category_code from cases_case group by 1 order by count(*) desc limit 5`,
    );
    expect(top.map((c) => c.category_code).sort()).toEqual(['06036', '07001', '09001', '09006', '09009']);
  });

  it('has the tail: rework, returns, 延期, suspensions open and resumed, 督办 at every level, overdue open cases', async () => {
    const [tail] = await rows<Record<string, number>>(sql`
      select count(*) filter (where rework_count = 1)::int as rework1, count(*) filter (where rework_count = 2)::int as rework2,
        count(*) filter (where suspended_at is not null)::int as suspended,
        count(*) filter (where escalation_level = 1)::int as level1, count(*) filter (where escalation_level = 2)::int as level2,
        count(*) filter (where escalation_level = 3)::int as level3,
        count(*) filter (where stage_due_at < ${clock()} and suspended_at is null)::int as overdue_open,
        count(*) filter (where status = 'closed' and closed_on_time)::int as on_time, count(*) filter (where status = 'closed')::int as closed,
        count(*) filter (where satisfaction is not null)::int as rated, count(*) filter (where satisfaction >= 4)::int as satisfied,
        (select count(distinct case_id)::int from cases_event where action = 'return') as returned,
        (select count(distinct case_id)::int from cases_event where action = 'resume') as resumed,
        (select count(*)::int from cases_request where kind = 'extension' and decision = 'approved') as extended,
        (select count(*)::int from cases_event where action = 'escalate' and actor_kind = 'user') as manual_escalations
      from cases_case`);
    const n = (key: string) => tail?.[key] ?? 0;
    for (const key of [
      'rework1',
      'rework2',
      'suspended',
      'level1',
      'level2',
      'level3',
      'overdue_open',
      'returned',
      'resumed',
      'extended',
      'manual_escalations',
    ]) {
      expect(n(key), key).toBeGreaterThan(0);
    }
    expect(n('on_time') / n('closed')).toBeGreaterThan(0.8);
    expect(n('on_time') / n('closed')).toBeLessThan(0.97);
    expect(n('rated') / n('closed')).toBeGreaterThan(0.5);
    expect(n('rated') / n('closed')).toBeLessThan(0.7);
    expect(n('satisfied') / n('rated')).toBeGreaterThan(0.75);
  });

  it('keeps the timestamps in loop order and the row consistent with its status', async () => {
    const bad = await rows<{ case_no: string; status: string }>(sql`
      select case_no, status from cases_case where not (
        coalesce(registered_at >= reported_at, true)
        and coalesce(dispatched_at >= coalesce(registered_at, reported_at), true)
        and coalesce(handled_at >= coalesce(dispatched_at, registered_at, reported_at), true)
        and coalesce(closed_at >= coalesce(handled_at, dispatched_at, registered_at, reported_at), true)
        and coalesce(rated_at >= closed_at, true)
        and updated_at >= greatest(reported_at, registered_at, dispatched_at, handled_at, closed_at, rated_at)
        and (closed_at is not null) = (status in ('closed', 'rejected', 'duplicate'))
        and (registered_at is null) = (status in ('reported', 'verifying', 'rejected') or (status = 'duplicate' and registered_at is null))
        and (dispatched_at is not null and department is not null and handle_due_at is not null) = (status in ('dispatched', 'handling', 'handled', 'closed'))
        and (department is null) = (status not in ('dispatched', 'handling', 'handled', 'closed'))
        and (handled_at is not null) = (status in ('handled', 'closed'))
        and (closed_on_time is not null) = (status = 'closed')
        and coalesce(closed_on_time = (handled_at <= handle_due_at), true)
        and (duplicate_of is not null) = (status = 'duplicate')
        and (suspended_at is null or (status in ('dispatched', 'handling') and suspended_remaining_minutes is not null))
        and (satisfaction is null or (status = 'closed' and rated_at is not null))
        and (stage_due_at is null) = (clock_stage is null) and (stage_started_at is null) = (clock_stage is null)
        and coalesce(stage_started_at >= reported_at, true)
        and reported_at <= ${clock()}
      )`);
    expect(bad).toEqual([]);
    const clocks = await rows<{ status: CaseStatus; clock_stage: string | null }>(
      sql`select distinct status, clock_stage from cases_case`,
    );
    for (const { status, clock_stage } of clocks) expect(clock_stage, status).toBe(clockStageOf(status));
  });

  it('computes every clock with the real SLA code: handle deadlines from dispatch, stage deadlines from their start', async () => {
    const setup = await loadDemoSetup(ctx);
    const policy = await loadPolicy(ctx);
    const limits = new Map<string, Awaited<ReturnType<typeof loadCategory>>['limits']>();
    for (const c of setup.categories) limits.set(c.code, c.limits);
    // Cases whose deadlines no 延期 or 挂起 moved: the stored deadlines must be exactly the computed ones.
    const plain = await rows<{
      case_no: string;
      category_code: string;
      clock_stage: 'register' | 'dispatch' | 'handle' | 'verify' | null;
      stage_started_at: Date | null;
      stage_due_at: Date | null;
      dispatched_at: Date | null;
      handle_due_at: Date | null;
    }>(sql`
      select case_no, category_code, clock_stage, stage_started_at, stage_due_at, dispatched_at, handle_due_at from cases_case c
      where not exists (select 1 from cases_request q where q.region_code = c.region_code and q.case_id = c.id and q.decision = 'approved')`);
    const wrong: string[] = [];
    const same = (a: Date | null, b: Date) => a?.getTime() === b.getTime();
    for (const row of plain) {
      const own = limits.get(row.category_code)!;
      if (
        row.clock_stage &&
        !same(row.stage_due_at, stageDueAt(row.stage_started_at!, row.clock_stage, own, policy, setup.work))
      )
        wrong.push(`${row.case_no} stage`);
      if (
        row.dispatched_at &&
        !same(row.handle_due_at, stageDueAt(row.dispatched_at, 'handle', own, policy, setup.work))
      )
        wrong.push(`${row.case_no} handle`);
    }
    expect(wrong).toEqual([]);
    expect(plain.length).toBeGreaterThan(2_500);
  });

  it('links every duplicate to a same-category case within the duplicate radius that was open when merged', async () => {
    const links = await rows<{
      category_code: string;
      target_category: string;
      target_status: string;
      lng: number;
      lat: number;
      tlng: number;
      tlat: number;
      merged_at: Date;
      target_reported: Date;
      target_closed: Date | null;
    }>(sql`
      select d.category_code, t.category_code as target_category, t.status as target_status, d.lng, d.lat, t.lng as tlng, t.lat as tlat,
        (select at from cases_event e where e.region_code = d.region_code and e.case_id = d.id and e.action = 'merge') as merged_at, t.reported_at as target_reported, t.closed_at as target_closed
      from cases_case d join cases_case t on t.region_code = d.region_code and t.id = d.duplicate_of where d.status = 'duplicate'`);
    const [{ n }] = (await rows<{ n: number }>(
      sql`select count(*)::int as n from cases_case where status = 'duplicate'`,
    )) as [{ n: number }];
    expect(links).toHaveLength(n);
    for (const link of links) {
      expect(link.target_category).toBe(link.category_code);
      expect(link.target_status).not.toBe('duplicate');
      expect(distanceM({ lng: link.lng, lat: link.lat }, { lng: link.tlng, lat: link.tlat })).toBeLessThanOrEqual(50);
      expect(
        link.merged_at >= link.target_reported && (link.target_closed === null || link.merged_at < link.target_closed),
      ).toBe(true);
    }
    expect(new Set(links.map((l) => l.target_status)).size).toBeGreaterThan(1);
  });

  it('writes a timeline that walks the state table: seq 1…n, in time order, each step allowed from the state before', async () => {
    const steps = await rows<Step>(sql`
      select case_id, seq, action, from_status, to_status, at,
        lag(to_status) over (partition by case_id order by seq) as prev_to, lag(at) over (partition by case_id order by seq) as prev_at
      from cases_event order by case_id, seq`);
    expect(timelineProblems(steps)).toEqual([]);
    const mismatched = await rows(sql`
      select c.case_no from cases_case c join lateral (
        select count(*)::int as n, max(at) as last_at,
          count(*) filter (where action = 'verify_fail')::int as fails,
          coalesce(max((details->>'level')::int) filter (where action = 'escalate'), 0) as level,
          (array_agg(to_status order by seq desc))[1] as last_status,
          count(*) filter (where action = 'dispatch')::int as dispatches, count(*) filter (where action = 'return')::int as returns,
          count(*) filter (where action = 'rate')::int as ratings
        from cases_event e where e.region_code = c.region_code and e.case_id = c.id) t on true
      where t.n <> c.revision + 1 or t.last_at <> c.updated_at or t.fails <> c.rework_count or t.level <> c.escalation_level
        or t.last_status <> c.status or (c.dispatched_at is not null and t.dispatches <> t.returns + 1)
        or t.ratings <> (c.satisfaction is not null)::int`);
    expect(mismatched).toEqual([]);
    expect(new Set(steps.map((s) => s.case_id)).size).toBeGreaterThan(2_700);
  });

  it("stores photos in the pipeline's shape on the newest cases, counted on their timeline entries", async () => {
    const bad = await rows(sql`
      select id from cases_photo where content_type <> 'image/jpeg' or encode(sha256(content), 'hex') <> sha256 or width <> 320 or height <> 240
        or length(thumbnail) = 0 or substring(content from 1 for 2) <> '\\xffd8'::bytea`);
    expect(bad).toEqual([]);
    const [photos] = await rows<{ cases: number; distinct_images: number; handle: number }>(sql`
      select count(distinct case_id)::int as cases, count(distinct sha256)::int as distinct_images, count(*) filter (where stage = 'handle')::int as handle from cases_photo`);
    expect(photos).toMatchObject({ cases: 200, distinct_images: 12 });
    expect(photos!.handle).toBeGreaterThan(100);
    const uncounted = await rows(sql`
      select e.case_id, e.seq from cases_event e where e.action in ('report', 'feedback', 'verify_pass', 'verify_fail') and (e.details->>'photos')::int <> (
        select count(*) from cases_photo p where p.region_code = e.region_code and p.case_id = e.case_id and p.uploaded_at = e.at
          and p.stage = case e.action when 'report' then 'report' when 'feedback' then 'handle' else 'verify' end)`);
    expect(uncounted).toEqual([]);
  });
});

interface Step {
  case_id: number;
  seq: number;
  action: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  prev_to: CaseStatus | null;
  prev_at: Date | null;
  at: Date;
}

/** What is wrong with a timeline, collected (an expect per entry would take longer than the seed). */
function timelineProblems(steps: readonly Step[]): string[] {
  const problems: string[] = [];
  const lastSeq = new Map<number, number>();
  for (const s of steps) {
    const where = `case ${s.case_id} seq ${s.seq} ${s.action}`;
    if (s.seq !== (lastSeq.get(s.case_id) ?? 0) + 1) problems.push(`${where}: seq gap`);
    lastSeq.set(s.case_id, s.seq);
    if (s.seq === 1) {
      if (s.action !== 'report' || s.from_status !== null || s.to_status !== 'reported')
        problems.push(`${where}: not a report`);
      continue;
    }
    const rule = actionRules[s.action as CaseAction];
    if (s.from_status !== s.prev_to) problems.push(`${where}: from ${s.from_status} after ${s.prev_to}`);
    if (s.at < s.prev_at!) problems.push(`${where}: earlier than the entry before`);
    if (!rule?.from.includes(s.from_status!)) problems.push(`${where}: not allowed from ${s.from_status}`);
    else if (s.to_status !== (rule.to ?? s.from_status)) problems.push(`${where}: to ${s.to_status}`);
  }
  return problems;
}
