import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { nameStatements, namedStatementsEnabled, StatementNames } from './named-statements.ts';

describe('statement names', () => {
  it('gives one text one name, and stops naming new texts at the bound', () => {
    const names = new StatementNames(2);
    const first = names.nameOf('select $1');
    expect(names.nameOf('select $1')).toBe(first);
    const second = names.nameOf('select $1 + 1');
    expect(second).not.toBe(first);
    expect(names.nameOf('select $1 + 2')).toBeUndefined();
    expect(names.nameOf('select $1')).toBe(first);
    expect(names.size).toBe(2);
  });

  it('is on unless the installation turns it off', () => {
    expect(namedStatementsEnabled({})).toBe(true);
    expect(namedStatementsEnabled({ WENMING_PG_NAMED_STATEMENTS: 'OFF' })).toBe(false);
  });
});

describe.runIf(process.env.WENMING_TEST_ENGINE === 'postgres')('named statements on PostgreSQL', () => {
  const t = useTestDatabase();

  async function withClient<T>(names: StatementNames, use: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    nameStatements(client, names);
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  }

  const preparedOn = async (client: pg.Client) =>
    (
      await client.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements order by name',
      )
    ).rows;

  it('prepares a parameterised statement once per connection and answers it every time', async () => {
    const names = new StatementNames();
    await withClient(names, async (client) => {
      for (const n of [1, 2, 3]) {
        const { rows } = await client.query<{ doubled: number }>('select $1::int * 2 as doubled', [n]);
        expect(rows).toEqual([{ doubled: n * 2 }]);
      }
      const config = await client.query({ text: 'select $1::text as said', values: ['hi'] });
      expect(config.rows).toEqual([{ said: 'hi' }]);
      expect(await preparedOn(client)).toEqual([
        { name: 'wenming_1', statement: 'select $1::int * 2 as doubled' },
        { name: 'wenming_2', statement: 'select $1::text as said' },
      ]);
    });
    // A second connection of the same process uses the same names and prepares its own copy on first use.
    await withClient(names, async (client) => {
      await client.query('select $1::text as said', ['again']);
      expect(await preparedOn(client)).toEqual([{ name: 'wenming_2', statement: 'select $1::text as said' }]);
    });
  });

  it('leaves statements without parameters, named ones and texts past the bound unnamed', async () => {
    const names = new StatementNames(1);
    await withClient(names, async (client) => {
      await client.query('select 1');
      await client.query({ name: 'mine', text: 'select $1::int as n', values: [1] });
      await client.query('select $1::int + 1 as n', [1]);
      await client.query('select $1::int + 2 as n', [1]);
      expect((await preparedOn(client)).map((p) => p.name)).toEqual(['mine', 'wenming_1']);
    });
  });

  it('keeps working in a transaction after a failed statement, and after the transaction', async () => {
    await withClient(new StatementNames(), async (client) => {
      await client.query('begin');
      await expect(client.query('select $1::int / 0 as n', [1])).rejects.toThrow(/division by zero/);
      await client.query('rollback');
      const { rows } = await client.query<{ n: number }>('select $1::int / 1 as n', [7]);
      expect(rows).toEqual([{ n: 7 }]);
    });
  });
});
