import { Type } from 'typebox';
import type { Ctx } from '../../context.ts';
import { S } from '../../http/schema.ts';
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
const errors = { 400: S.error(), 401: S.error(), 403: S.error(), 404: S.error() };
const noContent = { 204: Type.Null(), ...errors };

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

/** Accounts (系统管理员: create, edit, disable, reset) and their roles (安全管理员: grant, unlock). */
export function registerUserAdminRoutes(app: TypedApp): void {
  app.get(
    '/api/admin/users',
    {
      config: { access: { permission: 'users.read' } },
      schema: {
        tags,
        summary: 'Accounts in my scope',
        querystring: UserListQuery,
        response: { 200: UserPageSchema, ...errors },
      },
    },
    async (request) => {
      const { q, status, page = 1, pageSize = 20 } = request.query;
      const ctx = request.ctx;
      const result = await listUsers(ctx.db, ctx.countyCode, {
        scopeRoot: ctx.actor!.scopeRegion,
        q,
        status,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      // Two queries for the whole page (roles, region names), not two per account.
      const roles = await roleKeysOfUsers(
        ctx.db,
        ctx.countyCode,
        result.items.map((u) => u.id),
      );
      const names = await regionNamesOf(
        ctx.db,
        result.items.map((u) => u.scopeRegion),
      );
      const now = ctx.clock();
      const items = result.items.map((u) =>
        presentUser(u, roles.get(u.id) ?? [], names.get(u.scopeRegion) ?? u.scopeRegion, ctx.keyring, now),
      );
      return { items, total: result.total, page, pageSize };
    },
  );

  app.get(
    '/api/admin/users/:id',
    {
      config: { access: { permission: 'users.read' } },
      schema: { tags, summary: 'One account', params: UserIdParams, response: { 200: UserSchema, ...errors } },
    },
    async (request) => present(request.ctx, await userInScope(request.ctx, request.params.id)),
  );

  app.post(
    '/api/admin/users',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Create an account (temporary password shown once)',
        body: CreateUserBody,
        response: { 201: CreatedUserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createUser(request.ctx, request.body);
      return reply
        .code(201)
        .send({ user: await present(request.ctx, created.user), temporaryPassword: created.temporaryPassword });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Edit, disable or enable an account',
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, await updateUserAccount(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/admin/users/:id/reset-password',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Reset to a temporary password',
        params: UserIdParams,
        response: { 200: TemporaryPasswordSchema, ...errors },
      },
    },
    async (request) => ({ temporaryPassword: await resetPassword(request.ctx, request.params.id) }),
  );

  app.post(
    '/api/admin/users/:id/unlock',
    {
      config: { access: { permission: 'users.unlock' } },
      schema: { tags, summary: 'Lift a sign-in lock', params: UserIdParams, response: noContent },
    },
    async (request, reply) => {
      await unlockUser(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/admin/users/:id/roles',
    {
      config: { access: { permission: 'roles.grant' } },
      schema: {
        tags,
        summary: "Set an account's roles (warnings: maker ≠ checker overlaps)",
        params: UserIdParams,
        body: SetRolesBody,
        response: { 200: SetRolesResultSchema, ...errors },
      },
    },
    async (request) => {
      const { user, warnings } = await setUserRoles(request.ctx, request.params.id, request.body.roles);
      return { ...(await present(request.ctx, user)), warnings };
    },
  );

  app.get(
    '/api/admin/roles',
    {
      config: { access: { permission: 'roles.read' } },
      schema: { tags, summary: 'Roles and their permissions', response: { 200: Type.Array(RoleSchema), ...errors } },
    },
    async (request) =>
      (await listRoles(request.ctx.db, request.ctx.countyCode)).map(
        ({ key, nameZh, nameEn, permissions, builtin, adminKind, requiresMfa }) => ({
          key,
          nameZh,
          nameEn,
          permissions,
          builtin,
          adminKind,
          requiresMfa,
        }),
      ),
  );
}
