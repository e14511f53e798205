import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../platform/calendar/calendar.fixtures.ts';
import { defaultWorkingHours } from '../../../platform/calendar/working-hours.ts';
import { workingMinutesBetween } from '../../../platform/calendar/working-time.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { appModules } from '../../index.ts';
import { type CaseActors, jpegBase64, miandu, prepareCases, reportBody, xiayang } from '../cases.test-support.ts';
import { shanghaiWallClock } from './evaluation.xlsx.ts';

interface CaseView {
  caseNo: string;
  revision: number;
  status: string;
  dispatchedAt: string | null;
  handledAt: string | null;
  handleDueAt: string | null;
  closedOnTime: boolean | null;
  reworkCount: number;
}

const march = 'from=2026-03-01&to=2026-03-31';

describe('综合评价 through the API', () => {
  const t = useTestApp({ modules: appModules });
  let who: CaseActors;
  let miandouEvaluator: SignedIn;
  const closedViews: CaseView[] = [];

  const post = (url: string, actor: SignedIn | null, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...(actor?.headers ?? {}), ...headers },
      payload: payload as object,
    });
  const get = (url: string, actor: SignedIn | null) =>
    t.app.inject({ method: 'GET', url, headers: { ...(actor?.headers ?? {}), 'accept-language': 'zh-CN' } });

  async function report(reporter: SignedIn, region: string) {
    const reported = await post('/api/cases', reporter, await reportBody({ regionCode: region }));
    expect(reported.statusCode, reported.body).toBe(201);
    const { caseNo, trackingToken } = reported.json();
    const view: CaseView = (await get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    return { view, trackingToken: trackingToken as string };
  }

  /** Moves a case through the real routes; `steps` name the actions in order, acted by the current sign-ins. */
  async function advance(start: CaseView, verifier: () => SignedIn, steps: string[]): Promise<CaseView> {
    let view = start;
    for (const name of steps) {
      const [actor, path, body]: [SignedIn, string, Record<string, unknown>] = {
        register: () => [who.dispatcher, 'register', {}] as const,
        reject: () => [who.dispatcher, 'reject', { reason: '不属于受理范围' }] as const,
        dispatch: () => [who.dispatcher, 'dispatch', { department: 'chengguan' }] as const,
        accept: () => [who.handler, 'accept', {}] as const,
        feedback: () => [who.handler, 'feedback', { result: '已处理', photos: [{ data: jpeg }] }] as const,
        pass: () => [verifier(), 'verify', { passed: true }] as const,
        fail: () => [verifier(), 'verify', { passed: false, note: '仍未清理' }] as const,
      }[name]!() as [SignedIn, string, Record<string, unknown>];
      const res = await post(`/api/cases/${view.caseNo}/${path}`, actor, { revision: view.revision, ...body });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      view = res.json();
    }
    return view;
  }

  async function runCase(reporter: SignedIn, verifier: () => SignedIn, region: string, steps: string[]) {
    const { view, trackingToken } = await report(reporter, region);
    return { view: await advance(view, verifier, steps), trackingToken };
  }

  const rate = async (caseNo: string, token: string, score: number) => {
    const res = await post(`/api/public/cases/${caseNo}/rating`, null, { score }, { 'x-case-token': token });
    expect(res.statusCode, res.body).toBe(200);
  };

  let jpeg = '';
  beforeAll(async () => {
    jpeg = await jpegBase64();
    who = await prepareCases(t);
    miandouEvaluator = await signIn(t.app, {
      roles: ['inspector'],
      permissions: ['cases.evaluate'],
      scopeRegion: miandu,
    });
    const full = ['register', 'dispatch', 'accept', 'feedback', 'pass'];
    const other = () => who.otherInspector;
    // Clock: Monday 2 March 2026, 09:00 in Yanling.
    const onTime = await runCase(who.inspector, other, xiayang, full);
    await rate(onTime.view.caseNo, onTime.trackingToken, 5);
    const reworked = await runCase(who.inspector, other, xiayang, [
      'register',
      'dispatch',
      'accept',
      'feedback',
      'fail',
      'accept',
      'feedback',
      'pass',
    ]);
    await runCase(who.inspector, other, xiayang, ['reject']);
    await runCase(who.miandouInspector, () => miandouEvaluator, miandu, full);
    // Left open past its deadline: due, not closed, and overdue now.
    const open = await runCase(who.inspector, other, xiayang, ['register', 'dispatch']);
    // Handled an hour after its deadline: closed, but not on time.
    const late = await runCase(who.inspector, other, xiayang, ['register', 'dispatch', 'accept']);
    t.clock.set(new Date(Date.parse(late.view.handleDueAt!) + 3_600_000));
    // Days later every session has timed out: sign everyone in again.
    who = await prepareCases(t);
    miandouEvaluator = await signIn(t.app, {
      roles: ['inspector'],
      permissions: ['cases.evaluate'],
      scopeRegion: miandu,
    });
    late.view = await advance(late.view, other, ['feedback', 'pass']);
    await rate(late.view.caseNo, late.trackingToken, 3);
    expect(Date.parse(open.view.handleDueAt!)).toBeLessThan(t.clock().getTime());
    closedViews.push(onTime.view, reworked.view, late.view);
    expect(closedViews.map((v) => [v.status, v.closedOnTime, v.reworkCount])).toEqual([
      ['closed', true, 0],
      ['closed', true, 1],
      ['closed', false, 0],
    ]);
  });

  describe('refuses', () => {
    it('401 without a session', async () => {
      expect((await get(`/api/cases/evaluation?${march}&groupBy=township`, null)).statusCode).toBe(401);
      expect((await get(`/api/cases/evaluation.xlsx?${march}`, null)).statusCode).toBe(401);
    });

    it('400 for bad, reversed, too long and unknown parameters, naming the field', async () => {
      const bad = async (query: string) => {
        const res = await get(`/api/cases/evaluation?${query}`, who.dispatcher);
        expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
        return res.json().error;
      };
      expect((await bad('from=2026-03-31&to=2026-03-01&groupBy=township')).fields).toEqual({
        from: '开始日期不能晚于结束日期',
      });
      expect((await bad('from=2023-03-01&to=2026-03-01&groupBy=month')).fields).toEqual({
        to: '统计时段不能超过 3 年',
      });
      await bad('from=2026-02-30&to=2026-03-31&groupBy=township');
      await bad('from=20260301&to=2026-03-31&groupBy=township');
      await bad(`${march}&groupBy=street`);
      await bad(march);
      await bad(`${march}&groupBy=township&minVolume=0`);
      await bad(`${march}&groupBy=township&regionCode=430225100`);
      const xlsx = await get('/api/cases/evaluation.xlsx?from=2026-03-31&to=2026-03-01', who.dispatcher);
      expect(xlsx.statusCode).toBe(400);
      expect(xlsx.json().error.fields).toHaveProperty('from');
    });

    it('allows exactly three years, not a day more', async () => {
      expect(
        (await get('/api/cases/evaluation?from=2023-03-01&to=2026-02-28&groupBy=month', who.dispatcher)).statusCode,
      ).toBe(200);
    });

    it('403 for roles without cases.evaluate (department, volunteer, inspector)', async () => {
      for (const actor of [who.handler, who.volunteer, who.inspector]) {
        expect((await get(`/api/cases/evaluation?${march}&groupBy=township`, actor)).statusCode).toBe(403);
        expect((await get(`/api/cases/evaluation.xlsx?${march}`, actor)).statusCode).toBe(403);
      }
    });
  });

  it('an evaluator of 沔渡镇 sees only 沔渡镇 in the figures', async () => {
    const res = await get(`/api/cases/evaluation?${march}&groupBy=township`, miandouEvaluator);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: { key: string; name: string }) => [r.key, r.name])).toEqual([[miandu, '沔渡镇']]);
    expect(body.total).toMatchObject({
      reported: 1,
      registered: 1,
      due: 1,
      closed: 1,
      closedOnTime: 1,
      overdueOpen: 0,
    });
    const byMonth = (await get(`/api/cases/evaluation?${march}&groupBy=month`, miandouEvaluator)).json();
    expect(byMonth.total).toMatchObject({ reported: 1, due: 1 });
  });

  it('computes the township figures from the loop: 应结案 includes the open overdue case, 按期 excludes the late one', async () => {
    const res = await get(`/api/cases/evaluation?${march}&groupBy=township`, who.dispatcher);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'township',
      minVolume: 5,
      generatedAt: t.clock().toISOString(),
    });
    // Every township of the county is listed, with or without cases.
    expect(body.rows.length).toBeGreaterThan(10);
    console.log('ROWS', JSON.stringify(body.rows.slice(0, 2)), JSON.stringify(body.total));
    const row = (key: string) => body.rows.find((r: { key: string }) => r.key === key);
    // 霞阳镇: 5 reported (one rejected), 4 registered, 4 due (3 closed + the open overdue one).
    const minutes = closedViews.reduce(
      (sum, v) =>
        sum +
        workingMinutesBetween(
          new Date(v.dispatchedAt!),
          new Date(v.handledAt!),
          officialCalendar(),
          defaultWorkingHours,
        ),
      0,
    );
    expect(row(xiayang)).toEqual({
      key: xiayang,
      name: '霞阳镇',
      reported: 5,
      registered: 4,
      due: 4,
      closed: 3,
      closedOnTime: 2,
      closedRate: 75,
      onTimeRate: 50,
      reworked: 1,
      reworkRate: 33.33,
      avgHandlingHours: Math.round((minutes / 60 / 3) * 100) / 100,
      satisfaction: 4,
      rated: 2,
      // None of these reports went through 核实: "—", not 0 %.
      verified: 0,
      verifiedOnTime: 0,
      verifyOnTimeRate: null,
      overdueOpen: 1,
      lowVolume: true,
    });
    expect(row(miandu)).toMatchObject({ reported: 1, due: 1, closedRate: 100, onTimeRate: 100, lowVolume: true });
    // A township with no cases: zeros and "—" (null), not 0 %.
    expect(row('430225102')).toMatchObject({
      reported: 0,
      due: 0,
      closedRate: null,
      onTimeRate: null,
      reworkRate: null,
      avgHandlingHours: null,
      satisfaction: null,
    });
    expect(body.total).toMatchObject({
      key: null,
      name: '合计',
      reported: 6,
      registered: 5,
      due: 5,
      closed: 4,
      closedOnTime: 3,
      closedRate: 80,
      onTimeRate: 60,
      reworked: 1,
      reworkRate: 25,
      overdueOpen: 1,
      lowVolume: false,
    });
  });

  it('groups by department (with the never-dispatched cases on their own row), category and month', async () => {
    const byDepartment = (await get(`/api/cases/evaluation?${march}&groupBy=department`, who.dispatcher)).json();
    const department = (key: string | null) => byDepartment.rows.find((r: { key: string | null }) => r.key === key);
    expect(department('chengguan')).toMatchObject({ reported: 5, due: 5, closed: 4 });
    expect(department(null)).toMatchObject({ name: '未派遣', reported: 1, registered: 0, due: 0 });
    expect(department('huanwei')).toMatchObject({ reported: 0, due: 0 });
    const byCategory = (await get(`/api/cases/evaluation?${march}&groupBy=category`, who.dispatcher)).json();
    expect(byCategory.rows).toEqual([expect.objectContaining({ key: '09006', name: '占道经营', reported: 6, due: 5 })]);
    const byMonth = (
      await get('/api/cases/evaluation?from=2026-02-15&to=2026-04-10&groupBy=month', who.dispatcher)
    ).json();
    expect(byMonth.rows.map((r: { key: string }) => r.key)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(byMonth.rows[1]).toMatchObject({ reported: 6, due: 5, closed: 4, overdueOpen: null });
    expect(byMonth.rows[0]).toMatchObject({ reported: 0, overdueOpen: null });
    expect(byMonth.total).toMatchObject({ reported: 6, due: 5, overdueOpen: 1 });
    // A period before anything happened: nothing reported or due, but the overdue snapshot is of now.
    const before = (
      await get('/api/cases/evaluation?from=2026-01-01&to=2026-01-31&groupBy=township', who.dispatcher)
    ).json();
    expect(before.total).toMatchObject({ reported: 0, due: 0, closedRate: null, overdueOpen: 1 });
  });

  it('exports every dimension to Excel with Chinese headers, the period and the time in Asia/Shanghai, and audits it', async () => {
    const res = await get(`/api/cases/evaluation.xlsx?${march}&minVolume=3`, who.dispatcher);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="evaluation-430225-20260301-20260331.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按乡镇', '按部门', '按类别', '按月份']);
    const sheet = workbook.getWorksheet('按乡镇')!;
    expect(sheet.getCell('A1').value).toBe('炎陵县城市管理案件综合评价（2026-03-01 至 2026-03-31）');
    expect(sheet.getCell('A2').value).toBe(`生成时间：${shanghaiWallClock(t.clock())}（北京时间）`);
    const headers = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '乡镇（街道）',
      '代码',
      '上报数',
      '立案数',
      '应结案数',
      '结案数',
      '按期结案数',
      '结案率（%）',
      '按期结案率（%）',
      '返工数',
      '返工率（%）',
      '平均处置时长（工作小时）',
      '满意度（1–5）',
      '评价数',
      '核实数',
      '按时核实数',
      '按时核实率（%）',
      '超期未结',
      '样本不足',
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 4) rows.push((row.values as unknown[]).slice(1));
    });
    const xiayangRow = rows.find((r) => r[1] === xiayang)!;
    expect(xiayangRow.slice(0, 11)).toEqual(['霞阳镇', xiayang, 5, 4, 4, 3, 2, 75, 50, 1, 33.33]);
    expect(xiayangRow.slice(12, 19)).toEqual([4, 2, 0, 0, '—', 1, '']);
    expect(rows.find((r) => r[1] === miandu)!.slice(-1)).toEqual(['是']);
    expect(rows.find((r) => r[1] === '430225102')!.slice(7, 9)).toEqual(['—', '—']);
    expect(rows.at(-1)!.slice(0, 8)).toEqual(['合计', '', 6, 5, 5, 4, 3, 80]);
    const month = workbook.getWorksheet('按月份')!;
    expect((month.getRow(5).values as unknown[]).slice(1, 4)).toEqual(['2026-03', '2026-03', 6]);

    const audit = await queryRows<{ action: string; details: Record<string, unknown> }>(
      t.db.database.db,
      sql`select action, details from audit_event where event_type = 'cases.evaluation_export' order by seq`,
    );
    expect(audit).toEqual([
      {
        action: 'export',
        details: expect.objectContaining({
          from: '2026-03-01',
          to: '2026-03-31',
          minVolume: 3,
          groupBy: ['township', 'department', 'category', 'month'],
        }),
      },
    ]);
  });
});
