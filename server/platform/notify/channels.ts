import type { ChannelHandler, Notice, NoticeChannel } from './notice.ts';
import { closeInboxTodos, deliverToInbox } from './inbox-delivery.ts';
import { deliverSmsNotice } from './sms/sms-notice.ts';

/**
 * The channels the dispatcher hands notices to, by the notice's `channel`. A new channel is a notice type in
 * notice.ts and one line here; the compiler then asks for its handler.
 */
export const channels: { [C in NoticeChannel]: ChannelHandler<Extract<Notice, { channel: C }>> } = {
  inbox: deliverToInbox,
  'inbox-done': closeInboxTodos,
  // The SMS queue (notify/sms): sent by its own job with retries and backoff, deduped by the notice's source.
  sms: deliverSmsNotice,
};
