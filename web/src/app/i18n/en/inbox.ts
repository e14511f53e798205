import type { inboxZh } from '../zh/inbox.ts';

export const inboxEn: Record<keyof typeof inboxZh, string> = {
  'inbox.title': 'To-dos and messages',
  'inbox.intro': 'To-dos waiting for you come first; a to-do is done by itself once the record is acted on, or by you.',
  'inbox.bellUnread': 'To-dos and messages: {count} unread',
  'inbox.filter.all': 'All',
  'inbox.filter.open': 'To-dos',
  'inbox.filter.unread': 'Unread',
  'inbox.filter.message': 'Messages',
  'inbox.kind.todo': 'To-do',
  'inbox.kind.message': 'Message',
  'inbox.unread': 'Unread',
  'inbox.done': 'Done',
  'inbox.doneByRecord': 'Acted on',
  'inbox.open': 'Open',
  'inbox.markRead': 'Mark read',
  'inbox.markDone': 'Done',
  'inbox.readAll': 'Mark all read',
  'inbox.empty': 'No to-dos or messages',
};
