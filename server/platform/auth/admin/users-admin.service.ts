import { requireInScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { tx } from '../../db/tx.ts';
import { AppError } from '../../http/app-error.ts';
import { translate } from '../../i18n/translate.ts';
import { blindIndexOf, encryptColumnValue } from '../../pii/column-crypto.ts';
import { findRegion } from '../../regions/regions.store.ts';
import { isInSubtree } from '../../regions/region-scope.ts';
import { validateMobile } from '../../validation/mobile.ts';
import { createAccount } from '../create-user.ts';
import { hashPassword } from '../passwords.ts';
import {
  countHoldersOfAdminKind,
  grantRole,
  listRoles,
  type RoleRow,
  revokeRole,
  rolesOfUser,
} from '../roles.store.ts';
import { deleteSessionsOfUser } from '../sessions.store.ts';
import { findUserById, findUserByLogin, findUserInScope, updateUser, type UserRow } from '../users.store.ts';
import {
  assertKeepsAdministrators,
  assertRoleAssignment,
  type MakerCheckerOverlap,
  makerCheckerOverlaps,
} from './roles.policy.ts';
import { temporaryPassword } from './temporary-password.ts';
import type { UpdateUserInput } from './users-admin.schema.ts';

/** A user inside the actor's scope, or 404 (another township's account does not exist for this actor). */
export function userInScope(ctx: Ctx, id: string): Promise<UserRow> {
  return requireInScope(
    ctx,
    { objectType: 'user', objectId: id, what: 'what.user' },
    () => findUserInScope(ctx.db, ctx.countyCode, id, ctx.actor!.scopeRegion),
    async () => (await findUserById(ctx.db, ctx.countyCode, id)) !== undefined,
  );
}

async function assertScope(ctx: Ctx, scopeRegion: string): Promise<void> {
  if (!isInSubtree(scopeRegion, ctx.actor!.scopeRegion)) throw AppError.field('scopeRegion', 'users.scope_outside');
  if (!(await findRegion(ctx.db, scopeRegion)))
    throw AppError.field('scopeRegion', 'error.not_found', { what: 'what.region' });
}

function checkedPhone(phone: string): string {
  const result = validateMobile(phone);
  if (!result.ok) throw AppError.field('phone', result.reason);
  return result.value;
}

export async function createUser(
  ctx: Ctx,
  input: {
    loginId: string;
    displayName: string;
    scopeRegion: string;
    department?: string | undefined;
    phone?: string | undefined;
    expiresAt?: string | undefined;
  },
) {
  await assertScope(ctx, input.scopeRegion);
  if (await findUserByLogin(ctx.db, ctx.countyCode, input.loginId))
    throw AppError.field('loginId', 'users.login_taken');
  const password = temporaryPassword();
  const user = await tx(ctx, async (t) => {
    const created = await createAccount(t, {
      loginId: input.loginId,
      displayName: input.displayName,
      scopeRegion: input.scopeRegion,
      department: input.department ?? null,
      phone: input.phone ? checkedPhone(input.phone) : null,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      password,
      mustChangePassword: true,
    });
    await recordAudit(t, {
      eventType: 'users.create',
      action: 'create',
      objectType: 'user',
      objectId: created.id,
      details: { fields: Object.keys(input) },
    });
    return created;
  });
  return { user, temporaryPassword: password };
}

export async function updateUserAccount(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserRow> {
  const user = await userInScope(ctx, id);
  if (input.scopeRegion) await assertScope(ctx, input.scopeRegion);
  if (input.status === 'disabled' && user.id === ctx.actor!.id) throw AppError.field('status', 'users.not_self');
  const phone = input.phone === undefined ? undefined : input.phone === null ? null : checkedPhone(input.phone);
  return tx(ctx, async (t) => {
    const now = t.clock();
    await updateUser(t.db, t.countyCode, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.scopeRegion !== undefined ? { scopeRegion: input.scopeRegion } : {}),
      ...(input.department !== undefined ? { department: input.department } : {}),
      ...statusChange(input.status, user, now),
      ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt ? new Date(input.expiresAt) : null } : {}),
      ...(phone !== undefined
        ? {
            phoneEnc: phone && encryptColumnValue(t.keyring, 'app_user', 'phone_enc', phone),
            phoneHmac: phone && blindIndexOf(t.keyring, 'app_user', 'phone_enc', phone),
          }
        : {}),
      updatedAt: now,
    });
    // Disabling an account ends its sessions at once rather than at their next request.
    if (input.status === 'disabled') await deleteSessionsOfUser(t.db, t.countyCode, id);
    await recordAudit(t, {
      eventType: 'users.update',
      action: 'update',
      objectType: 'user',
      objectId: id,
      details: { fields: Object.keys(input) },
    });
    return (await findUserById(t.db, t.countyCode, id))!;
  });
}

