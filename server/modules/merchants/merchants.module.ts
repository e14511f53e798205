import { importRoutes } from '../../platform/imports/imports.routes.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { agreementDocument } from './agreements/agreement.document.ts';
import { agreementFigures } from './agreements/agreements.figures.ts';
import { demoAgreementsSeed } from './agreements/demo-agreements.seed.ts';
import { agreementEmits, agreementExpiringRule, agreementRemindersJob } from './agreements/agreement-reminders.ts';
import { agreementsMessages } from './agreements/agreements.messages.ts';
import {
  agreementPermissionDeclarations,
  agreementPermissions as A,
  revealSignerPermission,
} from './agreements/agreements.permissions.ts';
import { agreementsPiiFields } from './agreements/agreements.pii.ts';
import { agreementRevealer } from './agreements/agreements.revealers.ts';
import { registerAgreementDocumentRoutes, registerAgreementRoutes } from './agreements/agreements.routes.ts';
import { defaultTemplateVersion, ensureDefaultTemplate } from './agreements/templates.ts';
import { merchantsAuditLabels } from './merchants.audit-labels.ts';
import { merchantsFigures } from './merchants.figures.ts';
import { merchantsMessages } from './merchants.messages.ts';
import {
  merchantPermissions as P,
  merchantsPermissionDeclarations,
  revealOperatorPermission,
} from './merchants.permissions.ts';
import { merchantsNotPersonal, merchantsPiiFields } from './merchants.pii.ts';
import { merchantRevealer } from './merchants.revealers.ts';
import { registerMerchantRoutes } from './merchants.routes.ts';
import { merchantsSeeds } from './merchants.seed.ts';
import { registerMerchantExportRoutes } from './merchants-export.routes.ts';
import { merchantsExportMessages } from './merchants-export.messages.ts';
import { merchantsImport } from './merchants.import.ts';
import { merchantsImportMessages } from './merchants-import.messages.ts';

/**
 * 商户与门前三包 (issue #14): the registry of shops and businesses (一户一档), their 门前三包 agreements and their
 * ratings. Market supervision's inspection groups, plans and inspections are the `inspections` module.
 */
export const merchantsManifest: ModuleManifest = {
  key: 'merchants',
  title: { zh: '商户与门前三包', en: 'Merchants' },
  routes: [
    registerMerchantRoutes,
    importRoutes(merchantsImport),
    registerMerchantExportRoutes,
    registerAgreementRoutes,
    registerAgreementDocumentRoutes,
  ],
  imports: [merchantsImport],
  permissions: [...merchantsPermissionDeclarations, ...agreementPermissionDeclarations],
  grants: {
    // 创文办 keeps the registry county-wide; market supervision registers and edits the businesses it regulates.
    // …and writes the county's 门前三包 wording; township and village staff draw up and sign the agreements.
    coordinator: [
      P.read,
      P.manage,
      P.export,
      'pii.reveal',
      revealOperatorPermission,
      A.manage,
      A.templates,
      revealSignerPermission,
    ],
    market_inspector: [P.read, P.manage, P.export, 'pii.reveal', revealOperatorPermission],
    // Street inspectors and village cadres look a shop up at its frontage (cases name it), without its operator.
    inspector: [P.read],
    dispatcher: [P.read],
    village_cadre: [P.read, A.manage],
  },
  personalData: {
    fields: [...merchantsPiiFields, ...agreementsPiiFields],
    notPersonal: merchantsNotPersonal,
    revealers: [merchantRevealer, agreementRevealer],
  },
  // The county's first 门前三包 wording (version 1, active) when it has none.
  referenceData: [
    { name: 'merchants.agreement-template', version: defaultTemplateVersion, run: ensureDefaultTemplate },
  ],
  documents: [agreementDocument],
  jobs: [agreementRemindersJob],
  events: { emits: agreementEmits, consumes: [] },
  notifications: [agreementExpiringRule],
  audit: merchantsAuditLabels,
  // The registry, then its agreements (they need the merchants and the active template).
  seeds: [...merchantsSeeds, demoAgreementsSeed],
  figures: [...merchantsFigures, ...agreementFigures],
  messages: [merchantsMessages, merchantsImportMessages, merchantsExportMessages, agreementsMessages],
};
