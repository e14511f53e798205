import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import { routeAccessTable } from '../../access/access.ts';
import { effectiveKeyPermissions, integrationPermissions } from '../../access/integration-permissions.ts';
import { permissionCatalogue } from '../../access/permission-catalogue.ts';
import { recordAudit } from '../../audit/audit.ts';
import { tx } from '../../db/tx.ts';
import { AppError } from '../../http/app-error.ts';
import { S } from '../../http/schema.ts';
import type { TypedApp } from '../../module.ts';
import { isInSubtree } from '../../regions/region-scope.ts';
import { newApiKey } from '../api-key-token.ts';
import { type ApiKeyRow, insertApiKey, listApiKeys, revokeApiKey } from '../api-keys.store.ts';
import { UserIdParams } from './users-admin.schema.ts';

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  permissions: Type.Array(Type.String()),
  /** Stored but not in force: not (or no longer) an integration permission, so the key does not get it. */
  ineffectivePermissions: Type.Array(Type.String()),
  scopeRegion: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

const CreateApiKeyBody = S.object({
  name: Type.String({ minLength: 2, maxLength: 60 }),
  permissions: Type.Array(Type.String({ pattern: '^[a-z0-9_-]+(\\.[a-z0-9_-]+)+$' }), {
    minItems: 1,
    maxItems: 30,
    uniqueItems: true,
  }),
  scopeRegion: S.regionCode(),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
});

const GrantableSchema = Type.Object({
  integration: Type.Array(Type.String(), { description: 'What a key may carry (the integration allowlist)' }),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
function present(row: ApiKeyRow) {
  const { id, name, keyPrefix, permissions, scopeRegion, createdAt, expiresAt, revokedAt, lastUsedAt } = row;
  const effective = new Set(effectiveKeyPermissions(permissions));
  const ineffectivePermissions = permissions.filter((p) => !effective.has(p)).sort();
  return {
    id,
    name,
    prefix: keyPrefix,
    permissions,
    ineffectivePermissions,
    scopeRegion,
    createdAt: createdAt.toISOString(),
    expiresAt: iso(expiresAt),
    revokedAt: iso(revokedAt),
    lastUsedAt: iso(lastUsedAt),
  };
}

/**
 * A key carries integration permissions only (issue 9 item 2): a made-up permission and a person's one
 * (reveal, export, administration — 三员分立) are refused on the entry that names them.
 */
function checkKeyPermissions(app: FastifyInstance, permissions: readonly string[]): void {
  const allowed = integrationPermissions();
  const known = permissionCatalogue(routeAccessTable(app));
  permissions.forEach((permission, index) => {
    if (!known.has(permission))
      throw AppError.field(`permissions.${index}`, 'apikeys.permission_unknown', { permission });
    if (!allowed.has(permission))
      throw AppError.field(`permissions.${index}`, 'apikeys.permission_needs_person', { permission });
  });
}

const errors = { 400: S.error(), 401: S.error(), 403: S.error(), 404: S.error() };
const access = { permission: 'apikeys.manage' };
const tags = ['admin'];

/** API keys for Open311 partners and institutions (安全管理员): hashed at rest, shown once, revocable. */
export function registerApiKeyRoutes(app: TypedApp): void {
  app.get(
    '/api/admin/api-keys',
    {
      config: { access },
      schema: { tags, summary: 'API keys', response: { 200: Type.Array(ApiKeySchema), ...errors } },
    },
    async (request) => (await listApiKeys(request.ctx.db, request.ctx.countyCode)).map(present),
  );

  app.get(
    '/api/admin/api-keys/permissions',
    {
      config: { access },
      schema: { tags, summary: 'The permissions an API key may carry', response: { 200: GrantableSchema, ...errors } },
    },
    async () => ({ integration: [...integrationPermissions()].sort() }),
  );

  app.post(
    '/api/admin/api-keys',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Create an API key (the key is shown once)',
        body: CreateApiKeyBody,
        response: { 201: Type.Object({ apiKey: ApiKeySchema, key: Type.String() }), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx;
      const body = request.body;
      checkKeyPermissions(app, body.permissions);
      if (!isInSubtree(body.scopeRegion, ctx.actor!.scopeRegion))
        throw AppError.field('scopeRegion', 'users.scope_outside');
      const generated = newApiKey();
      const row: ApiKeyRow = {
        regionCode: ctx.countyCode,
        id: randomUUID(),
        name: body.name,
        keyPrefix: generated.prefix,
        secretHash: generated.secretHash,
        permissions: body.permissions,
        scopeRegion: body.scopeRegion,
        createdBy: ctx.actor!.id,
        createdAt: ctx.clock(),
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        revokedAt: null,
        lastUsedAt: null,
      };
      await tx(ctx, async (t) => {
        await insertApiKey(t.db, row);
        await recordAudit(t, {
          eventType: 'apikeys.create',
          action: 'create',
          objectType: 'api_key',
          objectId: row.id,
          details: { permissions: body.permissions },
        });
      });
      return reply.code(201).send({ apiKey: present(row), key: generated.key });
    },
  );

  app.delete(
    '/api/admin/api-keys/:id',
    {
      config: { access },
      schema: { tags, summary: 'Revoke an API key', params: UserIdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await tx(request.ctx, async (t) => {
        if (!(await revokeApiKey(t.db, t.countyCode, request.params.id, t.clock())))
          throw AppError.notFound('what.api_key');
        await recordAudit(t, {
          eventType: 'apikeys.revoke',
          action: 'revoke',
          objectType: 'api_key',
          objectId: request.params.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
