import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.ts';
import { xlsxOf } from '../../platform/imports/imports.test-support.ts';
import { maskName, maskPhone } from '../../platform/pii/mask.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { appModules } from '../index.ts';
import { merchantExportRoutes, registerMerchantExportRoutes } from './merchants-export.routes.ts';
import { defaultMerchantExportLimits } from './merchants-export.ts';
import { importFile, sheetRows, storedMerchants } from './merchants-import.test-support.ts';
import {
  addTestVillages,
  miandu,
  registryHeader,
  validRegistryRow,
  xiayang,
} from './merchants-registry.test-support.ts';
import { merchantPermissions as P } from './merchants.permissions.ts';

/** Six merchants: rows 1–6 of the generated registry at these places (four in 霞阳镇, two in 沔渡镇). */
const places = ['霞阳镇', '霞阳镇/城东社区', '城西社区', '沔渡镇', '霞阳镇', '龙溪村'];
const englishHeader = [
  'Name',
  'Credit code',
  'Licence number',
  'Kind',
  'Market stall',
  'Near a school',
  'Supervised',
  'Risk grade',
  'Address',
  'Township or village',
  'Grid',
  'Longitude',
  'Latitude',
  'Operator name',
  'Operator phone',
  'Frontage (m)',
];

describe('GET /api/merchants/export.xlsx', () => {
  const t = useTestApp({
    // The merchants manifest with the export's production cap swapped for a small one.
    modules: appModules.map((m) => ({
      ...m,
      routes: m.routes?.map((r) =>
        r === registerMerchantExportRoutes ? (app) => merchantExportRoutes(app, { maxRows: 5 }) : r,
      ),
    })),
  });
  let coordinator: SignedIn;
  let exporter: SignedIn;
  let mianduExporter: SignedIn;
  let reader: SignedIn;

  const get = (query: string, actor: SignedIn | null, locale = 'zh-CN') =>
    t.app.inject({
      method: 'GET',
      url: `/api/merchants/export.xlsx${query}`,
      headers: { ...(actor?.headers ?? {}), 'accept-language': locale },
    });
  async function sheetOf(query: string, actor: SignedIn, locale?: string) {
    const res = await get(query, actor, locale);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { name, rows } = await sheetRows(res.rawPayload);
    return { res, name, header: rows[0], rows: rows.slice(1) };
  }
  const auditOf = (eventType: string) =>
    queryRows<{ outcome: string; reason_code: string | null; object_id: string; details: Record<string, unknown> }>(
      t.db.database.db,
      sql`select outcome, reason_code, object_id, details from audit_event where event_type = ${eventType} order by seq`,
    );

  beforeAll(async () => {
    await addTestVillages(t.db.database.db);
    coordinator = await signIn(t.app, { roles: ['coordinator'] });
    exporter = await signIn(t.app, { permissions: [P.read, P.export] });
    mianduExporter = await signIn(t.app, { permissions: [P.read, P.export], scopeRegion: miandu });
    reader = await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang });
    const rows = places.map((place, i) => withPlace(validRegistryRow(i + 1), place));
    const file = await xlsxOf({ rows: [[...registryHeader], ...rows] });
    expect(await importFile(t, coordinator, file)).toMatchObject({ status: 'committed', committedRows: 6 });
  });

  describe('refuses', () => {
    it('401 without a session, 403 without merchants.export (a street inspector may read the list)', async () => {
      expect((await get('', null)).statusCode).toBe(401);
      expect((await get('', reader)).statusCode).toBe(403);
    });

    it('400 for paging (a file has no pages), unknown fields, bad values, an area outside the exporter’s, a thin reason', async () => {
      for (const query of ['?page=2', '?pageSize=50', '?foo=1', '?kind=bbq', '?riskGrade=E', '?township=43A']) {
        expect((await get(query, coordinator)).statusCode, query).toBe(400);
      }
      const outside = await get(`?township=${xiayang}`, mianduExporter, 'en');
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.fields).toEqual({ township: 'That place is outside your area' });
      const thin = await get('?reason=%20%20ab', coordinator);
      expect(thin.statusCode).toBe(400);
      expect(Object.keys(thin.json().error.fields)).toEqual(['reason']);
    });

    it('403 for a reason without the reveal right, recorded as a refused reveal', async () => {
      expect((await get('?reason=核对经营者', exporter)).statusCode).toBe(403);
      const refused = await auditOf('pii.reveal');
      expect(refused).toEqual([
        {
          outcome: 'failure',
          reason_code: 'forbidden',
          object_id: 'export.xlsx',
          details: { fields: ['operatorName', 'operatorPhone'], categories: ['name', 'contact'], reason: '核对经营者' },
        },
      ]);
    });

    it('400 when the filter finds more merchants than one file may hold, recorded as refused', async () => {
      const res = await get('', coordinator);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'export_too_large',
        message: '符合条件的商户有 6 户，超过单次导出上限 5 户，请缩小筛选范围',
      });
      const refused = (await auditOf('merchants.export')).filter((a) => a.outcome === 'failure');
      expect(refused).toEqual([
        {
          outcome: 'failure',
          reason_code: 'too_many_rows',
          object_id: null,
          details: { filter: {}, rowCount: 6, limit: 5 },
        },
      ]);
      expect(defaultMerchantExportLimits.maxRows).toBe(50_000);
    });
  });

  it('writes the import template filled in, operators masked, in merchant-number order, audited', async () => {
    const { res, name, header, rows } = await sheetOf(`?township=${xiayang}`, coordinator);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="merchants-430225-\d{8}-\d{6}\.xlsx"$/);
    expect(res.headers['x-row-count']).toBe('4');
    expect(name).toBe('商户档案');
    expect(header).toEqual(registryHeader);
    const stored = (await storedMerchants(t.db.database, t.app.deps.keyring)).filter((m) =>
      m.location_code.startsWith(xiayang),
    );
    expect(rows.map((r) => r[0])).toEqual(stored.map((m) => m.name));
    // Generated row 1: 餐饮, credit code only, grade B, grid XY-1, a point, a landline, frontage 1.1 m.
    const first = stored[0]!;
    expect(rows[0]).toEqual([
      first.name,
      first.credit_code,
      undefined,
      '餐饮',
      '否',
      '否',
      '是',
      'B',
      first.address,
      '霞阳镇',
      'XY-1',
      first.lng,
      first.lat,
      maskName(first.operatorName),
      maskPhone(first.operatorPhone!),
      first.frontage_dm! / 10,
    ]);
    expect(rows.map((r) => r[9])).toEqual(['霞阳镇', '霞阳镇/城东社区', '霞阳镇/城西社区', '霞阳镇']);
    const text = JSON.stringify(rows);
    for (const m of stored) {
      expect(text).not.toContain(m.operatorName);
      if (m.operatorPhone) expect(text).not.toContain(m.operatorPhone);
    }
    const audit = (await auditOf('merchants.export')).filter((a) => a.outcome === 'success');
    expect(audit.at(-1)?.details).toEqual({
      filter: { township: xiayang },
      rowCount: 4,
      format: 'xlsx',
      operator: 'masked',
    });
  });

  it('shows the operators in clear to a holder of the reveal right who gives a reason, audited as a reveal', async () => {
    const { rows } = await sheetOf(
      `?township=${miandu}&reason=${encodeURIComponent('门前三包责任书续签')}`,
      coordinator,
    );
    const stored = (await storedMerchants(t.db.database, t.app.deps.keyring)).filter((m) =>
      m.location_code.startsWith(miandu),
    );
    expect(rows.map((r) => [r[13], r[14]])).toEqual(stored.map((m) => [m.operatorName, m.operatorPhone ?? undefined]));
    const reveal = (await auditOf('pii.reveal')).filter((a) => a.outcome === 'success');
    expect(reveal).toEqual([
      {
        outcome: 'success',
        reason_code: null,
        object_id: 'export.xlsx',
        details: {
          fields: ['operatorName', 'operatorPhone'],
          categories: ['name', 'contact'],
          reason: '门前三包责任书续签',
          rowCount: 2,
        },
      },
    ]);
    expect((await auditOf('merchants.export')).at(-1)?.details).toMatchObject({ operator: 'clear', rowCount: 2 });
  });

  it('applies the list filters and the exporter’s scope; headers and words follow the reader’s language', async () => {
    const scoped = await sheetOf('', mianduExporter, 'en');
    expect(scoped.name).toBe('Merchant registry');
    expect(scoped.header).toEqual(englishHeader);
    expect(scoped.rows.map((r) => r[9])).toEqual(['沔渡镇', '沔渡镇/龙溪村']);
    expect(scoped.rows.map((r) => r[3])).toEqual(['Food sale', 'Market']);
    const catering = await sheetOf(`?kind=catering&township=${xiayang}`, coordinator);
    expect(catering.rows.map((r) => r[3])).toEqual(['餐饮', '餐饮']);
    expect((await sheetOf('?q=no-such-merchant', coordinator)).rows).toEqual([]);
  });
});

function withPlace(row: unknown[], place: string): unknown[] {
  const copy = [...row];
  copy[registryHeader.indexOf('所在乡镇或村')] = place;
  return copy;
}