/**
 * A change of status by hand clears the system's reason (AC-05 disables with 'inactive') and restarts the
 * inactivity count, so a re-enabled account is not disabled again by the next nightly run.
 */
function statusChange(status: UpdateUserInput['status'], user: UserRow, now: Date) {
  if (status === undefined) return {};
  if (status === user.status) return { status };
  return { status, statusChangedAt: now, disabledReason: null };
}

export async function resetPassword(ctx: Ctx, id: string): Promise<string> {
  const user = await userInScope(ctx, id);
  // One's own password is changed with the current one (POST /api/auth/password), never reset by oneself.
  if (user.id === ctx.actor!.id) throw AppError.field('id', 'users.not_self');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await tx(ctx, async (t) => {
    const now = t.clock();
    const history = [user.passwordHash, ...user.passwordHistory]
      .filter((h): h is string => !!h)
      .slice(0, t.security.policy.historyCount);
    await updateUser(t.db, t.countyCode, id, {
      passwordHash: hash,
      passwordHistory: history,
      passwordChangedAt: now,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await deleteSessionsOfUser(t.db, t.countyCode, id);
    await recordAudit(t, {
      eventType: 'users.reset_password',
      action: 'reset_password',
      objectType: 'user',
      objectId: id,
    });
  });
  return password;
}

export async function unlockUser(ctx: Ctx, id: string): Promise<void> {
  await userInScope(ctx, id);
  await tx(ctx, async (t) => {
    await updateUser(t.db, t.countyCode, id, { failedLogins: 0, lockedUntil: null, updatedAt: t.clock() });
    await recordAudit(t, { eventType: 'users.unlock', action: 'unlock', objectType: 'user', objectId: id });
  });
}

/** A grant that went through but deserves a second look (maker ≠ checker), in the caller's language. */
export interface RoleGrantWarning {
  code: 'maker_checker';
  step: string;
  message: string;
}

function overlapWarning(ctx: Ctx, overlap: MakerCheckerOverlap): RoleGrantWarning {
  const name = (r: RoleRow) => (ctx.locale === 'en' ? r.nameEn : r.nameZh);
  const roles = [...new Set([...overlap.makerRoles, ...overlap.checkerRoles])]
    .map(name)
    .join(ctx.locale === 'en' ? ', ' : '、');
  const message = translate(ctx.locale, 'access.maker_checker_grant', {
    maker: overlap.pair.makerLabel,
    checker: overlap.pair.checkerLabel,
    roles,
  });
  return { code: 'maker_checker', step: overlap.pair.step, message };
}

export async function setUserRoles(
  ctx: Ctx,
  id: string,
  requested: readonly string[],
): Promise<{ user: UserRow; warnings: RoleGrantWarning[] }> {
  const user = await userInScope(ctx, id);
  const known = await listRoles(ctx.db, ctx.countyCode);
  assertRoleAssignment(ctx.actor!, id, requested, known);
  const overlaps = makerCheckerOverlaps(requested, known);
  return tx(ctx, async (t) => {
    const current = await rolesOfUser(t.db, t.countyCode, id);
    await assertKeepsAdministrators(current, requested, (kind) => countHoldersOfAdminKind(t.db, t.countyCode, kind));
    const now = t.clock();
    const removed = current.filter((r) => !requested.includes(r.key)).map((r) => r.key);
    const added = requested.filter((key) => !current.some((r) => r.key === key));
    for (const key of removed) await revokeRole(t.db, t.countyCode, id, key);
    for (const key of added) await grantRole(t.db, t.countyCode, id, key, t.actor!.id, now);
    // New permissions take effect at the next request; removed ones too, since sessions re-read roles each time.
    const makerChecker = overlaps.map((o) => o.pair.step);
    await recordAudit(t, {
      eventType: 'roles.assign',
      action: 'assign',
      objectType: 'user',
      objectId: id,
      details: { added, removed, ...(makerChecker.length > 0 ? { makerChecker } : {}) },
    });
    return { user, warnings: overlaps.map((o) => overlapWarning(t, o)) };
  });
}
