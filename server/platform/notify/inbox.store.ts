import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifyInboxItem } from '../../db/schema/notify.ts';
import type { Db } from '../db/database.ts';

export type InboxItemRow = typeof notifyInboxItem.$inferSelect;
export type NewInboxItem = typeof notifyInboxItem.$inferInsert;

/** Inserts the items; one already delivered for the same user and source is left as it is (idempotent). */
export async function insertInboxItems(db: Db, items: readonly NewInboxItem[]): Promise<number> {
  if (items.length === 0) return 0;
  const inserted = await db
    .insert(notifyInboxItem)
    .values([...items])
    .onConflictDoNothing({ target: [notifyInboxItem.regionCode, notifyInboxItem.userId, notifyInboxItem.sourceKey] })
    .returning({ id: notifyInboxItem.id });
  return inserted.length;
}

/** Closes the open to-dos about a record (optionally only some codes): the record was acted on. */
export async function closeTodosAbout(
  db: Db,
  regionCode: string,
  about: { type: string; id: string; codes?: readonly string[] },
  at: Date,
): Promise<number> {
  const closed = await db
    .update(notifyInboxItem)
    .set({ doneAt: at, doneBy: 'record' })
    .where(
      and(
        eq(notifyInboxItem.regionCode, regionCode),
        eq(notifyInboxItem.objectType, about.type),
        eq(notifyInboxItem.objectId, about.id),
        eq(notifyInboxItem.kind, 'todo'),
        isNull(notifyInboxItem.doneAt),
        about.codes?.length ? inArray(notifyInboxItem.code, [...about.codes]) : undefined,
      ),
    )
    .returning({ id: notifyInboxItem.id });
  return closed.length;
}

/** Whose items a read may return: always one user's own (the inbox has no other scope). */
export interface InboxOwner {
  regionCode: string;
  userId: string;
}

export interface InboxFilter {
  kind?: 'todo' | 'message';
  /** unread: not read yet; open: to-dos not done; all. */
  state: 'unread' | 'open' | 'all';
}

function ownerAnd(owner: InboxOwner, filter: InboxFilter) {
  return and(
    eq(notifyInboxItem.regionCode, owner.regionCode),
    eq(notifyInboxItem.userId, owner.userId),
    filter.kind ? eq(notifyInboxItem.kind, filter.kind) : undefined,
    filter.state === 'unread' ? isNull(notifyInboxItem.readAt) : undefined,
    filter.state === 'open' ? and(eq(notifyInboxItem.kind, 'todo'), isNull(notifyInboxItem.doneAt)) : undefined,
  );
}

/** One page of a user's items: open to-dos first, then newest first. */
export async function listInboxItems(
  db: Db,
  owner: InboxOwner,
  filter: InboxFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: InboxItemRow[]; total: number }> {
  const where = ownerAnd(owner, filter);
  const openTodoFirst = sql`case when ${notifyInboxItem.kind} = 'todo' and ${notifyInboxItem.doneAt} is null then 0 else 1 end`;
  const rows = await db
    .select()
    .from(notifyInboxItem)
    .where(where)
    .orderBy(openTodoFirst, desc(notifyInboxItem.createdAt), desc(notifyInboxItem.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(notifyInboxItem).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Unread items and open to-dos of a user, for the header. */
export async function inboxCounts(db: Db, owner: InboxOwner): Promise<{ unread: number; openTodos: number }> {
  const [row] = await db
    .select({
      unread: sql<number>`count(*) filter (where ${notifyInboxItem.readAt} is null)`.mapWith(Number),
      openTodos:
        sql<number>`count(*) filter (where ${notifyInboxItem.kind} = 'todo' and ${notifyInboxItem.doneAt} is null)`.mapWith(
          Number,
        ),
    })
    .from(notifyInboxItem)
    .where(ownerAnd(owner, { state: 'all' }));
  return { unread: row?.unread ?? 0, openTodos: row?.openTodos ?? 0 };
}

/** One of the user's items; another user's item is not found (the caller answers 404). */
export async function findInboxItem(db: Db, owner: InboxOwner, id: string): Promise<InboxItemRow | undefined> {
  const rows = await db
    .select()
    .from(notifyInboxItem)
    .where(and(ownerAnd(owner, { state: 'all' }), eq(notifyInboxItem.id, id)))
    .limit(1);
  return rows[0];
}

/** Whether an item with this id exists at all (any user): an attempt on another's item is audited as a denial. */
export async function inboxItemExists(db: Db, regionCode: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: notifyInboxItem.id })
    .from(notifyInboxItem)
    .where(and(eq(notifyInboxItem.regionCode, regionCode), eq(notifyInboxItem.id, id)))
    .limit(1);
  return rows.length > 0;
}

export async function updateInboxItem(
  db: Db,
  owner: InboxOwner,
  id: string,
  set: Partial<Pick<InboxItemRow, 'readAt' | 'doneAt' | 'doneBy'>>,
): Promise<InboxItemRow | undefined> {
  const rows = await db
    .update(notifyInboxItem)
    .set(set)
    .where(and(ownerAnd(owner, { state: 'all' }), eq(notifyInboxItem.id, id)))
    .returning();
  return rows[0];
}

/** Marks every unread item of the user read; how many. */
export async function markAllRead(db: Db, owner: InboxOwner, at: Date): Promise<number> {
  const rows = await db
    .update(notifyInboxItem)
    .set({ readAt: at })
    .where(ownerAnd(owner, { state: 'unread' }))
    .returning({ id: notifyInboxItem.id });
  return rows.length;
}
