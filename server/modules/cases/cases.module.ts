import type { RoleKey } from '../../platform/access/roles.ts';
import type { ModuleManifest, RouteRegistrar } from '../../platform/module.ts';
import { casePermissions as P } from './case-flow.ts';
import { readCasesCatalogue } from './catalogue/catalogue-data.ts';
import { catalogueMessages } from './catalogue/catalogue.messages.ts';
import { registerCatalogueRoutes } from './catalogue/catalogue.routes.ts';
import { ensureCasesCatalogue } from './catalogue/reference-data.ts';
import { casesEmits } from './cases.events.ts';
import { caseDocumentKinds, registerCaseDocumentRoutes } from './documents/case-documents.routes.ts';
import { caseDocumentMessages } from './documents/documents.messages.ts';
import {
  caseDocumentPermissionDeclarations,
  caseDocumentPermissions as docs,
} from './documents/documents.permissions.ts';
import { casesFigures } from './cases.figures.ts';
import { casesMessages } from './cases.messages.ts';
import { hotlineIntakeMessages } from './hotline-intake.messages.ts';
import { hotlinePermission } from './hotline-intake.ts';
import { casesNotificationMessages } from './cases.notifications.messages.ts';
import { publicReportMessages } from './public.messages.ts';
import { casesNotifications } from './cases.notifications.ts';
import { casesSmsRules, casesSmsTemplates } from './cases.sms.ts';
import { casesPermissions, catalogueRead } from './cases.permissions.ts';
import { casesNotPersonal, casesPiiFields } from './cases.pii.ts';
import { caseRevealer, revealReporterName, revealReporterPhone } from './cases.revealers.ts';
import { registerCaseActionRoutes } from './case-actions.routes.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import { casesSeeds } from './cases.seed.ts';
import { casesSeparation, casesSeparationMessages } from './cases.separation.ts';
import { deadlineRemindersJob } from './deadline-reminders.ts';
import { sweepEscalations } from './escalation.ts';
import { foldEvaluationJob, foldEveryMs } from './evaluation/evaluation-fold.ts';
import { evaluationMessages } from './evaluation/evaluation.messages.ts';
import { evaluationRoutes } from './evaluation/evaluation.routes.ts';
import { exportMessages } from './export/export.messages.ts';
import { exportRoutes } from './export/export.routes.ts';
import { backfillHandlingMinutes } from './handling-minutes.ts';
import { open311SubmitPermission } from './open311/api-key.ts';
import { open311Messages } from './open311/open311.messages.ts';
import { registerOpen311Routes } from './open311/open311.routes.ts';
import { uploadsMessages } from './photo-uploads/uploads.messages.ts';
import { registerPhotoUploadRoutes } from './photo-uploads/photo-uploads.routes.ts';
import { uploadNotPersonal, uploadPiiFields } from './photo-uploads/uploads.pii.ts';
import { registerPublicCaseRoutes } from './public.routes.ts';
import { registerCaseSettingsRoutes } from './settings/settings.routes.ts';
import { registerVerifyReportSettingRoutes } from './settings/verify-report.routes.ts';
import { importRoutes } from '../../platform/imports/imports.routes.ts';
import { departmentsImport } from './departments.import.ts';
import { casesAuditLabels } from './cases.audit-labels.ts';
import { departmentsImportMessages } from './departments-import.messages.ts';
import { sweepExpiredUploads, uploadSweepEveryMs } from './photo-uploads/sweep-uploads.ts';

/** Everyone who reports, files, dispatches or handles cases reads the category codes; 三员 hold no business data. */
const catalogueReaders: readonly RoleKey[] = [
  'coordinator',
  'dispatcher',
  'inspector',
  'department',
  'volunteer_admin',
  'volunteer',
  'village_cadre',
];

const staffRoles: Partial<Record<RoleKey, readonly string[]>> = {
  coordinator: [P.read, P.report, P.supervise, P.export, P.evaluate, P.configure, docs.print, docs.revoke],
  // 受理员 take citizens' reports and call them back: the reporter's phone and a hotline caller's name, each
  // revealed with a reason (audited).
  dispatcher: [
    P.read,
    P.report,
    hotlinePermission,
    P.register,
    P.dispatch,
    P.supervise,
    P.export,
    P.evaluate,
    docs.print,
    docs.revoke,
    'pii.reveal',
    revealReporterPhone,
    revealReporterName,
  ],
  inspector: [P.read, P.report, P.verify, docs.print],
  department: [P.read, P.handle, docs.print],
  volunteer: [P.read, P.report],
  village_cadre: [P.read, P.report],
};

