import { type Static, Type } from 'typebox';
import { S } from '../../http/schema.ts';

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  permissions: Type.Array(Type.String()),
  /** Stored but not in force: not (or no longer) an integration permission, so the key does not get it. */
  ineffectivePermissions: Type.Array(Type.String()),
  /** Each of `permissions` in words, in the reader's language (a code nobody declares, as stored). */
  permissionNames: Type.Record(Type.String(), Type.String()),
  scopeRegion: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export const CreateApiKeyBody = S.object({
  name: Type.String({ minLength: 2, maxLength: 60 }),
  permissions: Type.Array(Type.String({ pattern: '^[a-z0-9_-]+(\\.[a-z0-9_-]+)+$' }), {
    minItems: 1,
    maxItems: 30,
    uniqueItems: true,
  }),
  scopeRegion: S.regionCode(),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type CreateApiKeyInput = Static<typeof CreateApiKeyBody>;

export const CreatedApiKeySchema = Type.Object({ apiKey: ApiKeySchema, key: Type.String() });

export const GrantableSchema = Type.Object({
  integration: Type.Array(Type.String(), { description: 'What a key may carry (the integration allowlist)' }),
  names: Type.Record(Type.String(), Type.String(), { description: "Each of them in words, in the reader's language" }),
});
