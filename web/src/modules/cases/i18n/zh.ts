import { casesZh as staffZh } from './zh/cases.ts';
import { citizenZh } from './zh/citizen.ts';
import { caseDocumentsZh } from './zh/documents.ts';
import { caseVerifyReportZh } from './zh/verifyReport.ts';
import { caseEvaluationZh } from './zh/evaluation.ts';
import { staffReportZh } from './zh/staffReport.ts';
import { caseUploadsZh } from './zh/uploads.ts';
import { caseWorkZh } from './zh/work.ts';

/** 市容案件: the staff pages (`zh/cases.ts`) and the residents' report and tracking pages (`zh/citizen.ts`). */
export const casesZh = {
  'module.cases.label': '市容案件',
  'module.cases.description':
    '占道经营、流动商贩、三乱广告、私搭乱建等市容违规案件的闭环处置：信息收集、立案、派遣、处置、反馈、核查、结案、评价。',
  ...staffZh,
  ...citizenZh,
  ...caseUploadsZh,
  ...caseDocumentsZh,
  ...caseVerifyReportZh,
  ...caseEvaluationZh,
  ...staffReportZh,
  ...caseWorkZh,
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof casesZh, string> {}
}
