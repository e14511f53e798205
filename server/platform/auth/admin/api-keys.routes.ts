import { Type } from 'typebox';
import { routeAccessTable } from '../../access/access.ts';
import { integrationPermissions } from '../../access/integration-permissions.ts';
import { permissionNames } from '../../access/permission-names.ts';
import { permissionCatalogue } from '../../access/permission-catalogue.ts';
import { type DefinedRoute, defineRoute, registerRoutes } from '../../http/define-route.ts';
import type { TypedApp } from '../../module.ts';
import { listApiKeys } from '../api-keys.store.ts';
import { presentApiKey } from './api-key.presenter.ts';
import { ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, GrantableSchema } from './api-keys.schema.ts';
import { createApiKey, revokeApiKeyAudited } from './api-keys.service.ts';
import { UserIdParams } from './users-admin.schema.ts';

const access = { permission: 'apikeys.manage' };
const tags = ['admin'];

const listKeys = defineRoute({
  method: 'GET',
  url: '/api/admin/api-keys',
  summary: 'API keys',
  tags,
  access,
  schema: { response: { 200: Type.Array(ApiKeySchema) } },
  handler: async (request) =>
    (await listApiKeys(request.ctx.db, request.ctx.countyCode)).map((row) => presentApiKey(row, request.ctx.locale)),
});

const grantablePermissions = defineRoute({
  method: 'GET',
  url: '/api/admin/api-keys/permissions',
  summary: 'The permissions an API key may carry',
  tags,
  access,
  schema: { response: { 200: GrantableSchema } },
  handler: async (request) => {
    const integration = [...integrationPermissions()].sort();
    return { integration, names: permissionNames(integration, request.ctx.locale) };
  },
});

/** The app whose routes make the permission catalogue a key's permissions are checked against. */
function createKey(app: TypedApp): DefinedRoute {
  return defineRoute({
    method: 'POST',
    url: '/api/admin/api-keys',
    summary: 'Create an API key (the key is shown once)',
    tags,
    access,
    schema: { body: CreateApiKeyBody, response: { 201: CreatedApiKeySchema } },
    handler: async (request, reply) => {
      const known = permissionCatalogue(routeAccessTable(app));
      const created = await createApiKey(request.ctx, request.body, known);
      return reply.code(201).send({ apiKey: presentApiKey(created.row, request.ctx.locale), key: created.key });
    },
  });
}

const revokeKey = defineRoute({
  method: 'DELETE',
  url: '/api/admin/api-keys/:id',
  summary: 'Revoke an API key',
  tags,
  access,
  schema: { params: UserIdParams, response: { 204: Type.Null() } },
  handler: async (request, reply) => {
    await revokeApiKeyAudited(request.ctx, request.params.id);
    return reply.code(204).send(null);
  },
});

/** API keys for Open311 partners and institutions (安全管理员): hashed at rest, shown once, revocable. */
export function registerApiKeyRoutes(app: TypedApp): void {
  registerRoutes(app, [listKeys, grantablePermissions, createKey(app), revokeKey]);
}
