import type { Ctx } from '../context.ts';
import { insertOutboxEvent } from './outbox.store.ts';

export interface OutboxEventInput {
  topic: string;
  objectType: string;
  objectId: string;
  payload: Record<string, unknown>;
}

/**
 * Records an event for other modules and for notifications in the business transaction (transactional outbox):
 * it exists exactly when the change committed. Delivery (SMS, WeChat, the dashboard) reads the table.
 */
export async function emitEvent(t: Ctx, event: OutboxEventInput): Promise<void> {
  if (!t.inTransaction) throw new Error('emitEvent must run inside tx(ctx, …)');
  await insertOutboxEvent(t.db, { regionCode: t.countyCode, ...event, createdAt: t.clock() });
}
