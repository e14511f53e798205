import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.ts';
import { csvOf, xlsxOf } from '../../platform/imports/imports.test-support.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { importClient, registryImport, storedMerchants } from './merchants-import.test-support.ts';
import {
  addTestVillages,
  miandu,
  registryHeader,
  testLicence,
  validRegistryRow,
  xiayang,
} from './merchants-registry.test-support.ts';
import { merchantPermissions as P } from './merchants.permissions.ts';
import { merchantBody, testUscc } from './merchants.test-support.ts';

const column = (key: string) =>
  ['name', 'creditCode', 'licenceNo', 'kind', 'marketStall', 'schoolSurroundings', 'supervised', 'riskGrade']
    .concat(['address', 'regionCode', 'gridCode', 'lng', 'lat', 'operatorName', 'operatorPhone', 'frontageM'])
    .indexOf(key);

/** Row `n` of a valid file with some cells replaced (by column key). */
function rowWith(n: number, over: Record<string, unknown>): unknown[] {
  const row = validRegistryRow(n);
  for (const [key, value] of Object.entries(over)) row[column(key)] = value;
  return row;
}

describe('merchant registry import (platform/imports, kind merchants.registry)', () => {
  const t = useTestApp();
  const client = importClient(t);
  let coordinator: SignedIn;
  let xiayangManager: SignedIn;
  let reader: SignedIn;
  /** Registered through the API before the import: its credit code and licence are taken. */
  let registered: { merchantNo: string };
  const count = async () =>
    Number((await queryRows<{ n: number }>(t.db.database.db, sql`select count(*) as n from merchants_merchant`))[0]?.n);

  beforeAll(async () => {
    await addTestVillages(t.db.database.db);
    coordinator = await signIn(t.app, { roles: ['coordinator'] });
    xiayangManager = await signIn(t.app, { permissions: [P.read, P.manage], scopeRegion: xiayang });
    reader = await signIn(t.app, { roles: ['inspector'], scopeRegion: xiayang });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/merchants',
      headers: { ...coordinator.headers, 'idempotency-key': `import-test-${randomUUID()}` },
      payload: merchantBody(900, { creditCode: testUscc(900), licenceNo: testLicence(900) }),
    });
    expect(res.statusCode, res.body).toBe(201);
    registered = res.json();
  });

  describe('refusals first', () => {
    it('401 without a session, 403 for a reader (template, upload), 400 for another template', async () => {
      const file = csvOf([[...registryHeader], validRegistryRow(1)]);
      expect((await client.upload(null, file)).statusCode).toBe(401);
      expect((await client.get(`${registryImport}/template.xlsx`, null)).statusCode).toBe(401);
      expect((await client.upload(reader, file)).statusCode).toBe(403);
      expect((await client.get(`${registryImport}/template.xlsx`, reader)).statusCode).toBe(403);
      const wrong = await client.upload(
        coordinator,
        csvOf([
          ['部门编码', '部门名称'],
          ['x', 'y'],
        ]),
      );
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields.file).toMatch(/缺少列：字号\/店招、类别、地址、所在乡镇或村、经营者姓名/);
    });
  });

  it('refuses each broken row with its reason in the reader’s language, writes nothing until asked, then only the valid rows', async () => {
    const good = testUscc(3);
    const file = await xlsxOf({
      rows: [
        [...registryHeader],
        validRegistryRow(1), // 2: valid
        rowWith(2, { creditCode: `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}` }), // 3
        rowWith(4, { creditCode: testUscc(1, '91') }), // 4: repeats row 2's credit code
        rowWith(5, { creditCode: testUscc(900) }), // 5: the registered merchant's
        rowWith(6, { regionCode: '桃花镇' }), // 6
        rowWith(8, { regionCode: '430224100' }), // 7: 茶陵县
        rowWith(9, { operatorName: null }), // 8
        rowWith(10, { operatorPhone: '139123' }), // 9
        rowWith(11, { kind: '其他', riskGrade: 'B' }), // 10
        validRegistryRow(13), // 11: valid, licence only
        rowWith(14, { creditCode: null, licenceNo: testLicence(13) }), // 12: repeats row 11's licence
        rowWith(15, { licenceNo: testLicence(900) }), // 13: the registered merchant's licence
        rowWith(16, { regionCode: '城东社区' }), // 14: a name two townships have
        rowWith(17, { regionCode: `${miandu}200` }), // 15: valid, a village by its code
      ],
    });
    const uploaded = await client.upload(coordinator, file);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await client.work();
    const run = await client.run(uploaded.json().id, coordinator);
    expect(run).toMatchObject({ status: 'checked', totalRows: 14, errorRows: 11, validRows: 3 });
    const zh = await client.errors(run.id, coordinator);
    expect(zh.map((e) => `${e.rowNumber} ${e.column} ${e.code}`)).toEqual([
      '3 creditCode uscc.check_digit',
      '4 creditCode imports.row.duplicate',
      '5 creditCode imports.row.exists',
      '6 regionCode merchants.region_unknown',
      '7 regionCode merchants.region_outside_county',
      '8 operatorName imports.cell.required',
      '9 operatorPhone merchants.phone_invalid',
      '10 riskGrade merchants.risk_grade_food_only',
      '12 licenceNo merchants.import.licence_repeated',
      '13 licenceNo merchants.licence_taken',
      '14 regionCode merchants.import.region_ambiguous',
    ]);
    const message = (errors: typeof zh, row: number) => errors.find((e) => e.rowNumber === row)?.message;
    expect(message(zh, 3)).toContain('校验位');
    expect(message(zh, 4)).toBe('与第 2 行重复');
    expect(message(zh, 12)).toMatch(/^营业执照注册号与文件中前面的“.+”相同$/);
    expect(message(zh, 13)).toBe(`该营业执照注册号已登记为商户 ${registered.merchantNo}`);
    expect(message(zh, 14)).toBe('本县有不止一处叫“城东社区”，请写区划代码或“乡镇/村”');
    const en = await client.errors(run.id, coordinator, 'en');
    expect(message(en, 3)).toMatch(/check character/);
    expect(message(en, 10)).toMatch(/food businesses only/);
    expect(en.find((e) => e.rowNumber === 9)?.columnHeader).toBe('Operator phone');

    // Nothing is written by the dry run, nor by an all-or-nothing commit of a file with refused rows.
    expect(await count()).toBe(1);
    const all = await client.commit(run.id, coordinator, 'all');
    expect(all.statusCode).toBe(409);
    expect(all.json().error.code).toBe('import_has_errors');
    expect(await count()).toBe(1);

    expect((await client.commit(run.id, coordinator, 'valid')).statusCode).toBe(202);
    await client.work();
    expect(await client.run(run.id, coordinator)).toMatchObject({ status: 'committed', committedRows: 3 });
    const stored = await storedMerchants(t.db.database, t.app.deps.keyring);
    const imported = stored.filter((m) => m.merchant_no !== registered.merchantNo);
    expect(imported.map((m) => m.credit_code ?? m.licence_no)).toEqual([
      testUscc(1, '91'),
      testLicence(13),
      testUscc(17, '91'),
    ]);
    expect(imported[2]).toMatchObject({ location_code: `${miandu}200`, township_code: miandu });
    // Sealed as the form seals: the name and phone only in their envelopes, the phone's blind index beside it.
    const first = imported[0]!;
    const operatorName = validRegistryRow(1)[column('operatorName')];
    expect(first.operatorName).toBe(operatorName);
    expect(first.operatorPhone).toBe(validRegistryRow(1)[column('operatorPhone')]);
    expect(first.operator_name_enc).not.toContain(String(operatorName));
    expect(first.operator_phone_hmac).toMatch(/\S{16,}/);

    const audit = await queryRows<{ object_id: string; details: Record<string, unknown> }>(
      t.db.database.db,
      sql`select object_id, details from audit_event where event_type = 'merchants.import'`,
    );
    expect(audit).toEqual([
      {
        object_id: `${imported[0]!.merchant_no}…${imported[2]!.merchant_no}`,
        details: { rows: 3, firstRow: 2, lastRow: 15 },
      },
    ]);
  });

  it('an all-or-nothing commit whose file no longer passes (a merchant registered meanwhile) writes nothing', async () => {
    const before = await count();
    const uploaded = await client.upload(
      coordinator,
      csvOf([[...registryHeader], ...[31, 32, 33].map((n) => validRegistryRow(n))]),
    );
    await client.work();
    const run = await client.run(uploaded.json().id, coordinator);
    expect(run).toMatchObject({ status: 'checked', errorRows: 0, validRows: 3 });
    const meanwhile = await t.app.inject({
      method: 'POST',
      url: '/api/merchants',
      headers: { ...coordinator.headers, 'idempotency-key': `import-test-${randomUUID()}` },
      payload: merchantBody(32, { creditCode: testUscc(32, '92') }),
    });
    expect(meanwhile.statusCode, meanwhile.body).toBe(201);
    expect((await client.commit(run.id, coordinator, 'all')).statusCode).toBe(202);
    await client.work();
    expect(await client.run(run.id, coordinator)).toMatchObject({ status: 'failed', committedRows: 0 });
    expect(await count()).toBe(before + 1);
    const errors = await client.errors(run.id, coordinator);
    expect(errors.map((e) => `${e.rowNumber} ${e.code}`)).toEqual(['3 imports.row.exists']);
  });

  it('refuses a place outside the importer’s own area (a township manager)', async () => {
    const uploaded = await client.upload(
      xiayangManager,
      csvOf([[...registryHeader], rowWith(41, { regionCode: '霞阳镇' }), rowWith(43, { regionCode: '沔渡镇' })]),
    );
    await client.work();
    const errors = await client.errors(uploaded.json().id, xiayangManager);
    expect(errors.map((e) => `${e.rowNumber} ${e.code}`)).toEqual(['3 merchants.region_outside_scope']);
  });

  it('hands out a real template (.xlsx) and takes it back filled in with English headers and words', async () => {
    const template = await client.get(`${registryImport}/template.xlsx`, coordinator);
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['商户档案', '填写说明', '可选值']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(registryHeader);
    const lists = workbook.worksheets[2]!;
    expect((lists.getRow(1).values as unknown[]).slice(1)).toEqual([
      '类别',
      '市场摊位',
      '校园周边',
      '纳入监管',
      '风险等级',
    ]);
    expect([2, 3, 4, 5].map((r) => lists.getRow(r).getCell(1).value)).toEqual(['食品销售', '餐饮', '集贸市场', '其他']);

    const filled = await xlsxOf({
      rows: [
        [
          'Name',
          'Credit code',
          'Kind',
          'Risk grade',
          'Address',
          'Township or village',
          'Operator name',
          'Frontage (m)',
        ],
        ['Yanling Noodles', testUscc(51), 'Catering', 'c', 'No. 5 Yandi Avenue', '霞阳镇/城西社区', '李娜', 4.5],
      ],
    });
    const uploaded = await client.upload(coordinator, filled, 'en.xlsx');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await client.work();
    expect(await client.run(uploaded.json().id, coordinator)).toMatchObject({ errorRows: 0, validRows: 1 });
    expect((await client.commit(uploaded.json().id, coordinator, 'all')).statusCode).toBe(202);
    await client.work();
    const stored = (await storedMerchants(t.db.database, t.app.deps.keyring)).find(
      (m) => m.credit_code === testUscc(51),
    );
    expect(stored).toMatchObject({
      kind: 'catering',
      risk_grade: 'C',
      supervised: true,
      location_code: `${xiayang}002`,
      frontage_dm: 45,
      operatorName: '李娜',
      operatorPhone: null,
    });
  });
});
