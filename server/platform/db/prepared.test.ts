import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvent } from '../../db/schema/delivery.ts';
import { appSetting } from '../../db/schema/platform.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { preparedInsert, preparedStatement } from './prepared.ts';
import { insertAtCommit } from './at-commit.ts';
import { queryRows } from './rows.ts';
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
        around: (query, riders) =>
          sql`with ${riders}added as ${query} update outbox_event set topic = ${sql.placeholder('newTopic')}
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

  const outboxRow = (objectId: string, topic = 'test.riders') => ({
    regionCode: '430225',
    topic,
    objectType: 'case',
    objectId,
    payload: { objectId },
    createdAt: new Date('2026-12-07T08:00:00Z'),
  });
  const outboxOf = (topic: string) =>
    t.database.query<{ object_id: string; payload: unknown }>(
      'select object_id, payload from outbox_event where topic = $1 order by object_id',
      [topic],
    );

  it('carry the rows of other inserts in the same statement, each mapped by its own columns', async () => {
    const outbox = preparedInsert<ReturnType<typeof outboxRow>>('test.riders_outbox', outboxEvent);
    const setting = preparedInsert<typeof appSetting.$inferInsert>('test.riders_setting', appSetting);
    const riders = [
      { insert: setting as never, row: { regionCode: '430225', key: 'test.rider', value: { on: true } } },
      { insert: outbox as never, row: outboxRow('r2') },
    ];
    await outbox(t.database.db, outboxRow('r1'), riders);
    expect(await outboxOf('test.riders')).toEqual([
      { object_id: 'r1', payload: { objectId: 'r1' } },
      { object_id: 'r2', payload: { objectId: 'r2' } },
    ]);
    expect(await readSetting(t.database.db, { region: '430225', key: 'test.rider' })).toEqual([
      { value: { on: true } },
    ]);
    // A rider whose row holds an SQL value cannot be a parameter: it goes in by itself, before the statement.
    const expression = { ...outboxRow('r4'), objectId: sql`'r' || (3 + 1)` as never };
    await outbox(t.database.db, outboxRow('r3'), [{ insert: outbox as never, row: expression }]);
    expect((await outboxOf('test.riders')).map((r) => r.object_id)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('insert at commit: unseen inside the transaction, written with it, gone with its rollback', async () => {
    const outbox = preparedInsert<ReturnType<typeof outboxRow>>('test.at_commit_outbox', outboxEvent);
    const seenInside = await tx(t.ctx(), async (inner) => {
      await insertAtCommit(inner, outbox, outboxRow('c1', 'test.at_commit'));
      await insertAtCommit(inner, outbox, outboxRow('c2', 'test.at_commit'));
      // Read on the transaction's own connection: it would see its own rows had they been written.
      const rows = await queryRows(inner.db, sql`select 1 from outbox_event where topic = 'test.at_commit'`);
      return { rows: rows.length, queued: inner.atCommit?.length };
    });
    expect(seenInside).toEqual({ rows: 0, queued: 2 });
    expect((await outboxOf('test.at_commit')).map((r) => r.object_id)).toEqual(['c1', 'c2']);

    await expect(
      tx(t.ctx(), async (inner) => {
        await insertAtCommit(inner, outbox, outboxRow('c3', 'test.at_commit'));
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    // Outside a transaction the row goes in at once.
    await insertAtCommit(t.ctx(), outbox, outboxRow('c4', 'test.at_commit'));
    expect((await outboxOf('test.at_commit')).map((r) => r.object_id)).toEqual(['c1', 'c2', 'c4']);
  });

  it('insert at commit: a row that cannot be written fails the commit and takes the transaction with it', async () => {
    const setting = preparedInsert<typeof appSetting.$inferInsert>('test.at_commit_setting', appSetting);
    const outbox = preparedInsert<ReturnType<typeof outboxRow>>('test.at_commit_outbox_2', outboxEvent);
    await setting(t.database.db, { regionCode: '430225', key: 'test.at_commit.taken', value: 1 });
    const failed = await tx(t.ctx(), async (inner) => {
      await insertAtCommit(inner, outbox, outboxRow('d1', 'test.at_commit_fail'));
      await insertAtCommit(inner, setting, { regionCode: '430225', key: 'test.at_commit.taken', value: 2 });
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(await outboxOf('test.at_commit_fail')).toEqual([]);
    expect(await readSetting(t.database.db, { region: '430225', key: 'test.at_commit.taken' })).toEqual([{ value: 1 }]);
  });
});
