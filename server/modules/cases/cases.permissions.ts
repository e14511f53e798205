import type { PermissionDeclaration } from '../../platform/module.ts';
import { casePermissions as P } from './case-flow.ts';
import { revealReporterName, revealReporterPhone } from './cases.revealers.ts';
import { hotlinePermission } from './hotline-intake.ts';
import { open311SubmitPermission } from './open311/api-key.ts';

/** Reading the case category table (catalogue.routes.ts). */
export const catalogueRead = 'cases.catalogue.read';

/** Every permission the case loop checks, with the names the role administration shows. */
export const casesPermissions: readonly PermissionDeclaration[] = [
  { key: P.report, zh: '上报案件', en: 'Report cases' },
  { key: P.read, zh: '查看案件', en: 'Read cases' },
  {
    key: hotlinePermission,
    zh: '热线受理（代 12345 来电人上报）',
    en: "Hotline intake (report on a 12345 caller's behalf)",
  },
  { key: P.register, zh: '受理立案（立案、不予立案、合并）', en: 'Register cases (register, reject, merge)' },
  { key: P.dispatch, zh: '派遣案件，审批延期或挂起', en: 'Dispatch cases, decide extensions and suspensions' },
  {
    key: P.handle,
    zh: '处置案件（签收、回退、反馈、申请延期或挂起）',
    en: 'Handle cases (accept, return, feed back, ask for time)',
  },
  { key: P.verify, zh: '核查结案', en: 'Check and close' },
  { key: P.supervise, zh: '督办', en: 'Supervise (escalate) cases' },
  { key: P.export, zh: '导出案件清单', en: 'Export the case list' },
  { key: P.evaluate, zh: '综合评价', en: 'Case evaluation' },
  { key: P.configure, zh: '案件设置（时限、部门、派遣规则）', en: 'Case settings (time limits, departments, routing)' },
  { key: catalogueRead, zh: '查看案件分类', en: 'Read the case categories' },
  {
    key: open311SubmitPermission,
    zh: 'Open311 对接：提交诉求、读取进展',
    en: 'Open311: submit requests, read their updates',
  },
  { key: revealReporterPhone, zh: '查看举报人手机号明文', en: "Reveal reporters' phone numbers" },
  { key: revealReporterName, zh: '查看热线来电人姓名明文', en: "Reveal hotline callers' names" },
];
