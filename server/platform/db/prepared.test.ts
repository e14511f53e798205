import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvent } from '../../db/schema/delivery.ts';
import { appSetting } from '../../db/schema/platform.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { preparedInsert, preparedStatement } from './prepared.ts';
import { tx } from './tx.ts';

const readSetting = preparedStatement<{ region: string; key: string }, Array<{ value: unknown }>>(
  'test.read_setting',
  (db) =>
    db
      .select({ value: appSetting.value })
      .from(appSetting)
      .where(and(eq(appSetting.regionCode, sql.placeholder('region')), eq(appSetting.key, sql.placeholder('key')))),
);

const writeSetting = preparedStatement<{ key: string; value: unknown }, unknown>('test.write_setting', (db) =>
  db.insert(appSetting).values({ regionCode: '430225', key: sql.placeholder('key'), value: sql.placeholder('value') }),
);

describe('prepared statements', () => {
  const t = useTestDatabase();

  it('run on the pool, with values mapped as the column maps them (jsonb)', async () => {
    const db = t.database.db;
    await writeSetting(db, { key: 'test.prepared.pool', value: { a: [1, 2] } });
    expect(await readSetting(db, { region: '430225', key: 'test.prepared.pool' })).toEqual([{ value: { a: [1, 2] } }]);
    expect(await readSetting(db, { region: '430225', key: 'test.prepared.none' })).toEqual([]);
  });

  it('run inside a transaction on its own connection: they see its rows, and its rollback undoes theirs', async () => {
    const seenInside = await tx(t.ctx(), async (inner) => {
      await writeSetting(inner.db, { key: 'test.prepared.tx', value: 1 });
      const rows = await readSetting(inner.db, { region: '430225', key: 'test.prepared.tx' });
      // Still uncommitted: the pool's other connections do not see it (PGlite has one session; skip there).
      if (t.engine === 'postgres')
        expect(await t.database.query('select 1 from app_setting where key = $1', ['test.prepared.tx'])).toEqual([]);
      return rows;
    }).catch((error: unknown) => error);
    expect(seenInside).toEqual([{ value: 1 }]);

    await expect(
      tx(t.ctx(), async (inner) => {
        await writeSetting(inner.db, { key: 'test.prepared.rolled_back', value: 2 });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await readSetting(t.database.db, { region: '430225', key: 'test.prepared.rolled_back' })).toEqual([]);
    expect(await readSetting(t.database.db, { region: '430225', key: 'test.prepared.tx' })).toEqual([{ value: 1 }]);
  });

  it('insert rows of any shape: omitted columns take their default, nulls and SQL expressions go in as given', async () => {
    const insert = preparedInsert<typeof outboxEvent.$inferInsert>('test.insert_outbox', outboxEvent);
    const at = new Date('2026-12-07T08:00:00Z');
    const base = { regionCode: '430225', topic: 'test.prepared', objectType: 'case', payload: { n: 1 }, createdAt: at };
    await insert(t.database.db, { ...base, objectId: 'a', publishedAt: null });
    await insert(t.database.db, { ...base, objectId: 'b', publishedAt: at });
    await insert(t.database.db, { ...base, objectId: 'c' });
    await insert(t.database.db, {
      ...base,
      objectId: 'd',
      publishedAt: sql`${at}::timestamptz + interval '1 hour'` as never,
    });
    const rows = await t.database.query<{ object_id: string; published_at: Date | null; payload: unknown }>(
      `select object_id, published_at, payload from outbox_event where topic = 'test.prepared' order by object_id`,
    );
    expect(rows).toEqual([
      { object_id: 'a', published_at: null, payload: { n: 1 } },
      { object_id: 'b', published_at: at, payload: { n: 1 } },
      { object_id: 'c', published_at: null, payload: { n: 1 } },
      { object_id: 'd', published_at: new Date('2026-12-07T09:00:00Z'), payload: { n: 1 } },
    ]);
  });

  it('insert with computed columns and a statement around it, their placeholders filled from the row', async () => {
    const insert = preparedInsert<Omit<typeof outboxEvent.$inferInsert, 'objectId'> & { newTopic: string }>(
      'test.insert_outbox_around',
      outboxEvent,
      {
        computed: { objectId: sql`upper(${sql.placeholder('topic')})` },
        around: (query) =>
          sql`with added as ${query} update outbox_event set topic = ${sql.placeholder('newTopic')}
              where topic = ${sql.placeholder('topic')}`,
      },
    );
    const row = { regionCode: '430225', topic: 'test.around', objectType: 'case', payload: {}, createdAt: new Date() };
    await insert(t.database.db, { ...row, newTopic: 'test.around.moved' });
    await insert(t.database.db, { ...row, newTopic: 'test.around.moved' });
    const rows = await t.database.query(
      `select topic, object_id from outbox_event where topic like 'test.around%' order by topic`,
    );
    // The update cannot see its own statement's insert (one snapshot): the second statement moved the first row.
    expect(rows).toEqual([
      { topic: 'test.around', object_id: 'TEST.AROUND' },
      { topic: 'test.around.moved', object_id: 'TEST.AROUND' },
    ]);
  });
});
