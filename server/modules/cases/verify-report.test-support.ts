import { invalidateReference } from '../../platform/cache/reference-cache.ts';
import { writeSetting } from '../../platform/settings/settings.store.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { verifyReportSettingKey } from './verify-report-setting.ts';

/**
 * For tests of the later steps that start from a citizen's, a hotline or a partner's report (SMS at 立案, exports,
 * papers, Open311 round trips): the county registers every source's reports directly, without 核实 first, so
 * the intake can 立案 them at once. 核实 itself is tested in verify-report.test.ts with the real defaults.
 */
export async function registerReportsDirectly(t: TestApp): Promise<void> {
  const ctx = t.db.ctx({ clock: t.clock });
  const channels = { citizen: false, hotline: false, open311: false, patrol: false, volunteer: false, other: false };
  await writeSetting(ctx.db, ctx.countyCode, verifyReportSettingKey, { channels }, t.clock());
  invalidateReference(ctx, 'cases/verify-report');
}
