import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../testing/test-auth.ts';
import { systemCtx } from '../context.ts';
import { queryRows } from '../db/rows.ts';
import { adoptedImportKinds } from './adopted-kinds.ts';
import { csvOf } from './imports.test-support.ts';
import { runImportWork } from './worker.ts';

const base = '/api/imports/auth.accounts';
const rows = 100_000;

/**
 * 100,000 broken rows: every one is refused and recorded, the report pages through them, both commits are
 * refused, and nothing is written. (Memory at this size is measured by bench/imports.bench.ts.)
 */
describe('an account file of 100,000 broken rows', () => {
  const t = useTestApp();
  let sys: SignedIn;
  let runId: string;
  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(t.app.deps.database.db, query))[0]?.n ?? -1;

  beforeAll(async () => {
    sys = await signIn(t.app, { roles: ['sys_admin'] });
    const lines: unknown[][] = [['用户名', '姓名', '手机号', '乡镇/区域']];
    // No name (required): one error per row (the kind’s own checks wait until the cells are readable).
    for (let i = 0; i < rows; i += 1) lines.push([`broken.${i}`, '', `1${i}`, '霞阳镇']);
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/runs?fileName=broken.csv`,
      headers: { ...sys.headers, 'content-type': 'text/csv' },
      payload: csvOf(lines),
    });
    expect(res.statusCode, res.body).toBe(201);
    runId = res.json().id;
    const { database, config, keyring } = t.app.deps;
    await runImportWork(
      systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock }),
      adoptedImportKinds(),
    );
  }, 600_000);

  it('records every refused row and writes nothing', async () => {
    const run = (await t.app.inject({ method: 'GET', url: `${base}/runs/${runId}`, headers: sys.headers })).json();
    expect(run).toMatchObject({
      status: 'checked',
      totalRows: rows,
      errorRows: rows,
      validRows: 0,
      processedRows: rows,
    });
    expect(await count(sql`select count(*)::int as n from imports_row_error where run_id = ${runId}::uuid`)).toBe(rows);
    expect(await count(sql`select count(*)::int as n from app_user where login_id like 'broken.%'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from imports_row_key where run_id = ${runId}::uuid`)).toBe(0);
  });

  it('pages the errors to the last row, and refuses both commits', async () => {
    const last = (
      await t.app.inject({
        method: 'GET',
        url: `${base}/runs/${runId}/errors?page=500&pageSize=200`,
        headers: sys.headers,
      })
    ).json();
    expect(last.total).toBe(rows);
    expect(last.items.at(-1)).toMatchObject({ rowNumber: rows + 1, column: 'displayName', message: '必填，不能为空' });
    for (const mode of ['all', 'valid'])
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `${base}/runs/${runId}/commit`,
            headers: sys.headers,
            payload: { mode },
          })
        ).statusCode,
      ).toBe(409);
    expect(await count(sql`select count(*)::int as n from app_user where login_id like 'broken.%'`)).toBe(0);
  });
});
