import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { appModules } from '../../index.ts';
import { type CaseActors, jpegBase64, miandu, prepareCases, reportBody, xiayang } from '../cases.test-support.ts';
import { registerReportsDirectly } from '../verify-report.test-support.ts';
import { cst, insertCases } from '../evaluation/evaluation.test-support.ts';
import { defaultExportLimits, exportCaseList } from './export.service.ts';
import { exportRoutes } from './export.routes.ts';
import { caseExportRoutes } from '../cases.module.ts';

const headers = [
  '案件编号',
  '类别代码',
  '类别',
  '状态',
  '来源',
  '乡镇',
  '地址',
  '处置部门',
  '上报时间',
  '立案时间',
  '派遣时间',
  '反馈时间',
  '结案时间',
  '处置时限',
  '是否按期',
  '返工次数',
  '督办级别',
  '满意度',
];
const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000);

/** A small cap and batch so the tests cross both without 200,000 rows. */
const limits = { maxRows: 12, batchSize: 3 };

describe('GET /api/cases/export.xlsx', () => {
  const t = useTestApp({
    // The cases manifest with the export's production caps swapped for small ones.
    modules: appModules.map((m) => ({
      ...m,
      routes: m.routes?.map((r) => (r === caseExportRoutes ? (app) => exportRoutes(app, limits) : r)),
    })),
  });
  let who: CaseActors;
  let miandouExporter: SignedIn;
  let closed: Record<string, unknown>;
  let direct: Awaited<ReturnType<typeof insertCases>>;
  const phone = '13912345678';

  const get = (query: string, actor: SignedIn | null) =>
    t.app.inject({ method: 'GET', url: `/api/cases/export.xlsx${query}`, headers: actor?.headers ?? {} });
  async function sheetOf(query: string, actor: SignedIn) {
    const res = await get(query, actor);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { res, name: sheet.name, header: rows[0], rows: rows.slice(1) };
  }

  beforeAll(async () => {
    who = await prepareCases(t);
    await registerReportsDirectly(t);
    miandouExporter = await signIn(t.app, { roles: ['inspector'], permissions: ['cases.export'], scopeRegion: miandu });
    const post = (url: string, actor: SignedIn | null, payload: object, extra: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { ...(actor?.headers ?? {}), ...extra }, payload });
    // One case through the whole loop, rated, from a citizen who left a phone number.
    const reported = await post('/api/public/cases', null, { ...(await reportBody()), phone });
    expect(reported.statusCode, reported.body).toBe(201);
    const { caseNo, trackingToken } = reported.json();
    let view = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: who.dispatcher.headers })
    ).json();
    for (const [actor, path, body] of [
      [who.dispatcher, 'register', {}],
      [who.dispatcher, 'dispatch', { department: 'chengguan' }],
      [who.handler, 'accept', {}],
      [who.handler, 'feedback', { result: '已处理', photos: [{ data: await jpegBase64() }] }],
      [who.inspector, 'verify', { passed: true }],
    ] as const) {
      const res = await post(`/api/cases/${caseNo}/${path}`, actor, { revision: view.revision, ...body });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      view = res.json();
    }
    expect(
      (await post(`/api/public/cases/${caseNo}/rating`, null, { score: 4 }, { 'x-case-token': trackingToken }))
        .statusCode,
    ).toBe(200);
    closed = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: who.dispatcher.headers })
    ).json();
    // Seven more in 霞阳镇 and two in 沔渡镇, written directly; one rejected.
    direct = await insertCases(t.db.database.db, [
      ...Array.from({ length: 6 }, (_, i) => ({
        townshipCode: xiayang,
        status: 'reported' as const,
        reportedAt: cst(2026, 2, 1 + i),
      })),
      {
        townshipCode: xiayang,
        status: 'rejected' as const,
        reportedAt: cst(2026, 2, 10),
        closedAt: cst(2026, 2, 10, 15),
      },
      { townshipCode: miandu, status: 'reported' as const, reportedAt: cst(2026, 2, 11), channel: 'hotline' as const },
      { townshipCode: miandu, status: 'reported' as const, reportedAt: cst(2026, 2, 12), channel: 'hotline' as const },
    ]);
  });

  describe('refuses', () => {
    it('401 without a session', async () => {
      expect((await get('', null)).statusCode).toBe(401);
    });

    it('400 for unknown and bad fields — paging included, the file has no pages — and a reversed range', async () => {
      for (const query of [
        '?page=2',
        '?pageSize=50',
        '?foo=1',
        '?status=open',
        '?from=2026-02-30',
        '?regionCode=43A',
      ]) {
        expect((await get(query, who.dispatcher)).statusCode, query).toBe(400);
      }
      const reversed = await get('?from=2026-03-05&to=2026-03-01', who.dispatcher);
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.fields).toHaveProperty('from');
    });

    it('403 for roles without cases.export (department, volunteer, inspector)', async () => {
      for (const actor of [who.handler, who.volunteer, who.inspector])
        expect((await get('', actor)).statusCode).toBe(403);
    });

    it('400 when the filter finds more cases than one file may hold, and records the refusal', async () => {
      await insertCases(
        t.db.database.db,
        Array.from({ length: 3 }, (_, i) => ({
          townshipCode: '430225102',
          status: 'reported' as const,
          reportedAt: cst(2025, 6, 1 + i),
        })),
      );
      const res = await get('', who.dispatcher);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'export_too_large',
        message: '符合条件的案件有 13 件，超过单次导出上限 12 件，请缩小筛选范围',
      });
      const refused = await queryRows<{ outcome: string; reason_code: string; details: Record<string, unknown> }>(
        t.db.database.db,
        sql`select outcome, reason_code, details from audit_event where event_type = 'cases.export' and outcome = 'failure'`,
      );
      expect(refused).toEqual([
        { outcome: 'failure', reason_code: 'too_many_rows', details: { filter: {}, rowCount: 13, limit: 12 } },
      ]);
      expect(defaultExportLimits.maxRows).toBe(200_000);
    });
  });

  it('writes the filtered list with Chinese headers, names and Shanghai times, newest first, across batches', async () => {
    const { res, name, header, rows } = await sheetOf(`?regionCode=${xiayang}`, who.dispatcher);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cases-430225-\d{8}-\d{6}\.xlsx"$/);
    expect(res.headers['x-row-count']).toBe('8');
    expect(name).toBe('案件列表');
    expect(header).toEqual(headers);
    expect(rows).toHaveLength(8);
    // Newest id first, so the batches (of 3) neither skip nor repeat a case: the seven written directly after the loop's.
    // (Their numbers come from the test helper's counter, which other files in the worker also advance.)
    const xiayangDirect = direct.filter((row) => row.locationCode === xiayang).map((row) => row.caseNo);
    expect(rows.map((r) => r[0])).toEqual([...xiayangDirect].reverse().concat([closed.caseNo as string]));
    const loop = rows.find((r) => r[0] === closed.caseNo)!;
    expect(loop).toEqual([
      closed.caseNo,
      '09006',
      '占道经营',
      '已结案',
      '公众举报',
      '霞阳镇',
      closed.address,
      '县城市管理和综合执法局',
      shanghai(closed.reportedAt as string),
      shanghai(closed.registeredAt as string),
      shanghai(closed.dispatchedAt as string),
      shanghai(closed.handledAt as string),
      shanghai(closed.closedAt as string),
      shanghai(closed.handleDueAt as string),
      '是',
      0,
      0,
      4,
    ]);
    const rejected = rows.find((r) => r[3] === '不予立案')!;
    // 结案时间 only for 结案; blank cells come back missing.
    expect(rejected[12]).toBeUndefined();
    expect(rejected[14]).toBeUndefined();
    // No personal data: the citizen's phone number is nowhere in the file.
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect(JSON.stringify(rows)).not.toContain('****');
  });

  it('applies the list filters (status, channel) and the caller’s scope (an exporter of 沔渡镇 sees 沔渡镇 only)', async () => {
    const hotline = await sheetOf('?channel=hotline', who.dispatcher);
    expect(hotline.rows.map((r) => [r[4], r[5]])).toEqual([
      ['热线', '沔渡镇'],
      ['热线', '沔渡镇'],
    ]);
    const rejected = await sheetOf('?status=rejected', who.dispatcher);
    expect(rejected.rows.map((r) => r[3])).toEqual(['不予立案']);
    const scoped = await sheetOf('', miandouExporter);
    expect(scoped.rows).toHaveLength(2);
    expect(scoped.rows.every((r) => r[5] === '沔渡镇')).toBe(true);
    expect((await sheetOf(`?regionCode=${xiayang}`, miandouExporter)).rows).toEqual([]);
  });

  it('audits each export with its filter and row count', async () => {
    await sheetOf(`?regionCode=${miandu}&channel=hotline`, who.dispatcher);
    const audit = await queryRows<{ action: string; details: Record<string, unknown> }>(
      t.db.database.db,
      sql`select action, details from audit_event where event_type = 'cases.export' and outcome = 'success' order by seq desc limit 1`,
    );
    expect(audit).toEqual([
      {
        action: 'export',
        details: { filter: { regionCode: miandu, channel: 'hotline' }, rowCount: 2, format: 'xlsx' },
      },
    ]);
  });

  it('refuses an anonymous caller in the service too (no route in between)', async () => {
    await expect(exportCaseList(t.db.ctx(), {})).rejects.toMatchObject({ status: 401 });
  });
});
