import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { foldCode } from '../imports/cell-parsers.ts';
import { defineImportKind, type ImportRow, type RowIssue } from '../imports/import-kind.ts';
import { listSubtreeLevel } from '../regions/regions.store.ts';
import { isInSubtree } from '../regions/region-scope.ts';
import { validateMobile } from '../validation/mobile.ts';
import { takenLoginKeys } from './accounts-import.store.ts';
import { temporaryPassword } from './admin/temporary-password.ts';
import { createAccount } from './create-user.ts';
import { hashPassword } from './passwords.ts';
import { listRoles } from './roles.store.ts';
import { loginKeyOf } from './users.store.ts';

/**
 * 批量导入账号: the staff accounts a county needs on day one, from a spreadsheet. The same rules as the system
 * administrator's one-by-one create (users-admin.service.ts): the login name unique in the county, the data
 * scope inside the importer's own, the phone validated and sealed (encrypted with its blind index), a one-time
 * password the person must change at first sign-in. Roles: only business roles (三员 accounts are created one
 * by one), and only when the importer may assign roles — 三员分立 keeps account creation (系统管理员) and role
 * grants (安全管理员) apart, so a system administrator leaves the column empty and the security administrator
 * grants the roles afterwards.
 */

interface AccountsReference {
  /** Region codes and names (townships and villages of the county, and the county) → code; null when ambiguous. */
  regions: ReadonlyMap<string, string | null>;
  /** Role keys and names (zh/en) → key, business roles only; admin roles by key → null. */
  roles: ReadonlyMap<string, string | null>;
  roleKeys: readonly string[];
  scopeRegion: string;
  mayGrantRoles: boolean;
  /** Today in Asia/Shanghai (YYYY-MM-DD): an expiry date must be later. */
  today: string;
}

const loginPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/;

async function loadReference(ctx: Ctx): Promise<AccountsReference> {
  const county = ctx.countyCode;
  const places = [
    ...(await listSubtreeLevel(ctx.db, county, 'county')),
    ...(await listSubtreeLevel(ctx.db, county, 'township')),
    ...(await listSubtreeLevel(ctx.db, county, 'village')),
  ];
  const regions = new Map<string, string | null>();
  for (const place of places) {
    regions.set(place.code, place.code);
    regions.set(place.name, regions.has(place.name) && regions.get(place.name) !== place.code ? null : place.code);
  }
  const roles = new Map<string, string | null>();
  const known = await listRoles(ctx.db, county);
  for (const role of known)
    for (const name of [role.key, role.nameZh, role.nameEn])
      roles.set(name.toLowerCase(), role.adminKind ? null : role.key);
  const today = new Date(ctx.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    regions,
    roles,
    roleKeys: known.filter((r) => !r.adminKind).map((r) => r.key),
    scopeRegion: ctx.actor!.scopeRegion,
    mayGrantRoles: ctx.actor!.permissions.has('roles.grant'),
    today,
  };
}

/** A region as written: a name as is, a code also in full-width digits. */
function regionOf(value: string, ref: AccountsReference): string | null | undefined {
  return ref.regions.get(value) ?? ref.regions.get(foldCode(value));
}

function regionIssues(value: string, ref: AccountsReference): RowIssue[] {
  const code = regionOf(value, ref);
  if (code === undefined) return [{ column: 'region', code: 'users.import.region_unknown', params: { region: value } }];
  if (code === null) return [{ column: 'region', code: 'users.import.region_ambiguous', params: { region: value } }];
  return isInSubtree(code, ref.scopeRegion) ? [] : [{ column: 'region', code: 'users.scope_outside' }];
}

function roleIssues(roles: readonly string[], ref: AccountsReference): RowIssue[] {
  if (roles.length === 0) return [];
  if (!ref.mayGrantRoles) return [{ column: 'roles', code: 'users.import.roles_need_grant' }];
  for (const role of roles) {
    const key = ref.roles.get(role.toLowerCase());
    if (key === undefined) return [{ column: 'roles', code: 'users.import.role_unknown', params: { role } }];
    if (key === null) return [{ column: 'roles', code: 'users.import.role_admin' }];
  }
  return [];
}

