import { type Static, Type } from 'typebox';
import { defineRoute, registerRoutes } from '../../../platform/http/define-route.ts';
import { S } from '../../../platform/http/schema.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { casePermissions as P } from '../case-flow.ts';
import { loadVerifyReportSetting, reportSources, saveVerifyReportSetting } from '../verify-report-setting.ts';

const channelFlags = <T extends ReturnType<typeof Type.Boolean>>(flag: T) =>
  Object.fromEntries(reportSources.map((c) => [c, flag])) as Record<(typeof reportSources)[number], T>;

/**
 * Per source: true = a new report goes to 核实 on site before the intake registers it. The sources are the
 * case channels, with a partner system's report without a channel of its own as `open311`.
 */
export const VerifyReportSettingBody = S.object({
  channels: S.object(
    channelFlags(
      Type.Boolean({
        description: 'Reports from this source land in 待核实 before the intake registers them',
      }),
    ),
  ),
});
export type VerifyReportSettingInput = Static<typeof VerifyReportSettingBody>;

const VerifyReportSettingSchema = Type.Object({ channels: Type.Object(channelFlags(Type.Boolean())) });

const tags = ['cases'];
const access = { permission: P.configure };
const response = { 200: VerifyReportSettingSchema };

const read = defineRoute({
  method: 'GET',
  url: '/api/cases/settings/verify-report',
  summary: 'Which sources’ reports are verified on site (核实) before 立案',
  tags,
  access,
  schema: { response },
  handler: async (request) => loadVerifyReportSetting(request.ctx),
});

const save = defineRoute({
  method: 'PUT',
  url: '/api/cases/settings/verify-report',
  summary: 'Change which sources’ reports go to 核实 first (county-wide; audited)',
  tags,
  access,
  schema: { body: VerifyReportSettingBody, response },
  handler: async (request) => saveVerifyReportSetting(request.ctx, request.body.channels),
});

/** The 创文办's setting for 核实 before 立案, per source. */
export function registerVerifyReportSettingRoutes(app: TypedApp): void {
  registerRoutes(app, [read, save]);
}
