import type { Ctx } from '../context.ts';
import type { ModuleManifest } from '../module.ts';
import { channels } from './channels.ts';
import type { ChannelHandler, Notice, NoticeSource, NotificationRule, NotifyEvent } from './notice.ts';
import type { OutboxConsumer } from './outbox-consumer.ts';

/** Every rule the manifests declare, checked: keys unique across manifests. */
export function notificationRulesOf(manifests: readonly ModuleManifest[]): NotificationRule[] {
  const rules = manifests.flatMap((manifest) => manifest.notifications ?? []);
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.key)) throw new Error(`notification rule ${rule.key} is declared twice`);
    seen.add(rule.key);
  }
  return rules;
}

/** Runs the event's rules and hands each notice to its channel, in the caller's transaction. */
export async function dispatchEvent(t: Ctx, event: NotifyEvent, rules: readonly NotificationRule[]): Promise<number> {
  let delivered = 0;
  for (const rule of rules) {
    if (rule.topic !== event.topic) continue;
    const notices = await rule.notices(t, event);
    for (const [index, notice] of notices.entries()) {
      const source: NoticeSource = { event, rule: rule.key, index, key: `${event.id}:${rule.key}:${index}` };
      await deliver(t, notice, source);
      delivered += 1;
    }
  }
  return delivered;
}

function deliver(t: Ctx, notice: Notice, source: NoticeSource): Promise<void> {
  const handler = channels[notice.channel] as ChannelHandler<Notice> | undefined;
  if (!handler) throw new Error(`notice channel ${String(notice.channel)} has no handler`);
  return handler(t, notice, source);
}

/** A notifier seen for the first time (a new installation, an upgrade) starts with the last day's events. */
export const notifyHistoryMs = 86_400_000;

/** The notifier: the outbox consumer that turns events into notices through the manifests' rules. */
export function notifyConsumer(rules: () => readonly NotificationRule[]): OutboxConsumer {
  return {
    name: 'notify',
    historyMs: notifyHistoryMs,
    wants: (event) => rules().some((rule) => rule.topic === event.topic),
    handle: async (t, event) => void (await dispatchEvent(t, event, rules())),
  };
}