function checkAccount(row: ImportRow, ref: AccountsReference): RowIssue[] {
  const issues: RowIssue[] = [];
  if (!loginPattern.test(row.loginId as string)) issues.push({ column: 'loginId', code: 'users.import.login_invalid' });
  if (row.phone !== null) {
    const phone = validateMobile(row.phone);
    if (!phone.ok) issues.push({ column: 'phone', code: phone.reason });
  }
  issues.push(...regionIssues(row.region as string, ref), ...roleIssues((row.roles as string[] | null) ?? [], ref));
  if (row.expiresOn !== null && (row.expiresOn as string) <= ref.today)
    issues.push({ column: 'expiresOn', code: 'users.import.expiry_past' });
  return issues;
}

/** The end of the expiry day in Asia/Shanghai, as the instant the account stops working. */
function expiryInstant(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59+08:00`));
}

export const accountsImport = defineImportKind<AccountsReference>({
  key: 'auth.accounts',
  title: { zh: '账号', en: 'Accounts' },
  permission: 'users.manage',
  columns: [
    {
      key: 'loginId',
      header: { zh: '用户名', en: 'Username' },
      required: true,
      type: 'code',
      maxLength: 40,
      example: 'zhangwei',
      note: {
        zh: '登录用，3–40 位字母、数字或 . _ -，全县唯一',
        en: 'For signing in: 3–40 letters, digits or . _ -, unique in the county',
      },
    },
    {
      key: 'displayName',
      header: { zh: '姓名', en: 'Name' },
      required: true,
      type: 'text',
      maxLength: 40,
      example: '张伟',
    },
    {
      key: 'phone',
      header: { zh: '手机号', en: 'Mobile' },
      type: 'code',
      maxLength: 20,
      example: '13912345678',
      note: { zh: '加密保存，列表中只显示 139****5678', en: 'Stored encrypted; lists show 139****5678' },
    },
    {
      key: 'region',
      header: { zh: '乡镇/区域', en: 'Township or area' },
      required: true,
      type: 'text',
      maxLength: 40,
      example: '霞阳镇',
      note: {
        zh: '数据范围：县、乡镇或村的名称或区划代码',
        en: 'Data scope: the county, a township or a village, by name or region code',
      },
    },
    { key: 'department', header: { zh: '部门', en: 'Department' }, type: 'text', maxLength: 60, example: '城管局' },
    {
      key: 'roles',
      header: { zh: '角色', en: 'Roles' },
      type: 'list',
      maxLength: 40,
      example: 'dispatcher',
      note: {
        zh: '可留空；多个用逗号分隔；须有“分配角色”权限',
        en: 'May be empty; several separated by commas; needs the "Assign roles" permission',
      },
    },
    {
      key: 'expiresOn',
      header: { zh: '账号到期日', en: 'Expires on' },
      type: 'date',
      example: '2026-12-31',
      note: { zh: '临时账号填写；到期当日 24 时停用', en: 'For temporary accounts; stops at the end of that day' },
    },
  ],
  reference: loadReference,
  options: (ref) => ({ roles: ref.roleKeys }),
  checkRow: checkAccount,
  unique: {
    column: 'loginId',
    keyOf: (row) => loginKeyOf(row.loginId as string),
    existing: (t, keys) => takenLoginKeys(t.db, t.countyCode, keys),
  },
  async commit(t, rows, ref) {
    // Hash before writing (Argon2id runs on the thread pool, the batch's hashes side by side).
    const accounts = await Promise.all(
      rows.map(async (row) => {
        const password = temporaryPassword();
        return { row, password, hash: await hashPassword(password) };
      }),
    );
    for (const { row, hash } of accounts) {
      const values = row.values;
      const roles = ((values.roles as string[] | null) ?? []).map((role) => ref.roles.get(role.toLowerCase())!);
      const user = await createAccount(t, {
        loginId: values.loginId as string,
        displayName: values.displayName as string,
        scopeRegion: regionOf(values.region as string, ref)!,
        department: (values.department as string | null) ?? null,
        phone: values.phone === null ? null : (validateMobile(values.phone) as { value: string }).value,
        passwordHash: hash,
        mustChangePassword: true,
        roles,
        expiresAt: values.expiresOn === null ? null : expiryInstant(values.expiresOn as string),
      });
      await recordAudit(t, {
        eventType: 'users.create',
        action: 'create',
        objectType: 'user',
        objectId: user.id,
        details: {
          via: 'import',
          row: row.rowNumber,
          fields: Object.keys(values).filter((k) => values[k] !== null),
          roles,
        },
      });
    }
    return {
      handouts: accounts.map(({ row, password }) => ({
        rowNumber: row.rowNumber,
        label: row.values.loginId as string,
        secret: password,
      })),
    };
  },
});
