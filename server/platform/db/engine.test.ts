import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appSetting } from '../../db/schema/platform.ts';
import { queryOne } from './rows.ts';
import { tx } from './tx.ts';
import { useTestDatabase } from '../../testing/test-database.ts';

describe('database engine', () => {
  const t = useTestDatabase();

  it('returns the same JS types on both engines', async () => {
    const row = await queryOne<Record<string, unknown>>(
      t.database.db,
      sql`select 9007199254740991::int8 as big, count(*) as n, date '2026-02-17' as day, 12.50::numeric as money,
                 timestamptz '2026-01-01T00:00:00Z' as at, '{"a":[1,2]}'::jsonb as doc, true as yes`,
    );
    expect(row).toEqual({
      big: 9007199254740991,
      n: 1,
      day: '2026-02-17',
      money: '12.50',
      at: new Date('2026-01-01T00:00:00Z'),
      doc: { a: [1, 2] },
      yes: true,
    });
  });

  it('tx() rolls back every write when the work fails', async () => {
    const ctx = t.ctx();
    await expect(
      tx(ctx, async (inner) => {
        await inner.db.insert(appSetting).values({ regionCode: '430225', key: 'test.rollback', value: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await t.database.query('select 1 from app_setting where key = $1', ['test.rollback']);
    expect(rows).toHaveLength(0);
  });

  it('nested tx() joins the outer transaction, so an outer failure undoes the inner write', async () => {
    const ctx = t.ctx();
    await expect(
      tx(ctx, async (outer) => {
        await tx(outer, (inner) =>
          inner.db.insert(appSetting).values({ regionCode: '430225', key: 'test.nested', value: 1 }),
        );
        expect(outer.inTransaction).toBe(true);
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await t.database.query('select 1 from app_setting where key = $1', ['test.nested'])).toHaveLength(0);
  });

  it('commits when the work succeeds and returns its value', async () => {
    const result = await tx(t.ctx(), async (inner) => {
      await inner.db.insert(appSetting).values({ regionCode: '430225', key: 'test.commit', value: { ok: true } });
      return 'done';
    });
    expect(result).toBe('done');
    const rows = await t.database.query<{ value: unknown }>('select value from app_setting where key = $1', [
      'test.commit',
    ]);
    expect(rows[0]?.value).toEqual({ ok: true });
  });

  it('stores region codes with the C collation so prefix filters can use the index', async () => {
    const rows = await t.database.query<{ collation_name: string }>(
      "select collation_name from information_schema.columns where table_name = 'region' and column_name = 'code'",
    );
    expect(rows[0]?.collation_name).toBe('C');
  });
});