/** Each role's grants from both tables, catalogue reading first (the order the roles were written in before). */
function casesGrants(): Partial<Record<RoleKey, readonly string[]>> {
  const roles = new Set<RoleKey>([...catalogueReaders, ...(Object.keys(staffRoles) as RoleKey[])]);
  return Object.fromEntries(
    [...roles].map((role) => [
      role,
      [...(catalogueReaders.includes(role) ? [catalogueRead] : []), ...(staffRoles[role] ?? [])],
    ]),
  );
}

/** The case list as an Excel file, with the production caps (tests swap this registrar for one with small caps). */
export const caseExportRoutes: RouteRegistrar = (app) => exportRoutes(app);

/**
 * 市容案件: the loop from report to evaluation (issue #4), with its parts — the category catalogue (管理事项/部件
 * codes, 处置时限, 专项 tags), the case actions, settings per township, the citizen side, photo uploads, 综合评价, the Excel export and
 * Open311 GeoReport v2 for partner systems.
 */
export const casesManifest: ModuleManifest = {
  key: 'cases',
  title: { zh: '市容案件', en: 'Cases' },
  // Registration order is the order before the kit (the staff routes' parts followed them).
  routes: [
    registerCatalogueRoutes,
    registerCaseRoutes,
    registerCaseActionRoutes,
    registerCaseSettingsRoutes,
    registerVerifyReportSettingRoutes,
    importRoutes(departmentsImport),
    registerPublicCaseRoutes,
    registerPhotoUploadRoutes,
    evaluationRoutes,
    caseExportRoutes,
    registerOpen311Routes,
    registerCaseDocumentRoutes,
  ],
  permissions: [...casesPermissions, ...caseDocumentPermissionDeclarations],
  grants: casesGrants(),
  // What a partner's key may carry: POSTing requests and updates, and reading the updates feed.
  integrationPermissions: [open311SubmitPermission],
  personalData: {
    fields: [...casesPiiFields, ...uploadPiiFields],
    notPersonal: [...casesNotPersonal, ...uploadNotPersonal],
    revealers: [caseRevealer],
  },
  separation: casesSeparation,
  audit: casesAuditLabels,
  // 批量导入专业部门 (platform/imports): /api/imports/cases.departments, behind case settings.
  imports: [departmentsImport],
  messages: [
    casesMessages,
    hotlineIntakeMessages,
    casesNotificationMessages,
    casesSeparationMessages,
    catalogueMessages,
    evaluationMessages,
    exportMessages,
    open311Messages,
    uploadsMessages,
    departmentsImportMessages,
    caseDocumentMessages,
    publicReportMessages,
  ],
  referenceData: [
    {
      name: 'cases.catalogue',
      version: () => readCasesCatalogue().hash,
      run: async (ctx) => {
        await ensureCasesCatalogue(ctx);
      },
    },
  ],
  // Rows closed before handling_minutes was kept get it computed (evaluation's 平均处置时长 reads it).
  backfills: [{ name: 'cases.handling-minutes', run: backfillHandlingMinutes }],
  seeds: casesSeeds,
  jobs: [
    { name: 'cases.escalation-sweep', everyMs: 5 * 60_000, run: sweepEscalations },
    { name: 'cases.photo-upload-sweep', everyMs: uploadSweepEveryMs, run: sweepExpiredUploads },
    { name: 'cases.evaluation-fold', everyMs: foldEveryMs, run: foldEvaluationJob },
    // Handlers are reminded before a stage deadline (case.deadline_near), once per stage clock.
    deadlineRemindersJob,
  ],
  events: { emits: casesEmits, consumes: [] },
  figures: casesFigures,
  // Inbox to-dos: deadline reminders to the stage's workers, 督办 to the department head; closed when the case moves.
  notifications: [...casesNotifications, ...casesSmsRules],
  // The reporter's SMS at acceptance and closing, with consent (cases.sms.ts).
  smsTemplates: casesSmsTemplates,
  // 打印案卷 and 整改通知书 (platform/documents): PDF and .docx, each issue verifiable at /verify/<code>.
  documents: caseDocumentKinds,
};
