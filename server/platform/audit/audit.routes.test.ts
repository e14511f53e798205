import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { signIn } from '../../testing/test-auth.ts';
import type { Actor } from '../context.ts';
import { hasMessage, translate } from '../i18n/translate.ts';
import { exportColumns, readableColumns } from './audit.export.ts';
import { recordAuditOutside } from './audit.ts';

type Headers = Record<string, string>;

const person = (id: string, displayName: string, roles: string[]): Actor => ({
  kind: 'user',
  id,
  username: id,
  displayName,
  roles,
  permissions: new Set(),
  scopeRegion: '430225',
  department: null,
  sessionId: `s-${id}`,
});
const wang = person('u-wang', '王五', ['dispatcher']);
const li = person('u-li', '李四', ['inspector']);

/** The hour the sample events happened in; sign-ins of the test users happen at another time (and seqs). */
const sampleHour = 'from=2026-03-01T00:00:00Z&to=2026-03-01T01:00:00Z';

describe('audit API', () => {
  const t = useTestApp();
  let auditor: { headers: Headers; userId: string };
  let systemAdmin: { headers: Headers; userId: string };
  let inspector: { headers: Headers; userId: string };

  /** Ten business events a minute apart from 2026-03-01T00:00Z: logins, case updates, a reveal. */
  beforeAll(async () => {
    auditor = await signIn(t.app, { roles: ['audit_admin'] });
    systemAdmin = await signIn(t.app, { roles: ['sys_admin'] });
    inspector = await signIn(t.app, { roles: ['inspector'] });
    const events: Array<[Actor | null, Parameters<typeof recordAuditOutside>[1]]> = [
      [wang, { eventType: 'auth.login', action: 'login', objectType: 'user', objectId: 'u-wang' }],
      [null, { eventType: 'auth.login', action: 'login', outcome: 'failure', reasonCode: 'password_wrong' }],
      [wang, { eventType: 'auth.login', action: 'login', objectType: 'user', objectId: 'u-wang' }],
      ...[1, 2, 3, 4, 5].map((n): [Actor, Parameters<typeof recordAuditOutside>[1]] => [
        li,
        {
          eventType: 'cases.update',
          action: 'update',
          objectType: 'case',
          objectId: `CASE-2026-000${n}`,
          details: { fields: ['status'] },
        },
      ]),
      [
        li,
        {
          eventType: 'pii.reveal',
          action: 'reveal',
          objectType: 'patient',
          objectId: 'P-9',
          details: { field: 'idNumber' },
        },
      ],
      [wang, { eventType: 'auth.logout', action: 'logout', objectType: 'user', objectId: 'u-wang' }],
    ];
    t.clock.set('2026-03-01T00:00:00Z');
    for (const [actor, input] of events) {
      await recordAuditOutside(t.db.ctx({ actor, clock: t.clock }), input);
      t.clock.advanceMinutes(1);
    }
    t.clock.set('2026-03-02T01:00:00Z');
  });

  const get = (url: string, headers: Headers = auditor.headers, lang = 'zh') =>
    t.app.inject({ method: 'GET', url, headers: { ...headers, 'accept-language': lang } });
  const search = async (query: string) => {
    const res = await get(`/api/audit/events?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<Record<string, unknown>>; total: number; page: number; pageSize: number };
  };

  describe('negative cases', () => {
    it.each(['/api/audit/events', '/api/audit/verify', '/api/audit/export'])(
      '401 without a session: %s',
      async (url) => {
        const res = await get(url, {});
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: '请先登录' } });
      },
    );

    it('400 for unknown fields, malformed times and values out of range', async () => {
      const res = await get(
        '/api/audit/events?user=1&from=yesterday&pageSize=1000&outcome=maybe',
        auditor.headers,
        'en',
      );
      expect(res.statusCode).toBe(400);
      // The platform may carry a specific message for date-time formats; the generic one otherwise.
      const dateTimeMessage = hasMessage('format.date-time') ? translate('en', 'format.date-time') : 'Wrong format';
      expect(res.json().error.fields).toEqual({
        user: 'Unknown field',
        from: dateTimeMessage,
        pageSize: 'Must be at most 200',
        outcome: 'Not one of the allowed values',
      });
      const exportRes = await get('/api/audit/export?format=pdf&eventType=AUTH%20LOGIN', auditor.headers, 'en');
      expect(exportRes.statusCode).toBe(400);
      expect(exportRes.json().error.fields).toEqual({
        format: 'Not one of the allowed values',
        eventType: 'Wrong format',
      });
    });

    it('400 when the window ends before it starts', async () => {
      const res = await get('/api/audit/events?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ to: '结束时间应晚于开始时间' });
    });

    it.each(['/api/audit/events', '/api/audit/verify', '/api/audit/export'])(
      '403 for the other administrators and for staff: %s',
      async (url) => {
        for (const other of [systemAdmin, inspector]) {
          const res = await get(url, other.headers);
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
      },
    );
  });

  describe('search', () => {
    it('lists newest first with every stored field and nothing else', async () => {
      const body = await search(`eventType=auth.&${sampleHour}`);
      expect(body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(body.items.map((i) => i.eventType)).toEqual(['auth.logout', 'auth.login', 'auth.login', 'auth.login']);
      const seqs = body.items.map((i) => i.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      const [logout] = body.items;
      expect(Object.keys(logout!).sort()).toEqual([...exportColumns, 'display'].sort());
      // Beside the stored codes, the row in words (ids that name no account stay as stored).
      expect(logout?.display).toEqual({
        event: '退出登录',
        outcome: '成功',
        actor: '王五',
        roles: ['受理员/派遣员'],
        object: '账号 u-wang',
      });
      expect(logout).toMatchObject({
        regionCode: '430225',
        occurredAt: '2026-03-01T00:09:00.000Z',
        actorId: 'u-wang',
        actorName: '王五',
        actorRoles: ['dispatcher'],
        sessionId: 's-u-wang',
        eventType: 'auth.logout',
        action: 'logout',
        outcome: 'success',
        details: {},
      });
      expect(logout?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(logout?.prevHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it.each([
      [`eventType=auth.login&${sampleHour}`, 3],
      ['eventType=auth', 0],
      ['eventType=pii.rev*', 1],
      [`outcome=failure&eventType=auth.&${sampleHour}`, 1],
      ['actorId=u-li', 6],
      ['objectType=case&objectId=CASE-2026-0003', 1],
      ['q=%E6%9D%8E&eventType=cases.', 5], // 李: part of the actor's name
      ['q=2026-0004', 1], // part of an object id
      ['q=%25', 0], // a LIKE wildcard is plain text
      ['from=2026-03-01T00:03:00Z&to=2026-03-01T00:05:00Z', 2], // half-open window: minutes 3 and 4
    ])('filters: %s → %i', async (query, total) => {
      expect((await search(query)).total).toBe(total);
    });

    it('pages', async () => {
      const body = await search('eventType=cases.update&pageSize=2&page=2');
      expect(body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(body.items.map((i) => i.objectId)).toEqual(['CASE-2026-0003', 'CASE-2026-0002']);
    });

    it("records the auditor's own searches (三员: their operations are audited too), filter only", async () => {
      await search('eventType=pii.reveal&q=P-9');
      const body = await search(`eventType=audit.search&actorId=${auditor.userId}&pageSize=1`);
      expect(body.items[0]).toMatchObject({
        actorId: auditor.userId,
        actorRoles: ['audit_admin'],
        action: 'search',
        details: { filter: { eventType: 'pii.reveal', q: 'P-9' }, page: 1, pageSize: 20, total: 1 },
      });
    });
  });

  describe('verify', () => {
    it('reports an intact chain and records that it was checked', async () => {
      const res = await get('/api/audit/verify');
      expect(res.statusCode).toBe(200);
      const result = res.json();
      expect(result).toMatchObject({ ok: true });
      expect(result.checked).toBe(result.lastSeq);
      expect(result.checked).toBeGreaterThanOrEqual(10);
      const [recorded] = (await search('eventType=audit.verify')).items;
      expect(recorded).toMatchObject({
        outcome: 'success',
        objectId: '430225',
        details: { ok: true, checked: result.checked },
      });
    });
  });

  describe('export', () => {
    it("a real .xlsx with headers in the caller's language, and the export audited without its rows", async () => {
      const res = await get('/api/audit/export?eventType=cases.update&format=xlsx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe('attachment; filename="audit-430225-20260302T090000.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [sheet, evidence] = workbook.worksheets;
      expect(sheet?.name).toBe('审计日志');
      const rows = (sheet!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
      expect(rows[0]).toEqual(['序号', '发生时间', '事件', '结果', '操作人', '角色', '对象', '来源地址']);
      expect(rows).toHaveLength(6);
      // An event type no manifest declares is shown as stored; everything else in words.
      expect(rows[1]?.slice(1, 7)).toEqual([
        '2026-03-01T08:07:00.000+08:00',
        'cases.update',
        '成功',
        '李四',
        '监督员/巡查员',
        '案件 CASE-2026-0005',
      ]);
      expect(rows[1]?.[0]).toBeGreaterThan(rows[2]?.[0] as number);
      // The second sheet keeps every stored field as stored, for recomputing the hashes.
      expect(evidence?.name).toBe('校验数据');
      const stored = (evidence!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
      expect(stored[0]?.slice(0, 7)).toEqual(['序号', '发生时间', '事件类型', '操作', '结果', '操作人编号', '操作人']);
      expect(stored).toHaveLength(6);
      expect(stored[1]?.slice(2, 5)).toEqual(['cases.update', 'update', 'success']);
      expect(stored[1]?.[exportColumns.indexOf('details')]).toBe('{"fields":["status"]}');
      expect(stored[1]?.[exportColumns.indexOf('objectId')]).toBe('CASE-2026-0005');
      expect(stored.map((r) => r[0])).toEqual(rows.map((r) => r[0]));

      const [recorded] = (await search('eventType=audit.export')).items;
      expect(recorded).toMatchObject({
        actorId: auditor.userId,
        outcome: 'success',
        details: { filter: { eventType: 'cases.update' }, format: 'xlsx', rowCount: 5 },
      });
      expect(JSON.stringify(recorded?.details)).not.toContain('CASE-2026');
    });

    it('English headers for an English caller', async () => {
      const res = await get('/api/audit/export?eventType=pii.reveal', auditor.headers, 'en');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [sheet, evidence] = workbook.worksheets;
      expect(sheet?.name).toBe('Audit log');
      expect(sheet?.getRow(1).values).toEqual([
        undefined,
        'Seq',
        'Occurred at',
        'Event',
        'Outcome',
        'Actor',
        'Roles',
        'Object',
        'Source IP',
      ]);
      expect(sheet?.getRow(2).values).toEqual(
        expect.arrayContaining(['Personal data revealed', 'Succeeded', '李四', 'Inspector', 'patient P-9']),
      );
      expect(evidence?.name).toBe('Evidence');
      expect(evidence?.getRow(1).values).toEqual([
        undefined,
        'Seq',
        'Occurred at',
        'Event type',
        'Action',
        'Outcome',
        'Actor id',
        'Actor',
        'Roles',
        'Session',
        'Request',
        'Source IP',
        'Client',
        'Object type',
        'Object id',
        'Reason code',
        'Details',
        'Region',
        'Event id',
        'Chain',
        'Previous seq',
        'Previous hash',
        'Hash',
      ]);
      expect(sheet?.rowCount).toBe(2);
    });

    it('the sheet people read is entirely in the chosen language: no outcome, role or event codes', async () => {
      const res = await get(`/api/audit/export?eventType=auth.&${sampleHour}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells = (workbook.worksheets[0]!.getSheetValues() as unknown[][])
        .filter(Boolean)
        .flatMap((r) => r.slice(1));
      expect(cells.length).toBeGreaterThan(readableColumns.length * 4);
      const text = cells.map(String).join('|');
      for (const code of ['success', 'failure', 'dispatcher', 'auth.login', 'auth.logout', 'login'])
        expect(text, code).not.toContain(code);
      expect(text).toContain('登录');
      expect(text).toContain('失败');
      // The failed sign-in came without a session, from the public: 公众.
      expect(text).toContain('公众');
    });

    it('CSV in UTF-8 with a BOM, so Excel shows the Chinese', async () => {
      const res = await get(`/api/audit/export?format=csv&eventType=auth.login&${sampleHour}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = res.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        '序号,发生时间,事件,结果,操作人,角色,对象,来源地址,事件编号,链号,前一条序号,前一条哈希,本条哈希',
      );
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(/^\d+,2026-03-01T08:02:00\.000\+08:00,登录,成功,王五,受理员\/派遣员,账号 u-wang,/);
      expect(lines[2]).toMatch(/^\d+,2026-03-01T08:01:00\.000\+08:00,登录,失败,公众,,,/);
      expect(res.rawPayload.toString('utf8')).not.toMatch(/success|failure|dispatcher/);
    });
  });
});

describe('audit export limit', () => {
  const t = useTestApp();

  it('refuses more than 50,000 rows with a clear 400, and records the refusal', async () => {
    // Filler rows straight into the table: the chain does not matter here, only the count.
    await t.db.database.exec(`
      insert into audit_event (region_code, seq, id, occurred_at, actor_roles, event_type, action, outcome, details, prev_hash, hash)
      select '430225', nextval('audit_event_seq'), gen_random_uuid(), timestamptz '2026-01-01' + n * interval '1 second', '[]', 'bulk.filler', 'create', 'success', '{}', 'x', 'y'
      from generate_series(1, 50001) as n;
      insert into audit_chain_head (region_code, chain, last_seq, last_hash)
      select '430225', 0, max(seq), 'y' from audit_event where region_code = '430225'
      on conflict (region_code, chain) do update set last_seq = excluded.last_seq, last_hash = 'y'`);
    const { headers } = await signIn(t.app, { roles: ['audit_admin'] });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit/export?eventType=bulk.',
      headers: { ...headers, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'export_too_large',
        message: '50001 records match, more than the 50000 one export may hold; narrow the time range or add filters',
      },
    });
    const refusal = await t.db.database.query<Record<string, unknown>>(
      "select * from audit_event where event_type = 'audit.export'",
    );
    expect(refusal).toMatchObject([
      { outcome: 'failure', reason_code: 'too_many_rows', details: { rowCount: 50001, limit: 50000, format: 'xlsx' } },
    ]);
  });
});
