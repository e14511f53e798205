import { casesEn as staffEn } from './en/cases.ts';
import { citizenEn } from './en/citizen.ts';
import { caseDocumentsEn } from './en/documents.ts';
import { caseVerifyReportEn } from './en/verifyReport.ts';
import { caseEvaluationEn } from './en/evaluation.ts';
import { staffReportEn } from './en/staffReport.ts';
import { caseUploadsEn } from './en/uploads.ts';
import { caseWorkEn } from './en/work.ts';
import type { casesZh } from './zh.ts';

export const casesEn: Record<keyof typeof casesZh, string> = {
  'module.cases.label': 'Urban cases',
  'module.cases.description':
    'The closed loop for urban-appearance violations such as street occupation, mobile vendors, illegal posters and illegal structures: report, register, dispatch, handle, feedback, verify, close, evaluate.',
  ...staffEn,
  ...citizenEn,
  ...caseUploadsEn,
  ...caseDocumentsEn,
  ...caseVerifyReportEn,
  ...caseEvaluationEn,
  ...staffReportEn,
  ...caseWorkEn,
};
