import { sql } from 'drizzle-orm';
import { builtinRoles, withGrants } from '../../../platform/access/roles.ts';
import { demoAccountsSeed } from '../../../platform/auth/demo-accounts.ts';
import { upsertBuiltinRoles } from '../../../platform/auth/roles.store.ts';
import type { Ctx } from '../../../platform/context.ts';
import { queryOne, queryRows } from '../../../platform/db/rows.ts';
import { tx } from '../../../platform/db/tx.ts';
import { villagesSeed } from '../../../platform/regions/regions.seed.ts';
import { recordingProgress } from '../../../platform/seed/progress.ts';
import { runSeed } from '../../../platform/seed/run-seed.ts';
import type { SeedOptions } from '../../../platform/seed/seed-step.ts';
import { appModules } from '../../index.ts';
import { departmentsSeed } from '../departments.seed.ts';
import { demoCasesSeed } from './demo-cases.seed.ts';

export const demoOptions: SeedOptions = { scale: 'small', seed: 430225, countyCode: '430225' };

/**
 * What the demo seed runs before the history (villages, the demo accounts, departments) and the history
 * itself, through the real seed runner; the roles carry the cases grants so tests can sign in.
 */
export async function seedCaseHistory(ctx: Ctx, options: SeedOptions = demoOptions): Promise<Array<[number, number]>> {
  await tx(ctx, (t) =>
    upsertBuiltinRoles(
      t.db,
      t.countyCode,
      withGrants(
        builtinRoles,
        appModules.map((m) => m.grants ?? {}),
      ),
    ),
  );
  const progress = recordingProgress();
  await runSeed(ctx, [villagesSeed, demoAccountsSeed, departmentsSeed], options, () => recordingProgress());
  await runSeed(ctx, [demoCasesSeed], options, () => progress);
  return progress.events;
}

/**
 * A digest of every seeded row, with user ids replaced by login ids (accounts get random ids) and without
 * the tracking-token hashes (random on purpose): equal digests mean the same history row for row.
 */
export async function historyDigest(
  ctx: Ctx,
): Promise<{ cases: string; events: string; photos: string; requests: string }> {
  const one = async (query: ReturnType<typeof sql>) => (await queryOne<{ d: string }>(ctx.db, query))?.d ?? '';
  return {
    cases: await one(sql`
      select md5(string_agg(concat_ws('|', c.id, c.case_no, c.category_code, c.channel, c.status, c.priority, c.location_code, c.lng, c.lat, c.address,
        c.description, c.area_m2, r.login_id, c.external_ref, c.department, h.login_id, c.duplicate_of, c.closing_note, c.reported_at, c.registered_at,
        c.dispatched_at, c.handled_at, c.closed_at, c.updated_at, c.clock_stage, c.stage_started_at, c.stage_due_at, c.suspended_at,
        c.suspended_remaining_minutes, c.handle_due_at, c.closed_on_time, c.rework_count, c.escalation_level, c.satisfaction,
        c.satisfaction_comment, c.rated_at, c.revision), ',' order by c.id)) as d
      from cases_case c left join app_user r on r.id = c.reporter_user_id left join app_user h on h.id = c.handler_user_id`),
    events: await one(sql`
      select md5(string_agg(concat_ws('|', e.case_id, e.seq, e.at, e.action, e.actor_kind, u.login_id, e.from_status, e.to_status, e.note, e.details::text), ','
        order by e.case_id, e.seq)) as d
      from cases_event e left join app_user u on u.id = e.actor_id`),
    photos: await one(sql`
      select md5(string_agg(concat_ws('|', p.case_id, p.id, p.stage, p.sha256, p.width, p.height, p.exif_lng, p.exif_lat, p.taken_at, p.uploaded_at, u.login_id, p.sort_order), ','
        order by p.case_id, p.id)) as d
      from cases_photo p left join app_user u on u.id = p.uploaded_by`),
    requests: await one(sql`
      select md5(string_agg(concat_ws('|', q.id, q.case_id, q.kind, q.reason, q.hours, a.login_id, q.requested_at, q.decision, b.login_id, q.decided_at, q.decision_note), ','
        order by q.id)) as d
      from cases_request q left join app_user a on a.id = q.requested_by left join app_user b on b.id = q.decided_by`),
  };
}

export async function countRows(
  ctx: Ctx,
  table: 'cases_case' | 'cases_event' | 'cases_photo' | 'cases_request',
): Promise<number> {
  const rows = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ${sql.raw(table)}`);
  return rows[0]?.n ?? 0;
}
