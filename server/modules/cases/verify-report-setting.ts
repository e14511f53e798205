import type { CaseChannel } from '../../db/schema/cases.ts';
import { requireCountyWideScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { cachedReference, invalidateReference } from '../../platform/cache/reference-cache.ts';
import type { Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.store.ts';
import { isTownshipToAssign } from './case-region.ts';

/**
 * Where a report comes from, as the 核实 setting tells them apart: the case's channel, except that a partner
 * system's report (an Open311 API key) whose channel says nothing more (`other`, Open311's default) is `open311`.
 * A partner that names a channel (a 12345 platform sending `hotline`) is treated as that channel.
 */
export const reportSources = ['citizen', 'hotline', 'open311', 'patrol', 'volunteer', 'other'] as const;
export type ReportSource = (typeof reportSources)[number];

export function reportSourceOf(channel: CaseChannel, byPartner: boolean): ReportSource {
  return channel === 'other' && byPartner ? 'open311' : channel;
}

/**
 * Which sources' reports go to 核实 on site before 立案 (verify-report.ts). Kept in `app_setting` under
 * `cases.verify_report`; a source the saved value does not name keeps its default.
 *
 * Defaults follow 数字城管 practice (anchors §3.2, 案卷建立: 受理员 + 监督员 核实): a citizen's report (随手拍), a
 * 12345/12319 call and a partner system's report are checked on site first; a 监督员's own patrol report is not —
 * the inspector saw it — nor a volunteer's or another member of staff's (a cadre's), who report what they saw in
 * their own area. The county's to confirm.
 */
export type VerifyReportChannels = Record<ReportSource, boolean>;
export interface VerifyReportSetting {
  channels: VerifyReportChannels;
}

export const verifyReportSettingKey = 'cases.verify_report';
export const defaultVerifyReportSetting: VerifyReportSetting = {
  channels: { citizen: true, hotline: true, open311: true, patrol: false, volunteer: false, other: false },
};

/** The saved setting over the defaults; anything that is not a boolean for a known channel is ignored. */
export function verifyReportSettingOf(saved: unknown): VerifyReportSetting {
  const channels = { ...defaultVerifyReportSetting.channels };
  const stored =
    saved && typeof saved === 'object' && 'channels' in saved && typeof saved.channels === 'object' && saved.channels
      ? (saved.channels as Record<string, unknown>)
      : {};
  for (const channel of reportSources) {
    const value = stored[channel];
    if (typeof value === 'boolean') channels[channel] = value;
  }
  return { channels };
}

/** How long another server process may go on using a setting the campaign office just changed. */
const settingTtlMs = 30_000;
const cacheKey = 'cases/verify-report';

export function loadVerifyReportSetting(ctx: Ctx): Promise<VerifyReportSetting> {
  return cachedReference(ctx, cacheKey, settingTtlMs, async () =>
    verifyReportSettingOf(await readSetting<unknown>(ctx.db, ctx.countyCode, verifyReportSettingKey)),
  );
}

/** Where a new report starts: 待核实 when its channel is checked on site first, else 待受理. */
export function initialStatusOf(
  source: ReportSource,
  setting: VerifyReportSetting,
): { status: 'reported' | 'verifying'; clockStage: 'register' | 'verify_report' } {
  return setting.channels[source]
    ? { status: 'verifying', clockStage: 'verify_report' }
    : { status: 'reported', clockStage: 'register' };
}

/**
 * `initialStatusOf` with the county's setting, for the report being stored (report-case.ts). A report whose
 * township is still to be assigned (a partner's, placed by its address alone) waits for the intake instead: no
 * township's inspectors could see it, and the intake names the township when it sends it to 核实.
 */
export async function initialStatusFor(ctx: Ctx, report: { input: { channel: CaseChannel }; townshipCode: string }) {
  const source = reportSourceOf(report.input.channel, ctx.actor?.kind === 'api_key');
  if (isTownshipToAssign(report.townshipCode, ctx.countyCode)) return initialStatusOf(source, noneVerified);
  return initialStatusOf(source, await loadVerifyReportSetting(ctx));
}

const noneVerified: VerifyReportSetting = {
  channels: { citizen: false, hotline: false, open311: false, patrol: false, volunteer: false, other: false },
};

/**
 * The campaign office changes which sources are verified first. County-wide only (a township's 创文办 account
 * gets the audited 403); the change and both values are audited. Cases already reported keep their status.
 */
export async function saveVerifyReportSetting(ctx: Ctx, channels: VerifyReportChannels): Promise<VerifyReportSetting> {
  await requireCountyWideScope(ctx, { objectType: 'setting', objectId: verifyReportSettingKey });
  const after = verifyReportSettingOf({ channels });
  await tx(ctx, async (t) => {
    const before = verifyReportSettingOf(await readSetting<unknown>(t.db, t.countyCode, verifyReportSettingKey));
    await writeSetting(t.db, t.countyCode, verifyReportSettingKey, after, t.clock());
    await recordAudit(t, {
      eventType: 'cases.settings',
      action: 'update',
      objectType: 'setting',
      objectId: verifyReportSettingKey,
      details: { before: before.channels, after: after.channels },
    });
  });
  invalidateReference(ctx, cacheKey);
  return after;
}
