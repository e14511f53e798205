import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { Ctx } from '../../context.ts';
import { permissionNames } from '../../access/permission-names.ts';
import { defineRoute, registerRoutes } from '../../http/define-route.ts';
import type { TypedApp } from '../../module.ts';
import { findRegion, regionNamesOf } from '../../regions/regions.store.ts';
import { listRoles, roleKeysOfUsers, rolesOfUser } from '../roles.store.ts';
import { listUsers, type UserRow } from '../users.store.ts';
import { presentUser } from './user.presenter.ts';
import {
  CreatedUserSchema,
  CreateUserBody,
  RoleSchema,
  SetRolesBody,
  SetRolesResultSchema,
  TemporaryPasswordSchema,
  UpdateUserBody,
  UserIdParams,
  UserListQuery,
  UserPageSchema,
  UserSchema,
} from './users-admin.schema.ts';
import {
  createUser,
  resetPassword,
  setUserRoles,
  unlockUser,
  updateUserAccount,
  userInScope,
} from './users-admin.service.ts';

const tags = ['admin'];

async function present(ctx: Ctx, user: UserRow) {
  const [roles, region] = await Promise.all([
    rolesOfUser(ctx.db, ctx.countyCode, user.id),
    findRegion(ctx.db, user.scopeRegion),
  ]);
  return presentUser(
    user,
    roles.map((r) => r.key),
    region?.name ?? user.scopeRegion,
    ctx.keyring,
    ctx.clock(),
  );
}

/** A page of the accounts in the actor's scope: two queries for the page (roles, region names), not two per account. */
async function presentUserPage(ctx: Ctx, query: Static<typeof UserListQuery>) {
  const { q, status, page = 1, pageSize = 20 } = query;
  const result = await listUsers(ctx.db, ctx.countyCode, {
    scopeRoot: ctx.actor!.scopeRegion,
    q,
    status,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const ids = result.items.map((u) => u.id);
  const roles = await roleKeysOfUsers(ctx.db, ctx.countyCode, ids);
  const names = await regionNamesOf(
    ctx.db,
    result.items.map((u) => u.scopeRegion),
  );
  const now = ctx.clock();
  const items = result.items.map((u) =>
    presentUser(u, roles.get(u.id) ?? [], names.get(u.scopeRegion) ?? u.scopeRegion, ctx.keyring, now),
  );
  return { items, total: result.total, page, pageSize };
}

const listAccounts = defineRoute({
  method: 'GET',
  url: '/api/admin/users',
  summary: 'Accounts in my scope',
  tags,
  access: { permission: 'users.read' },
  schema: { querystring: UserListQuery, response: { 200: UserPageSchema } },
  handler: async (request) => presentUserPage(request.ctx, request.query),
});

const readAccount = defineRoute({
  method: 'GET',
  url: '/api/admin/users/:id',
  summary: 'One account',
  tags,
  access: { permission: 'users.read' },
  schema: { params: UserIdParams, response: { 200: UserSchema } },
  handler: async (request) => present(request.ctx, await userInScope(request.ctx, request.params.id)),
});

const createAccount = defineRoute({
  method: 'POST',
  url: '/api/admin/users',
  summary: 'Create an account (temporary password shown once)',
  tags,
  access: { permission: 'users.manage' },
  schema: { body: CreateUserBody, response: { 201: CreatedUserSchema } },
  handler: async (request, reply) => {
    const created = await createUser(request.ctx, request.body);
    const user = await present(request.ctx, created.user);
    return reply.code(201).send({ user, temporaryPassword: created.temporaryPassword });
  },
});

const updateAccount = defineRoute({
  method: 'PATCH',
  url: '/api/admin/users/:id',
  summary: 'Edit, disable or enable an account',
  tags,
  access: { permission: 'users.manage' },
  schema: { params: UserIdParams, body: UpdateUserBody, response: { 200: UserSchema } },
  handler: async (request) =>
    present(request.ctx, await updateUserAccount(request.ctx, request.params.id, request.body)),
});

const resetAccountPassword = defineRoute({
  method: 'POST',
  url: '/api/admin/users/:id/reset-password',
  summary: 'Reset to a temporary password',
  tags,
  access: { permission: 'users.manage' },
  schema: { params: UserIdParams, response: { 200: TemporaryPasswordSchema } },
  handler: async (request) => ({ temporaryPassword: await resetPassword(request.ctx, request.params.id) }),
});

const unlockAccount = defineRoute({
  method: 'POST',
  url: '/api/admin/users/:id/unlock',
  summary: 'Lift a sign-in lock',
  tags,
  access: { permission: 'users.unlock' },
  schema: { params: UserIdParams, response: { 204: Type.Null() } },
  handler: async (request, reply) => {
    await unlockUser(request.ctx, request.params.id);
    return reply.code(204).send(null);
  },
});

const setAccountRoles = defineRoute({
  method: 'PUT',
  url: '/api/admin/users/:id/roles',
  summary: "Set an account's roles (warnings: maker ≠ checker overlaps)",
  tags,
  access: { permission: 'roles.grant' },
  schema: { params: UserIdParams, body: SetRolesBody, response: { 200: SetRolesResultSchema } },
  handler: async (request) => {
    const { user, warnings } = await setUserRoles(request.ctx, request.params.id, request.body.roles);
    return { ...(await present(request.ctx, user)), warnings };
  },
});

const listRoleDefinitions = defineRoute({
  method: 'GET',
  url: '/api/admin/roles',
  summary: 'Roles and their permissions',
  tags,
  access: { permission: 'roles.read' },
  schema: { response: { 200: Type.Array(RoleSchema) } },
  handler: async (request) =>
    (await listRoles(request.ctx.db, request.ctx.countyCode)).map(
      ({ key, nameZh, nameEn, permissions, builtin, adminKind, requiresMfa }) => ({
        key,
        nameZh,
        nameEn,
        permissions,
        permissionNames: permissionNames(permissions, request.ctx.locale),
        builtin,
        adminKind,
        requiresMfa,
      }),
    ),
});

/** Accounts (系统管理员: create, edit, disable, reset) and their roles (安全管理员: grant, unlock). */
export function registerUserAdminRoutes(app: TypedApp): void {
  registerRoutes(app, [
    listAccounts,
    readAccount,
    createAccount,
    updateAccount,
    resetAccountPassword,
    unlockAccount,
    setAccountRoles,
    listRoleDefinitions,
  ]);
}
