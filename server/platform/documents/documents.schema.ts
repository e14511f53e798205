import { type Static, Type } from 'typebox';
import { S } from '../http/schema.ts';

const bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const VerifyParams = S.object({ code: Type.String({ maxLength: 200 }) });

/** What the public verification page shows: nothing personal beyond the kind's declared public fields. */
export const VerificationSchema = Type.Object({
  code: Type.String(),
  kind: Type.String(),
  kindTitle: bilingual,
  title: Type.String(),
  issuer: Type.Object({ organ: Type.String(), department: nullable(Type.String()) }),
  issuedAt: Type.String({ format: 'date-time' }),
  contentSha256: Type.String(),
  status: S.literals(['issued', 'revoked'] as const),
  revokedAt: nullable(Type.String({ format: 'date-time' })),
  revokeReason: nullable(Type.String()),
  publicFields: Type.Array(Type.Object({ label: bilingual, value: Type.String() })),
});
export type VerificationDto = Static<typeof VerificationSchema>;

export const RevokeParams = S.object({ code: Type.String({ maxLength: 200 }) });
export const RevokeBody = S.object({ reason: Type.String({ minLength: 2, maxLength: 200 }) });

/** An issued document as its record's page lists it (staff only). */
export const IssuedDocumentSchema = Type.Object({
  code: Type.String(),
  kind: Type.String(),
  kindTitle: bilingual,
  title: Type.String(),
  issuedAt: Type.String({ format: 'date-time' }),
  contentSha256: Type.String(),
  status: S.literals(['issued', 'revoked'] as const),
  revokedAt: nullable(Type.String({ format: 'date-time' })),
  revokeReason: nullable(Type.String()),
  /** Whether the reader may revoke it (the kind's revoke permission). */
  revocable: Type.Boolean(),
});
export type IssuedDocumentDto = Static<typeof IssuedDocumentSchema>;
export const IssuedDocumentListSchema = Type.Object({ items: Type.Array(IssuedDocumentSchema) });
