import { type Static, Type } from 'typebox';
import { S } from '../http/schema.ts';

const text = (description: string, maxLength = 200) => Type.String({ minLength: 1, maxLength, description });

/** Filters shared by the search and the export, so an export is exactly what the screen showed. */
const filters = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Occurred at or after (ISO 8601)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Occurred before (ISO 8601)' })),
  eventType: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[a-z0-9_.-]+\\*?$',
      description: "Exact type, or a prefix: ending in '.' ('auth.') or '*' ('pii.rev*')",
    }),
  ),
  actorId: Type.Optional(text('Who acted (user id)')),
  objectType: Type.Optional(text('Kind of object acted on', 100)),
  objectId: Type.Optional(text('Object acted on')),
  outcome: Type.Optional(S.literals(['success', 'failure'] as const)),
  q: Type.Optional(text('Text in the actor name or object id', 100)),
};

export const AuditSearchQuery = S.object({ ...filters, ...S.page() });
export type AuditSearchQueryDto = Static<typeof AuditSearchQuery>;

export const AuditExportQuery = S.object({
  ...filters,
  format: Type.Optional(S.literals(['xlsx', 'csv'] as const, { description: 'Default xlsx' })),
});
export type AuditExportQueryDto = Static<typeof AuditExportQuery>;

const nullableText = Type.Union([Type.String(), Type.Null()]);

/** Every stored field of an audit row, the hashes included: auditors recompute them. Nothing else. */
export const AuditEventSchema = Type.Object({
  regionCode: Type.String(),
  seq: Type.Integer(),
  id: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorId: nullableText,
  actorName: nullableText,
  actorRoles: Type.Array(Type.String()),
  sessionId: nullableText,
  requestId: nullableText,
  sourceIp: nullableText,
  userAgent: nullableText,
  eventType: Type.String(),
  objectType: nullableText,
  objectId: nullableText,
  action: Type.String(),
  outcome: S.literals(['success', 'failure'] as const),
  reasonCode: nullableText,
  details: Type.Record(Type.String(), Type.Unknown()),
  chain: Type.Integer({ description: 'Which of the county’s parallel hash chains the row is on' }),
  prevSeq: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The previous row on the same chain; null on rows from the one-chain days (seq − 1)',
  }),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type AuditEventDto = Static<typeof AuditEventSchema>;

/** The row in words, in the reader's language (audit-display.ts); the stored fields beside it stay as stored. */
export const AuditDisplaySchema = Type.Object({
  event: Type.String({ description: "The event type's name ('立案'), or the type as stored when undeclared" }),
  outcome: Type.String(),
  actor: Type.String({ description: 'The person; 公众 for the residents’ pages (no session); 系统 for jobs' }),
  roles: Type.Array(Type.String()),
  object: Type.Union([Type.String(), Type.Null()], {
    description: "'案件 2026-00001234', '账号 李华（chuangwenban）'",
  }),
});

export const AuditPageSchema = Type.Object({
  items: Type.Array(Type.Object({ ...AuditEventSchema.properties, display: AuditDisplaySchema })),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ChainVerificationSchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  lastSeq: Type.Integer(),
  firstBadSeq: Type.Optional(Type.Integer()),
  problem: Type.Optional(S.literals(['hash_mismatch', 'broken_link', 'gap', 'head_mismatch'] as const)),
});
