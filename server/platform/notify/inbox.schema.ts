import { type Static, Type } from 'typebox';
import { S } from '../http/schema.ts';

export const InboxListQuery = S.object({
  kind: Type.Optional(S.literals(['todo', 'message'] as const)),
  state: Type.Optional(S.literals(['unread', 'open', 'all'] as const, { description: 'open: to-dos not done yet' })),
  ...S.page(),
});
export type InboxListQuery = Static<typeof InboxListQuery>;

export const InboxItemParams = S.object({ id: Type.String({ format: 'uuid' }) });

const Instant = Type.String({ format: 'date-time' });

export const InboxItemSchema = Type.Object({
  id: Type.String(),
  kind: S.literals(['todo', 'message'] as const),
  /** Rendered in the reader's language from the stored code and parameters. */
  text: Type.String(),
  code: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  readAt: Type.Union([Instant, Type.Null()]),
  doneAt: Type.Union([Instant, Type.Null()]),
  doneBy: Type.Union([S.literals(['user', 'record'] as const), Type.Null()]),
});
export type InboxItem = Static<typeof InboxItemSchema>;

export const InboxPageSchema = Type.Object({
  items: Type.Array(InboxItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const InboxSummarySchema = Type.Object({
  unread: Type.Integer({ description: 'items not read yet' }),
  openTodos: Type.Integer({ description: 'to-dos not done yet' }),
});

export const ReadAllSchema = Type.Object({ updated: Type.Integer() });
