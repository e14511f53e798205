import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { closeTodosAbout, insertInboxItems } from './inbox.store.ts';
import type { InboxDoneNotice, InboxNotice, NoticeSource } from './notice.ts';
import { resolveRecipients } from './recipients.store.ts';

/**
 * The inbox channel: one item per recipient, keyed by the notice's source so that delivering it again adds
 * nothing. The text stays a code and parameters, rendered in each reader's language when read. Audited with
 * the count only (who got it is in the table).
 */
export async function deliverToInbox(t: Ctx, notice: InboxNotice, source: NoticeSource): Promise<void> {
  const users = await resolveRecipients(t.db, t.countyCode, notice.to);
  const now = t.clock();
  const added = await insertInboxItems(
    t.db,
    users.map((userId) => ({
      regionCode: t.countyCode,
      id: randomUUID(),
      userId,
      kind: notice.kind,
      code: notice.code,
      params: { ...(notice.params ?? {}) },
      objectType: notice.about?.type ?? null,
      objectId: notice.about?.id ?? null,
      link: notice.about?.link ?? null,
      sourceKey: source.key,
      createdAt: now,
    })),
  );
  if (added === 0) return;
  await recordAudit(t, {
    eventType: 'notify.inbox.deliver',
    action: 'create',
    objectType: source.event.objectType,
    objectId: source.event.objectId,
    details: { rule: source.rule, code: notice.code, kind: notice.kind, recipients: added },
  });
}

/** The record was acted on: its open to-dos (of these codes) are done, by the record. */
export async function closeInboxTodos(t: Ctx, notice: InboxDoneNotice, source: NoticeSource): Promise<void> {
  const closed = await closeTodosAbout(t.db, t.countyCode, { ...notice.about, codes: notice.codes }, t.clock());
  if (closed === 0) return;
  await recordAudit(t, {
    eventType: 'notify.inbox.done',
    action: 'update',
    objectType: notice.about.type,
    objectId: notice.about.id,
    details: { rule: source.rule, closed },
  });
}
