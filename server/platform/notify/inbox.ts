import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { requireInScope } from '../access/scope.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { presentInboxItem } from './inbox.presenter.ts';
import type { InboxItem, InboxListQuery } from './inbox.schema.ts';
import {
  findInboxItem,
  type InboxItemRow,
  type InboxOwner,
  inboxCounts,
  inboxItemExists,
  listInboxItems,
  markAllRead,
  updateInboxItem,
} from './inbox.store.ts';

/** The signed-in person's own inbox: the only scope an inbox has. */
function ownerOf(ctx: Ctx): InboxOwner {
  if (ctx.actor?.kind !== 'user') throw AppError.unauthenticated();
  return { regionCode: ctx.countyCode, userId: ctx.actor.id };
}

export async function listInbox(ctx: Ctx, query: InboxListQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await listInboxItems(
    ctx.db,
    ownerOf(ctx),
    { kind: query.kind, state: query.state ?? 'all' },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { items: rows.map((row) => presentInboxItem(row, ctx.locale)), total, page, pageSize };
}

export function inboxSummary(ctx: Ctx): Promise<{ unread: number; openTodos: number }> {
  return inboxCounts(ctx.db, ownerOf(ctx));
}

/** The user's item, or an audited 404 when the id is someone else's (never a 403 that confirms it exists). */
function ownItem(t: Ctx, owner: InboxOwner, id: string): Promise<InboxItemRow> {
  return requireInScope(
    t,
    { objectType: 'inbox_item', objectId: id, what: 'what.inbox_item' },
    () => findInboxItem(t.db, owner, id),
    () => inboxItemExists(t.db, owner.regionCode, id),
  );
}

export function markInboxItemRead(ctx: Ctx, id: string): Promise<InboxItem> {
  const owner = ownerOf(ctx);
  return tx(ctx, async (t) => {
    const item = await ownItem(t, owner, id);
    if (item.readAt) return presentInboxItem(item, t.locale);
    const updated = (await updateInboxItem(t.db, owner, id, { readAt: t.clock() })) ?? item;
    await recordAudit(t, { eventType: 'notify.inbox.read', action: 'update', objectType: 'inbox_item', objectId: id });
    return presentInboxItem(updated, t.locale);
  });
}

/** A to-do the user says is done (read too). A message has nothing to do: 400. */
export function markInboxTodoDone(ctx: Ctx, id: string): Promise<InboxItem> {
  const owner = ownerOf(ctx);
  return tx(ctx, async (t) => {
    const item = await ownItem(t, owner, id);
    if (item.kind !== 'todo') throw AppError.field('id', 'notify.inbox.not_a_todo');
    if (item.doneAt) return presentInboxItem(item, t.locale);
    const now = t.clock();
    const updated = await updateInboxItem(t.db, owner, id, { doneAt: now, doneBy: 'user', readAt: item.readAt ?? now });
    await recordAudit(t, { eventType: 'notify.inbox.done', action: 'update', objectType: 'inbox_item', objectId: id });
    return presentInboxItem(updated ?? item, t.locale);
  });
}

export function markInboxAllRead(ctx: Ctx): Promise<{ updated: number }> {
  const owner = ownerOf(ctx);
  return tx(ctx, async (t) => {
    const updated = await markAllRead(t.db, owner, t.clock());
    if (updated > 0)
      await recordAudit(t, { eventType: 'notify.inbox.read_all', action: 'update', details: { updated } });
    return { updated };
  });
}
