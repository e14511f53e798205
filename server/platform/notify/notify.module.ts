import { adoptedManifests } from '../modules/adopt.ts';
import type { ModuleManifest } from '../module.ts';
import { notificationRulesOf, notifyConsumer } from './dispatch.ts';
import { inboxPermission, registerInboxRoutes } from './inbox.routes.ts';
import { notifyMessages } from './notify.messages.ts';
import { consumeOutbox } from './outbox-consumer.ts';

/**
 * How often the notifier reads the outbox. The web polls the inbox summary every minute, so 10 s of delay is not
 * seen; one indexed read of the events after the cursor costs well under a millisecond when there are none.
 */
export const notifyEveryMs = 10_000;

/** The notifier: reads the outbox after its cursor and delivers what the manifests' rules make of each event. */
export const notifyOutboxJob = {
  name: 'notify.outbox',
  everyMs: notifyEveryMs,
  run: (ctx: Parameters<typeof consumeOutbox>[0]) =>
    consumeOutbox(
      ctx,
      notifyConsumer(() => notificationRulesOf(adoptedManifests())),
    ).then((r) => r.handled),
};

/**
 * Notifications: the outbox consumer, the rules modules declare (manifest `notifications`) and the in-app inbox
 * (to-dos and messages per person, unread counts). Every signed-in person holds `self.inbox` (access/roles.ts).
 */
export const notifyManifest: ModuleManifest = {
  key: 'notify',
  title: { zh: '通知与待办', en: 'Notifications and to-dos' },
  routes: [registerInboxRoutes],
  permissions: [{ key: inboxPermission, zh: '本人待办与消息', en: 'Own to-dos and messages' }],
  messages: [notifyMessages],
  jobs: [notifyOutboxJob],
};
