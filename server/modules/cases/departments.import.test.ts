import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.ts';
import { adoptedImportKinds } from '../../platform/imports/adopted-kinds.ts';
import { csvOf, xlsxOf } from '../../platform/imports/imports.test-support.ts';
import { runImportWork } from '../../platform/imports/worker.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { type CaseActors, prepareCases } from './cases.test-support.ts';
import { listDepartments } from './departments.store.ts';

const base = '/api/imports/cases.departments';
const header = ['部门编码', '部门名称', '英文名称', '排序', '启用', '负责人用户名'];

describe('department import (the cases registry through platform/imports)', () => {
  const t = useTestApp();
  let who: CaseActors;
  let head: SignedIn;

  const upload = (actor: SignedIn, bytes: Buffer, fileName: string) =>
    t.app.inject({
      method: 'POST',
      url: `${base}/runs?fileName=${fileName}`,
      headers: { ...actor.headers, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  const get = (url: string, actor: SignedIn) => t.app.inject({ method: 'GET', url, headers: actor.headers });
  const post = (url: string, actor: SignedIn, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: actor.headers, payload });
  const work = () => {
    const { database, config, keyring } = t.app.deps;
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
    return runImportWork(ctx, adoptedImportKinds());
  };
  const departments = async () =>
    (await listDepartments(t.db.ctx().db, t.app.deps.config.countyCode)).map((d) => d.key);

  beforeAll(async () => {
    who = await prepareCases(t);
    head = await signIn(t.app, { roles: ['department'], loginId: 'wang.fang' });
  });

  it('only case settings may import departments (403), and another template is a 400', async () => {
    expect((await upload(who.dispatcher, csvOf([header]), 'd.csv')).statusCode).toBe(403);
    const wrong = await upload(who.coordinator, csvOf([['用户名', '姓名', '乡镇/区域']]), 'd.csv');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.file).toMatch(/缺少列：部门编码、部门名称/);
  });

  it('checks a CSV (existing key, bad key, unknown head, repeated key), then commits the valid rows with their head', async () => {
    const bytes = csvOf([
      header,
      ['jiaotong', '县交通运输局', 'Transport Bureau', '20', '是', 'WANG.FANG'],
      ['chengguan', '县城管局（重复）', null, null, null, null],
      ['Bad Key', '错误编码', null, null, null, null],
      ['linye', '县林业局', null, '３０', '否', 'nobody'],
      ['jiaotong', '再一次', null, null, null, null],
      ['renfang', '县人防办', null, null, null, null],
    ]);
    const res = await upload(who.coordinator, bytes, 'departments.csv');
    expect(res.statusCode, res.body).toBe(201);
    await work();
    const run = (await get(`${base}/runs/${res.json().id}`, who.coordinator)).json();
    expect(run).toMatchObject({ status: 'checked', totalRows: 6, errorRows: 4, validRows: 2 });
    const errors = (await get(`${base}/runs/${run.id}/errors`, who.coordinator)).json().items;
    expect(errors.map((e: { rowNumber: number; code: string }) => `${e.rowNumber}:${e.code}`)).toEqual([
      '3:imports.row.exists',
      '4:cases.import.department_key',
      '5:cases.import.head_unknown',
      '6:imports.row.duplicate',
    ]);
    expect(await departments()).not.toContain('jiaotong');
    expect((await post(`${base}/runs/${run.id}/commit`, who.coordinator, { mode: 'valid' })).statusCode).toBe(202);
    await work();
    expect((await get(`${base}/runs/${run.id}`, who.coordinator)).json()).toMatchObject({
      status: 'committed',
      committedRows: 2,
    });
    const rows = await listDepartments(t.db.ctx().db, t.app.deps.config.countyCode);
    const jiaotong = rows.find((d) => d.key === 'jiaotong');
    expect(jiaotong).toMatchObject({
      titleZh: '县交通运输局',
      titleEn: 'Transport Bureau',
      sortOrder: 20,
      active: true,
    });
    expect(jiaotong?.headUserId).toBe(head.userId);
    expect(rows.find((d) => d.key === 'renfang')).toMatchObject({
      titleEn: '县人防办',
      active: true,
      headUserId: null,
    });
  });

  it('takes the template back filled in as .xlsx, in English headers too', async () => {
    const template = await get(`${base}/template.xlsx`, who.coordinator);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    const filled = await xlsxOf({
      rows: [
        ['Code', 'Name (Chinese)', 'Active'],
        ['wenlv', '县文旅局', 'yes'],
      ],
    });
    const res = await upload(who.coordinator, filled, 'en.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    await work();
    expect((await post(`${base}/runs/${res.json().id}/commit`, who.coordinator, { mode: 'all' })).statusCode).toBe(202);
    await work();
    expect(await departments()).toContain('wenlv');
  });
});
