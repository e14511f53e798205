import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesCase } from '../../db/schema/cases.ts';
import { officialCalendar } from '../../platform/calendar/calendar.fixtures.ts';
import { defaultWorkingHours } from '../../platform/calendar/working-hours.ts';
import { workingMinutesBetween } from '../../platform/calendar/working-time.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import { type CaseActors, caseHttp, jpegBase64, prepareCases, reportBody } from './cases.test-support.ts';
import { liveRollup } from './evaluation/evaluation-rollup.store.ts';
import { backfillHandlingMinutes } from './handling-minutes.ts';

const minuteMs = 60_000;

describe('处置时长 kept on the case (handling_minutes)', () => {
  const t = useTestApp();
  const { post, get } = caseHttp(t);
  let who: CaseActors;
  beforeAll(async () => {
    who = await prepareCases(t);
  });

  const rowOf = async (caseNo: string) =>
    (await t.db.database.db.select().from(casesCase).where(eq(casesCase.caseNo, caseNo)))[0]!;
  /** The rollup as readers see it (folded months and changes not folded yet) minus a recount from the rows: no rows when exact. */
  const rollupDrift = () =>
    queryRows(
      t.db.database.db,
      sql`with live as (
            select month, township_code, department, category_code, sum(timed)::int8 as timed, round(sum(handling_minutes)::numeric, 3) as minutes
            from ${liveRollup} where region_code = '430225' group by 1, 2, 3, 4 having (sum(reported), sum(registered), sum(due)) <> (0, 0, 0)
          ), recount as (
            select month, township_code, department, category_code, timed::int8 as timed, round(handling_minutes::numeric, 3) as minutes from cases_evaluation_recount('430225')
          )
          (select * from live except select * from recount) union all (select * from recount except select * from live)`,
    );

  it('is written with the feedback: working minutes since dispatch on the county calendar, and reaches the rollup', async () => {
    const { caseNo } = (await post('/api/cases', who.inspector, await reportBody())).json();
    let view = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    const step = async (path: string, actor: typeof who.dispatcher, body: Record<string, unknown>) => {
      const res = await post(`/api/cases/${caseNo}/${path}`, actor, { revision: view.revision, ...body });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      view = res.json();
    };
    await step('register', who.dispatcher, {});
    await step('dispatch', who.dispatcher, { department: 'chengguan' });
    expect((await rowOf(caseNo)).handlingMinutes).toBeNull();
    // Monday 09:00 → 11:30 (sessions idle out after 30 minutes: a fresh handler signs in).
    t.clock.set(new Date(t.clock().getTime() + 150 * minuteMs));
    const handler = await signIn(t.app, { roles: ['department'], department: 'chengguan' });
    await step('accept', handler, {});
    await step('feedback', handler, { result: '已清理', photos: [{ data: await jpegBase64() }] });
    const row = await rowOf(caseNo);
    expect(row.handlingMinutes).toBe(150);
    expect(row.handlingMinutes).toBe(
      workingMinutesBetween(row.dispatchedAt!, row.handledAt!, officialCalendar(), defaultWorkingHours),
    );
    expect(await rollupDrift()).toEqual([]);
  });

  it('is filled in at start-up for cases handled before it was kept, and the rollup follows', async () => {
    const before = await t.db.database.db
      .select({ id: casesCase.id, minutes: casesCase.handlingMinutes })
      .from(casesCase)
      .where(sql`${casesCase.handledAt} is not null`);
    expect(before.length).toBeGreaterThan(0);
    await t.db.database.db.update(casesCase).set({ handlingMinutes: null });
    await backfillHandlingMinutes(t.db.ctx());
    const after = await t.db.database.db
      .select({ id: casesCase.id, minutes: casesCase.handlingMinutes })
      .from(casesCase)
      .where(sql`${casesCase.handledAt} is not null`);
    expect(after).toEqual(before);
    expect(await rollupDrift()).toEqual([]);
  });
});
