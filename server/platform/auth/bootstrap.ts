import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { passwordFieldError } from './change-password.ts';
import { createAccount } from './create-user.ts';
import { judgePassword } from './password-policy.ts';
import { hasActiveSystemAdministrator } from './roles.store.ts';
import { findUserByLogin } from './users.store.ts';

export class NoSystemAdministratorError extends Error {
  constructor() {
    super(
      'No system administrator with a password exists. Create the three administrators first (no built-in account has a known password):\n' +
        '  WENMING_ADMIN_PASSWORD=… node bin/wenming.js admin create --login <id> --name <name> --role sys_admin   (and sec_admin, audit_admin)',
    );
  }
}

/** AUTH-01: a production start refuses to run until a system administrator's password has been set. */
export async function assertSystemAdministratorExists(db: Db, countyCode: string): Promise<void> {
  if (!(await hasActiveSystemAdministrator(db, countyCode))) throw new NoSystemAdministratorError();
}

/** `wenming admin create`: one of the three administrators, from the console (the first one can come no other way). */
export async function createAdministrator(
  ctx: Ctx,
  input: { loginId: string; displayName: string; role: 'sys_admin' | 'sec_admin' | 'audit_admin'; password: string },
) {
  const verdict = judgePassword(input.password, ctx.security.policy, {
    loginId: input.loginId,
    displayName: input.displayName,
  });
  if (verdict.problems.length > 0) throw passwordFieldError('password', verdict, ctx.security.policy);
  if (await findUserByLogin(ctx.db, ctx.countyCode, input.loginId))
    throw AppError.field('loginId', 'users.login_taken');
  return tx(ctx, async (t) => {
    // Administrators enrol MFA at first sign-in (their roles require it); the password itself is theirs, not temporary.
    const user = await createAccount(t, {
      ...input,
      scopeRegion: t.countyCode,
      mustChangePassword: false,
      roles: [input.role],
    });
    await recordAudit(t, {
      eventType: 'users.create',
      action: 'create_administrator',
      objectType: 'user',
      objectId: user.id,
      details: { role: input.role },
    });
    return user;
  });
}
