import { defineRoute, registerRoutes } from '../http/define-route.ts';
import type { TypedApp } from '../module.ts';
import { inboxSummary, listInbox, markInboxAllRead, markInboxItemRead, markInboxTodoDone } from './inbox.ts';
import {
  InboxItemParams,
  InboxItemSchema,
  InboxListQuery,
  InboxPageSchema,
  InboxSummarySchema,
  ReadAllSchema,
} from './inbox.schema.ts';

export const inboxPermission = 'self.inbox';

const tags = ['inbox'];
const access = { permission: inboxPermission };

const list = defineRoute({
  method: 'GET',
  url: '/api/inbox',
  summary: "The signed-in person's to-dos and messages: open to-dos first, then newest first",
  tags,
  access,
  schema: { querystring: InboxListQuery, response: { 200: InboxPageSchema } },
  handler: async (request) => listInbox(request.ctx, request.query),
});

const summary = defineRoute({
  method: 'GET',
  url: '/api/inbox/summary',
  summary: 'Unread items and open to-dos, for the header badge',
  tags,
  access,
  schema: { response: { 200: InboxSummarySchema } },
  handler: async (request) => inboxSummary(request.ctx),
});

const read = defineRoute({
  method: 'POST',
  url: '/api/inbox/:id/read',
  summary: 'Mark one of my items read',
  tags,
  access,
  schema: { params: InboxItemParams, response: { 200: InboxItemSchema } },
  handler: async (request) => markInboxItemRead(request.ctx, request.params.id),
});

const done = defineRoute({
  method: 'POST',
  url: '/api/inbox/:id/done',
  summary: 'Mark one of my to-dos done',
  tags,
  access,
  schema: { params: InboxItemParams, response: { 200: InboxItemSchema } },
  handler: async (request) => markInboxTodoDone(request.ctx, request.params.id),
});

const readAll = defineRoute({
  method: 'POST',
  url: '/api/inbox/read-all',
  summary: 'Mark all my items read',
  tags,
  access,
  schema: { response: { 200: ReadAllSchema } },
  handler: async (request) => markInboxAllRead(request.ctx),
});

/** The in-app inbox: every signed-in person, their own items only. */
export function registerInboxRoutes(app: TypedApp): void {
  registerRoutes(app, [list, summary, readAll, read, done]);
}
