import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { fakeClock } from '../../testing/fake-clock.ts';
import { createAccount } from '../auth/create-user.ts';
import { tx } from '../db/tx.ts';
import { emitEvent } from '../delivery/outbox.ts';
import { notifyConsumer } from './dispatch.ts';
import type { NotificationRule } from './notice.ts';
import { consumeOutbox } from './outbox-consumer.ts';

/**
 * Whatever the mix of events and however the runs are cut (batch sizes, a run repeated), every wanted event gives
 * exactly one item and the cursor ends on the last event.
 */
describe('the outbox consumer, for any events and runs', () => {
  const db = useTestDatabase();
  const clock = fakeClock('2026-06-01T02:00:00Z');
  let userId = '';
  const rules: NotificationRule[] = [
    {
      key: 'prop.todo',
      topic: 'prop.wanted',
      notices: async (_ctx, event) => [
        {
          channel: 'inbox',
          kind: 'message',
          code: 'notify.inbox.not_a_todo',
          to: { users: [userId] },
          about: { type: 'p', id: event.objectId },
        },
      ],
    },
  ];

  beforeAll(async () => {
    const user = await tx(db.ctx({ clock }), (t) =>
      createAccount(t, {
        loginId: 'prop.reader',
        displayName: 'p',
        scopeRegion: '430225',
        department: null,
        phone: null,
        password: 'Test#Yanling2026',
        mustChangePassword: false,
        roles: [],
      }),
    );
    userId = user.id;
  });

  it('delivers each wanted event once and ends on the last event', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        async (wanted, batches) => {
          round += 1;
          clock.advance(1);
          const consumer = { ...notifyConsumer(() => rules), name: `prop-${round}` };
          const ctx = db.ctx({ clock });
          // A fresh consumer starts after everything already there, so each round sees only its own events.
          await consumeOutbox(ctx, { ...consumer, historyMs: 0 });
          const ids = wanted.map((w, i) => `${round}-${i}-${w ? 'w' : 'u'}`);
          for (const [i, id] of ids.entries())
            await tx(ctx, (t) =>
              emitEvent(t, {
                topic: wanted[i] ? 'prop.wanted' : 'prop.other',
                objectType: 'p',
                objectId: id,
                payload: {},
              }),
            );
          for (const batch of [...batches, ...batches]) await consumeOutbox(ctx, consumer, batch);
          while ((await consumeOutbox(ctx, consumer)).handled > 0);
          const items = await db.database.query<{ object_id: string }>(
            'select object_id from notify_inbox_item where user_id = $1 and object_id like $2 order by source_key',
            [userId, `${round}-%`],
          );
          const delivered = items
            .map((i) => i.object_id)
            .sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
          expect(delivered).toEqual(ids.filter((_, i) => wanted[i]));
          const [cursor] = await db.database.query<{ last_event_id: string }>(
            'select last_event_id from notify_cursor where consumer = $1',
            [consumer.name],
          );
          const [last] = await db.database.query<{ id: string }>('select max(id) as id from outbox_event');
          expect(Number(cursor?.last_event_id)).toBe(Number(last?.id));
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
