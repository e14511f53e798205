import type { ChannelHandler, Notice, NoticeChannel } from './notice.ts';
import { closeInboxTodos, deliverToInbox } from './inbox-delivery.ts';
import { deliverSms } from './sms-channel.ts';

/**
 * The channels the dispatcher hands notices to, by the notice's `channel`. A new channel is a notice type in
 * notice.ts and one line here; the compiler then asks for its handler.
 */
export const channels: { [C in NoticeChannel]: ChannelHandler<Extract<Notice, { channel: C }>> } = {
  inbox: deliverToInbox,
  'inbox-done': closeInboxTodos,
  sms: deliverSms,
};
