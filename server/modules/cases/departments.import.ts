import { recordAudit } from '../../platform/audit/audit.ts';
import { activeAccountsByLogin, loginKeyOf } from '../../platform/auth/login-directory.store.ts';
import type { Ctx } from '../../platform/context.ts';
import { defineImportKind, type ImportRow, type RowIssue } from '../../platform/imports/import-kind.ts';
import { casePermissions as P } from './case-flow.ts';
import { existingDepartmentKeys, insertDepartments } from './departments-import.store.ts';

/**
 * 批量导入专业部门: the county's handling departments (the registry dispatch picks from), from a spreadsheet.
 * New departments only — a key the county already has is refused as a duplicate (editing one stays on the
 * settings page). The head (负责人), whom 督办 reaches, is named by user name and must be an active account.
 */

interface DepartmentsReference {
  /** Active accounts by login key → id. */
  accounts: ReadonlyMap<string, string>;
}

const keyPattern = /^[a-z0-9][a-z0-9_-]{1,39}$/;

function checkDepartment(row: ImportRow, ref: DepartmentsReference): RowIssue[] {
  const issues: RowIssue[] = [];
  if (!keyPattern.test(row.key as string)) issues.push({ column: 'key', code: 'cases.import.department_key' });
  if (row.head !== null && !ref.accounts.has(loginKeyOf(row.head as string)))
    issues.push({ column: 'head', code: 'cases.import.head_unknown', params: { login: row.head as string } });
  return issues;
}

export const departmentsImport = defineImportKind<DepartmentsReference>({
  key: 'cases.departments',
  title: { zh: '专业部门', en: 'Departments' },
  permission: P.configure,
  columns: [
    {
      key: 'key',
      header: { zh: '部门编码', en: 'Code' },
      required: true,
      type: 'code',
      maxLength: 40,
      example: 'chengguan',
      note: {
        zh: '小写字母、数字、- 或 _，全县唯一，派遣规则引用它',
        en: 'Lower-case letters, digits, - or _, unique in the county; routing rules refer to it',
      },
    },
    {
      key: 'titleZh',
      header: { zh: '部门名称', en: 'Name (Chinese)' },
      required: true,
      type: 'text',
      maxLength: 60,
      example: '县城市管理局',
    },
    {
      key: 'titleEn',
      header: { zh: '英文名称', en: 'Name (English)' },
      type: 'text',
      maxLength: 120,
      example: 'Urban Management Bureau',
      note: { zh: '可留空，留空时用中文名称', en: 'May be empty: the Chinese name is used' },
    },
    {
      key: 'sortOrder',
      header: { zh: '排序', en: 'Order' },
      type: 'integer',
      example: '10',
      note: { zh: '派遣时的显示顺序，小的在前', en: 'Order in the dispatch list, smaller first' },
    },
    {
      key: 'active',
      header: { zh: '启用', en: 'Active' },
      type: 'boolean',
      example: '是',
      note: { zh: '是/否，留空为是', en: 'Yes/no; empty means yes' },
    },
    {
      key: 'head',
      header: { zh: '负责人用户名', en: 'Head (username)' },
      type: 'code',
      maxLength: 40,
      example: 'wangfang',
      note: { zh: '督办时通知的负责人，须是已有的在用账号', en: 'Told of 督办; an existing active account' },
    },
  ],
  reference: async (ctx: Ctx) => ({ accounts: await activeAccountsByLogin(ctx.db, ctx.countyCode) }),
  options: () => ({ active: ['是', '否'] }),
  checkRow: checkDepartment,
  unique: {
    column: 'key',
    keyOf: (row) => row.key as string,
    existing: (t, keys) => existingDepartmentKeys(t.db, t.countyCode, keys),
  },
  async commit(t, rows, ref) {
    await insertDepartments(
      t.db,
      t.countyCode,
      rows.map(({ values }) => ({
        key: values.key as string,
        titleZh: values.titleZh as string,
        titleEn: (values.titleEn as string | null) ?? (values.titleZh as string),
        active: (values.active as boolean | null) ?? true,
        sortOrder: (values.sortOrder as number | null) ?? 0,
        headUserId: values.head === null ? null : (ref.accounts.get(loginKeyOf(values.head as string)) ?? null),
      })),
    );
    // One audit row per batch: which rows of the file became which departments.
    await recordAudit(t, {
      eventType: 'cases.departments.import',
      action: 'create',
      objectType: 'cases_department',
      objectId: rows
        .map((r) => r.values.key as string)
        .join(',')
        .slice(0, 200),
      details: { rows: rows.length, firstRow: rows[0]?.rowNumber, lastRow: rows.at(-1)?.rowNumber },
    });
    return {};
  },
});
