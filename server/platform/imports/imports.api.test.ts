import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { systemCtx } from '../context.ts';
import { queryRows } from '../db/rows.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { adoptedImportKinds } from './adopted-kinds.ts';
import { csvOf, pngBytes, xlsxOf } from './imports.test-support.ts';
import { runDueJobs, runnerFor } from '../jobs/run-due.ts';
import { importsManifest } from './imports.module.ts';
import { runImportWork } from './worker.ts';

const base = '/api/imports/auth.accounts';
const header = ['用户名', '姓名', '手机号', '乡镇/区域', '部门', '角色', '账号到期日'];

describe('staff account import (platform/imports through the auth manifest)', () => {
  const t = useTestApp();
  let sys: SignedIn;
  let otherSys: SignedIn;

  const inject = (method: 'GET' | 'POST', url: string, who: SignedIn | null, payload?: object, extra = {}) =>
    t.app.inject({ method, url, headers: { ...(who?.headers ?? {}), ...extra }, ...(payload ? { payload } : {}) });
  const upload = (who: SignedIn | null, bytes: Buffer, fileName = 'accounts.xlsx', extra = {}) =>
    t.app.inject({
      method: 'POST',
      url: `${base}/runs?fileName=${encodeURIComponent(fileName)}`,
      headers: { ...(who?.headers ?? {}), 'content-type': 'application/octet-stream', ...extra },
      payload: bytes,
    });
  const work = () => {
    const { database, config, keyring } = t.app.deps;
    return runImportWork(
      systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock }),
      adoptedImportKinds(),
    );
  };
  const run = async (who: SignedIn, id: string) => (await inject('GET', `${base}/runs/${id}`, who)).json();
  const uploadAndCheck = async (bytes: Buffer, fileName = 'accounts.xlsx') => {
    const res = await upload(sys, bytes, fileName);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('check_pending');
    expect(await work()).toBeGreaterThanOrEqual(1);
    return run(sys, res.json().id);
  };
  const accountsNamed = (prefix: string) =>
    queryRows<{ login_id: string; phone_enc: string | null; must_change_password: boolean }>(
      t.app.deps.database.db,
      sql`select login_id, phone_enc, must_change_password from app_user where login_id like ${`${prefix}%`} order by login_id`,
    );

  beforeAll(async () => {
    sys = await signIn(t.app, { roles: ['sys_admin'], loginId: 'import.admin' });
    otherSys = await signIn(t.app, { roles: ['sys_admin'] });
  });

  describe('bad input', () => {
    it('401 without a session, 403 without the kind permission, 400 for a bad id or unknown field', async () => {
      expect((await upload(null, await xlsxOf({ rows: [header] }))).statusCode).toBe(401);
      expect((await inject('GET', `${base}/template.xlsx`, null)).statusCode).toBe(401);
      const inspector = await signIn(t.app, { roles: ['inspector'] });
      expect((await upload(inspector, await xlsxOf({ rows: [header] }))).statusCode).toBe(403);
      expect((await inject('GET', `${base}/runs`, inspector)).statusCode).toBe(403);
      expect((await inject('GET', `${base}/runs/not-a-uuid`, sys)).statusCode).toBe(400);
      const unknown = await inject('POST', `${base}/runs/3f1e8a8e-0000-4000-8000-000000000000/commit`, sys, {
        mode: 'all',
        force: true,
      });
      expect(unknown.statusCode).toBe(400);
      expect((await inject('GET', `${base}/runs/3f1e8a8e-0000-4000-8000-000000000000`, sys)).statusCode).toBe(404);
    });

    it('refuses what is not a spreadsheet by its bytes, whatever its name, with a field error', async () => {
      const png = await upload(sys, pngBytes, 'accounts.xlsx');
      expect(png.statusCode).toBe(400);
      expect(png.json().error.fields.file).toMatch(/不是 Excel/);
      const xls = await upload(sys, Buffer.from('d0cf11e0a1b11ae10000000000000000', 'hex'), 'old.xls');
      expect(xls.json().error.fields.file).toMatch(/\.xls/);
      const empty = await upload(sys, Buffer.alloc(0), 'empty.csv');
      expect(empty.statusCode).toBe(400);
      const noBody = await inject('POST', `${base}/runs`, sys);
      expect(noBody.statusCode).toBe(400);
      expect(noBody.json().error.fields.file).toBeTruthy();
    });

    it('refuses another template, naming the missing and the unknown columns, in the reader language', async () => {
      const missing = await upload(
        sys,
        await xlsxOf({
          rows: [
            ['用户名', '姓名'],
            ['a', 'b'],
          ],
        }),
      );
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields.file).toBe('表头与模板不符，缺少列：乡镇/区域');
      const unknown = await upload(sys, csvOf([[...header, '身份证号'], ['a']]), 'a.csv', { 'accept-language': 'en' });
      expect(unknown.json().error.fields.file).toBe(
        'The header row does not match the template; unknown columns: 身份证号',
      );
    });

    it('refuses a file over the size limit before reading it (413)', async () => {
      const res = await upload(sys, Buffer.from('a'), 'big.csv', { 'content-length': String(30 * 1024 * 1024) });
      expect(res.statusCode).toBe(413);
    });

    it('receives a real HTTP upload (the socket stream, not an injected buffer)', async () => {
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}${base}/runs?fileName=real.csv`, {
        method: 'POST',
        headers: { ...sys.headers, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(csvOf([header, ['real.one', '甲', null, '霞阳镇']])),
        signal: AbortSignal.timeout(20_000),
      });
      expect(res.status).toBe(201);
      expect(((await res.json()) as { status: string }).status).toBe('check_pending');
    });

    it('answers 404 for another administrator’s run', async () => {
      const mine = await upload(sys, csvOf([header, ['someone', '某人', '', '霞阳镇']]), 'x.csv');
      expect((await inject('GET', `${base}/runs/${mine.json().id}`, otherSys)).statusCode).toBe(404);
      expect((await inject('POST', `${base}/runs/${mine.json().id}/discard`, otherSys, {})).statusCode).toBe(404);
      expect((await inject('POST', `${base}/runs/${mine.json().id}/discard`, sys, {})).json().status).toBe('discarded');
    });
  });

  it('hands out the template: header row, notes sheet, a hidden list sheet behind the roles drop-down', async () => {
    const res = await inject('GET', `${base}/template.xlsx`, sys);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const [data, notes, lists] = workbook.worksheets;
    expect((data!.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(notes!.getRow(2).getCell(1).value).toBe('用户名');
    expect(lists!.state).toBe('hidden');
    expect(lists!.getColumn(1).values).toContain('dispatcher');
    expect(
      JSON.stringify((data as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
    ).toContain('可选值');
  });

  it('dry-runs a file with broken rows, reports every one, then commits only the valid rows', async () => {
    const bytes = await xlsxOf({
      rows: [
        header,
        ['imp.one', '张一', '１３９１２３４５６７８', '霞阳镇', '城管局', null, new Date(Date.UTC(2030, 0, 1))],
        ['imp.two', null, '12345', '430225100'],
        ['IMP.ONE', '重复', null, '霞阳镇'],
        ['import.admin', '已有', null, '霞阳镇'],
        ['imp.three', '张三', '12345', '长沙县'],
        ['imp.four', '张四', null, '霞阳镇', null, 'dispatcher'],
        ['imp.five', '张五', null, '霞阳镇', '甲'],
        ['imp.six', '张六', null, '霞阳镇', null],
        ['imp.seven', '张七', 13800000000, '霞阳镇', null, null, '2026年12月31日'],
      ],
      merges: ['E8:E9'],
      formulas: { B10: ['"张"&"七"', '张七'] },
    });
    const checked = await uploadAndCheck(bytes);
    expect(checked).toMatchObject({ status: 'checked', totalRows: 9, errorRows: 8, validRows: 1, format: 'xlsx' });
    const errors = (await inject('GET', `${base}/runs/${checked.id}/errors?pageSize=50`, sys)).json();
    const byRow = (row: number) =>
      errors.items
        .filter((e: { rowNumber: number }) => e.rowNumber === row)
        .map((e: { columnHeader: string; message: string }) => `${e.columnHeader}:${e.message}`);
    expect(byRow(3)).toEqual(['姓名:必填，不能为空']);
    expect(byRow(4)).toEqual(['用户名:与第 2 行重复']);
    expect(byRow(5)).toEqual(['用户名:系统中已存在']);
    expect(byRow(6).join('|')).toMatch(/^手机号:.+\|乡镇\/区域:找不到这个乡镇或区域：长沙县/);
    expect(byRow(7)[0]).toMatch(/^角色:分配角色需要/);
    expect(byRow(8)).toEqual(['部门:单元格被合并（E8:E9），请取消合并，每行分别填写']);
    expect(byRow(9)).toEqual(['部门:单元格被合并（E8:E9），请取消合并，每行分别填写']);
    expect(byRow(10)).toEqual(['姓名:单元格含公式，请复制后“粘贴为数值”']);

    // The error report: the refused rows as uploaded, with their errors.
    const report = await inject('GET', `${base}/runs/${checked.id}/errors.xlsx`, sys);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(9);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['行号', '错误', '用户名']);
    expect(sheet.getRow(2).getCell(1).value).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toBe('姓名：必填，不能为空');
    expect(sheet.getRow(2).getCell(3).value).toBe('imp.two');

    const all = await inject('POST', `${base}/runs/${checked.id}/commit`, sys, { mode: 'all' });
    expect(all.statusCode).toBe(409);
    expect(all.json().error.message).toMatch(/还有 8 行有错误/);
    expect(await accountsNamed('imp.')).toEqual([]);

    const valid = await inject('POST', `${base}/runs/${checked.id}/commit`, sys, { mode: 'valid' });
    expect(valid.statusCode, valid.body).toBe(202);
    expect((await inject('POST', `${base}/runs/${checked.id}/commit`, sys, { mode: 'valid' })).statusCode).toBe(409);
    await work();
    expect(await run(sys, checked.id)).toMatchObject({
      status: 'committed',
      committedRows: 1,
      skippedRows: 0,
      hasHandouts: true,
    });
    const created = await accountsNamed('imp.');
    expect(created.map((a) => a.login_id)).toEqual(['imp.one']);
    expect(created[0]!.phone_enc).toMatch(/^v1\./);
    expect(created[0]!.must_change_password).toBe(true);

    // The initial passwords download once, and open the account.
    const handouts = await inject('POST', `${base}/runs/${checked.id}/handouts.xlsx`, sys, {});
    expect(handouts.statusCode).toBe(200);
    const passwords = new ExcelJS.Workbook();
    await passwords.xlsx.load(handouts.rawPayload as unknown as ExcelJS.Buffer);
    const row = passwords.worksheets[0]!.getRow(2);
    expect(row.getCell(2).value).toBe('imp.one');
    const [hash] = await queryRows<{ password_hash: string }>(
      t.app.deps.database.db,
      sql`select password_hash from app_user where login_id = 'imp.one'`,
    );
    expect(await verifyPassword(hash!.password_hash, String(row.getCell(3).value))).toBe(true);
    expect((await inject('POST', `${base}/runs/${checked.id}/handouts.xlsx`, sys, {})).statusCode).toBe(409);
    expect((await run(sys, checked.id)).hasHandouts).toBe(false);
  });

  it('all-or-nothing writes nothing when a row no longer passes at commit, then a fixed file goes in whole', async () => {
    const rows = [
      header,
      ['aon.one', '甲', null, '霞阳镇'],
      ['aon.two', '乙', null, '霞阳镇'],
      ['aon.three', '丙', null, '霞阳镇'],
    ];
    const checked = await uploadAndCheck(csvOf(rows), 'aon.csv');
    expect(checked).toMatchObject({ status: 'checked', errorRows: 0, validRows: 3, format: 'csv' });
    expect((await inject('POST', `${base}/runs/${checked.id}/commit`, sys, { mode: 'all' })).statusCode).toBe(202);
    // Between the dry run and the commit, someone creates aon.three by hand.
    const created = await inject('POST', '/api/admin/users', otherSys, {
      loginId: 'aon.three',
      displayName: '丙',
      scopeRegion: '430225100',
    });
    expect(created.statusCode).toBe(201);
    await work();
    const failed = await run(sys, checked.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatch(/1 行已不符合要求/);
    expect((await accountsNamed('aon.')).map((a) => a.login_id)).toEqual(['aon.three']);
    const errors = (await inject('GET', `${base}/runs/${checked.id}/errors`, sys)).json();
    expect(errors.items).toMatchObject([{ rowNumber: 4, column: 'loginId', phase: 'commit', message: '系统中已存在' }]);

    // The fixed file: the taken login renamed.
    const fixed = await uploadAndCheck(csvOf([...rows.slice(0, 3), ['aon.four', '丙', null, '霞阳镇']]), 'aon.csv');
    expect(fixed.errorRows).toBe(0);
    await inject('POST', `${base}/runs/${fixed.id}/commit`, sys, { mode: 'all' });
    await work();
    expect(await run(sys, fixed.id)).toMatchObject({ status: 'committed', committedRows: 3 });
    expect((await accountsNamed('aon.')).map((a) => a.login_id)).toEqual([
      'aon.four',
      'aon.one',
      'aon.three',
      'aon.two',
    ]);
  });

  it('queues a durable job with the upload and the commit: draining the jobs runs the dry run, then the commit', async () => {
    const res = await upload(sys, csvOf([header, ['queued.one', '甲', null, '霞阳镇']]), 'queued.csv');
    const { database, config, keyring } = t.app.deps;
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
    const drained = await runDueJobs(ctx, runnerFor([importsManifest]));
    expect(drained.jobs.map((j) => `${j.name}:${j.outcome}`)).toContain('imports.run:done');
    expect((await run(sys, res.json().id)).status).toBe('checked');
    await inject('POST', `${base}/runs/${res.json().id}/commit`, sys, { mode: 'all' });
    await runDueJobs(ctx, runnerFor([importsManifest]));
    expect((await run(sys, res.json().id)).status).toBe('committed');
    expect((await accountsNamed('queued.')).map((a) => a.login_id)).toEqual(['queued.one']);
  });

  it('lists my runs, and keeps the file only until the run is committed or discarded', async () => {
    const list = (await inject('GET', `${base}/runs?pageSize=50`, sys)).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    const [kept] = await queryRows<{ n: number }>(
      t.app.deps.database.db,
      sql`select count(*)::int as n from imports_file_chunk c join imports_run r on r.id = c.run_id where r.status in ('committed', 'discarded')`,
    );
    expect(kept?.n).toBe(0);
  });
});
