import type { AuditLabels } from '../../platform/audit/audit-labels.ts';
import type { CaseAction } from './case-flow.ts';

/** Each step of the loop is audited as `cases.<action>` (apply-action.ts); the record type names every one. */
const actionEvents: Record<CaseAction, readonly [string, string]> = {
  register: ['立案', 'Case registered'],
  reject: ['不予立案', 'Case rejected'],
  send_to_verify: ['送核实', 'Sent for on-site verification'],
  confirm_report: ['核实属实', 'Report confirmed on site'],
  refute_report: ['核实不属实', 'Report refuted on site'],
  merge: ['合并重复案件', 'Duplicate merged'],
  dispatch: ['派遣', 'Case dispatched'],
  return: ['回退', 'Case returned'],
  accept: ['签收', 'Case accepted'],
  feedback: ['处置反馈', 'Handling fed back'],
  verify_pass: ['核查通过', 'Verification passed'],
  verify_fail: ['核查不通过', 'Verification failed'],
  request_extension: ['申请延期', 'Extension requested'],
  request_suspension: ['申请挂起', 'Suspension requested'],
  decide_request: ['审批延期或挂起', 'Extension or suspension decided'],
  resume: ['恢复办理', 'Case resumed'],
  escalate: ['督办', 'Case escalated'],
  rate: ['公众评价', 'Rated by the reporter'],
};

/** 市容案件's audit events and objects, named for the audit pages and exports. */
export const casesAuditLabels: AuditLabels = {
  events: [
    ...Object.entries(actionEvents).map(([action, [zh, en]]) => ({ type: `cases.${action}`, zh, en })),
    { type: 'cases.report', zh: '上报案件', en: 'Case reported' },
    { type: 'cases.partner_update', zh: '对接系统更新案件', en: 'Case updated by a partner system' },
    { type: 'cases.photo_upload', zh: '上传案件照片', en: 'Case photo uploaded' },
    { type: 'cases.photo_upload_expired', zh: '清理过期照片', en: 'Expired photo upload removed' },
    { type: 'cases.sms_consent_withdraw', zh: '退订短信告知', en: 'SMS notices withdrawn' },
    { type: 'cases.deadline_near', zh: '临期提醒', en: 'Deadline reminder' },
    { type: 'cases.export', zh: '导出案件清单', en: 'Case list exported' },
    { type: 'cases.evaluation_export', zh: '导出综合评价', en: 'Evaluation exported' },
    { type: 'cases.settings', zh: '修改案件设置', en: 'Case settings changed' },
    { type: 'cases.departments.import', zh: '导入专业部门', en: 'Departments imported' },
  ],
  objects: [
    { type: 'case', zh: '案件', en: 'Case' },
    { type: 'case_photo', zh: '案件照片', en: 'Case photo' },
    { type: 'case_photo_upload', zh: '案件照片上传', en: 'Case photo upload' },
    { type: 'case_evaluation', zh: '综合评价', en: 'Case evaluation' },
    { type: 'cases_department', zh: '专业部门', en: 'Department' },
    { type: 'cases_route', zh: '派遣规则', en: 'Dispatch rule' },
  ],
};
