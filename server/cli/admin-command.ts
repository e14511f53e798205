import { type Config, keyringFor } from '../config.ts';
import { createAdministrator } from '../platform/auth/bootstrap.ts';
import { systemCtx } from '../platform/context.ts';
import { AppError } from '../platform/http/app-error.ts';
import { translate } from '../platform/i18n/translate.ts';
import { openMaintenanceDatabase } from './maintenance-database.ts';

export const adminUsage = `Usage: wenming admin create --login <id> --name <display name> --role sys_admin|sec_admin|audit_admin
  The password is read from WENMING_ADMIN_PASSWORD or, when that is unset, from the first line of standard input.`;

const adminRoles = ['sys_admin', 'sec_admin', 'audit_admin'] as const;

export interface AdminCreateInput {
  login: string | undefined;
  name: string | undefined;
  role: string | undefined;
}

/** Creates one of the three administrators from the console: the way the first account comes to exist. */
export async function adminCommand(input: AdminCreateInput, config: Config): Promise<number> {
  const role = input.role as (typeof adminRoles)[number];
  if (!input.login || !input.name || !adminRoles.includes(role)) {
    console.error(adminUsage);
    return 2;
  }
  const password = process.env.WENMING_ADMIN_PASSWORD ?? (await firstLineOfStdin());
  const keyring = keyringFor(config);
  const database = await openMaintenanceDatabase(config, keyring);
  try {
    const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { requestId: 'cli-admin-create' });
    const user = await createAdministrator(ctx, { loginId: input.login, displayName: input.name, role, password });
    console.log(`Created ${role} "${user.loginId}". It must enrol an authenticator (TOTP) at first sign-in.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const [field, problem] = Object.entries(error.fields)[0] ?? ['', { key: error.messageKey }];
    console.error(
      `${field ? `${field}: ` : ''}${translate('zh', problem.key, { min: 10, max: 128, classes: 3, ...problem.vars })}`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
