import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SystemRead } from '../../../platform/access/record-scope.ts';
import { addDays, shanghaiDayOf } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { recordingProgress } from '../../../platform/seed/progress.ts';
import { runSeed } from '../../../platform/seed/run-seed.ts';
import { fakeClock } from '../../../testing/fake-clock.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import { demoOptions, seedDemoMerchants } from '../demo/demo-merchants.test-support.ts';
import { standingOn } from './agreement-term.ts';
import { coverageByTownship } from './agreements.store.ts';
import { agreementFigures } from './agreements.figures.ts';
import { demoAgreementsSeed } from './demo-agreements.seed.ts';

interface Stored {
  merchant_id: string;
  status: 'draft' | 'signed' | 'terminated';
  term_start: string;
  term_end: string;
  signature_image: Buffer | null;
  signer_name_enc: string | null;
  village_code: string;
  location_code: string;
}

describe('the demo county’s 门前三包 agreements', () => {
  const db = useTestDatabase();
  const clock = fakeClock('2026-03-02T01:00:00Z');
  let ctx: Ctx;
  let rows: Stored[];

  beforeAll(async () => {
    ctx = db.ctx({ clock });
    await seedDemoMerchants(ctx);
    await runSeed(ctx, [demoAgreementsSeed], demoOptions, () => recordingProgress());
    rows = await queryRows<Stored>(
      ctx.db,
      sql`select a.merchant_id, a.status, a.term_start::text as term_start, a.term_end::text as term_end,
            a.signature_image, a.signer_name_enc, a.village_code, m.location_code
          from merchants_agreement a join merchants_merchant m on m.region_code = a.region_code and m.id = a.merchant_id`,
    );
  }, 180_000);

  it("gives every merchant in business a signed agreement: the page's 2,360", () => {
    const signed = rows.filter((r) => r.status === 'signed');
    expect(signed).toHaveLength(2_360);
    expect(new Set(signed.map((r) => r.merchant_id)).size).toBe(2_360);
    expect(rows.every((r) => r.village_code === r.location_code)).toBe(true);
  });

  it('stands as a campaign a year in does: most in force, some ending within 30 days, some expired, a few drafts', () => {
    const today = shanghaiDayOf(clock());
    const count = (standing: string) =>
      rows.filter(
        (r) => standingOn(today, { status: r.status, termStart: r.term_start, termEnd: r.term_end }) === standing,
      ).length;
    expect(count('in_force') / rows.length).toBeGreaterThan(0.85);
    expect(count('expired')).toBeGreaterThan(50);
    // Drafts are renewals of expired ones, drawn up and waiting for a signature.
    expect(count('draft')).toBeGreaterThan(10);
    expect(count('draft')).toBeLessThan(count('expired'));
    const soon = rows.filter((r) => r.status === 'signed' && r.term_end >= today && r.term_end <= addDays(today, 30));
    expect(soon.length).toBeGreaterThan(40);
  });

  it('keeps the evidence of every signed one (signature and sealed signer) and none on drafts', () => {
    for (const row of rows) {
      expect(row.signature_image !== null).toBe(row.status === 'signed');
      expect(row.signer_name_enc !== null).toBe(row.status === 'signed');
    }
  });

  it('the coverage report adds up to the registry, and a second run adds nothing', async () => {
    const today = shanghaiDayOf(clock());
    const coverage = await coverageByTownship(ctx.db, '430225', SystemRead('demo-seed'), today, addDays(today, 30));
    expect(coverage.reduce((n, r) => n + r.merchants, 0)).toBe(2_360);
    const covered = coverage.reduce((n, r) => n + r.covered, 0);
    expect(covered).toBe(
      rows.filter((r) => r.status === 'signed' && r.term_start <= today && r.term_end >= today).length,
    );
    await runSeed(ctx, [demoAgreementsSeed], demoOptions, () => recordingProgress());
    const [again] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from merchants_agreement`);
    expect(again?.n).toBe(rows.length);
  });

  it('offers the dashboard the page’s 2,360 signed and the coverage, county-wide and for a township’s reader', async () => {
    const today = shanghaiDayOf(clock());
    const period = { from: addDays(today, -30), to: today };
    const value = async (key: string, on: Ctx) => {
      const figure = agreementFigures.find((f) => f.key === key);
      return figure?.compute(on, period);
    };
    expect(await value('merchants.agreements_signed', ctx)).toBe(2_360);
    const inForce = rows.filter((r) => r.status === 'signed' && r.term_start <= today && r.term_end >= today).length;
    expect(await value('merchants.agreements_in_force', ctx)).toBe(inForce);
    expect(await value('merchants.agreement_coverage', ctx)).toBe(Math.round((1000 * inForce) / 2_360) / 10);
    const reader = { ...ctx, actor: { ...readerActor, scopeRegion: '430225100' } };
    const xiayang = rows.filter((r) => r.status === 'signed' && r.location_code.startsWith('430225100')).length;
    expect(await value('merchants.agreements_signed', reader)).toBe(xiayang);
    expect(xiayang).toBeLessThan(2_360);
  });
});

const readerActor = {
  kind: 'user' as const,
  id: '00000000-0000-4000-8000-000000000001',
  username: 'reader',
  displayName: '读者',
  roles: [],
  permissions: new Set<string>(),
  scopeRegion: '430225',
  department: null,
  sessionId: null,
};
