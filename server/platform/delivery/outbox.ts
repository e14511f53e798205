import type { Ctx } from '../context.ts';
import { insertAtCommit } from '../db/at-commit.ts';
import { insertOutboxEvent } from './outbox.store.ts';

export interface OutboxEventInput {
  topic: string;
  objectType: string;
  objectId: string;
  payload: Record<string, unknown>;
}

/**
 * Records an event for other modules and for notifications in the business transaction (transactional outbox):
 * it exists exactly when the change committed. Delivery (SMS, WeChat, the dashboard) reads the table. It is
 * written at commit with the audit row (db/at-commit.ts), so its id follows commit order more closely too.
 */
export async function emitEvent(t: Ctx, event: OutboxEventInput): Promise<void> {
  if (!t.inTransaction) throw new Error('emitEvent must run inside tx(ctx, …)');
  await insertAtCommit(t, insertOutboxEvent, { regionCode: t.countyCode, ...event, createdAt: t.clock() });
}
