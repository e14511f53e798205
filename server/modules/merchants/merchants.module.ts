import { importRoutes } from '../../platform/imports/imports.routes.ts';
import type { ModuleManifest } from '../../platform/module.ts';
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
  routes: [registerMerchantRoutes, importRoutes(merchantsImport), registerMerchantExportRoutes],
  imports: [merchantsImport],
  permissions: merchantsPermissionDeclarations,
  grants: {
    // 创文办 keeps the registry county-wide; market supervision registers and edits the businesses it regulates.
    coordinator: [P.read, P.manage, P.export, 'pii.reveal', revealOperatorPermission],
    market_inspector: [P.read, P.manage, P.export, 'pii.reveal', revealOperatorPermission],
    // Street inspectors and village cadres look a shop up at its frontage (cases name it), without its operator.
    inspector: [P.read],
    dispatcher: [P.read],
    village_cadre: [P.read],
  },
  personalData: { fields: merchantsPiiFields, notPersonal: merchantsNotPersonal, revealers: [merchantRevealer] },
  audit: merchantsAuditLabels,
  seeds: merchantsSeeds,
  figures: merchantsFigures,
  messages: [merchantsMessages, merchantsImportMessages, merchantsExportMessages],
};
