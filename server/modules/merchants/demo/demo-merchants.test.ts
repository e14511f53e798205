import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../../../platform/context.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { decryptColumnValue } from '../../../platform/pii/column-crypto.ts';
import { testKeyring } from '../../../platform/pii/keyring.ts';
import { validateLandline, validateMobile } from '../../../platform/validation/mobile.ts';
import { validateUscc } from '../../../platform/validation/uscc.ts';
import { fakeClock } from '../../../testing/fake-clock.ts';
import { createTestDatabase, useTestDatabase } from '../../../testing/test-database.ts';
import { countyBounds, distanceM } from './demo-merchant-places.ts';
import { planDemoMerchants } from './demo-merchant-plan.ts';
import { loadPlaces } from './demo-merchants.seed.ts';
import {
  demoOptions,
  registryLines,
  type StoredMerchant,
  seedDemoMerchants,
  storedMerchants,
} from './demo-merchants.test-support.ts';

const foodKinds = ['food_sale', 'catering', 'market_operator'];

/** The seeded registry against the page's figures and the rules a registration would have enforced. */
describe('the demo merchant registry', () => {
  const db = useTestDatabase();
  const clock = fakeClock('2026-03-02T01:00:00Z');
  let ctx: Ctx;
  let progress: Array<[number, number]>;
  let merchants: StoredMerchant[];

  beforeAll(async () => {
    ctx = db.ctx({ clock });
    progress = await seedDemoMerchants(ctx);
    merchants = await storedMerchants(ctx);
  }, 120_000);

  it("has the page's 2,360 shops: 600 regulated food businesses, 300 other supervised, the rest ordinary", () => {
    expect(merchants).toHaveLength(2_360);
    const food = merchants.filter((m) => foodKinds.includes(m.kind));
    expect(food).toHaveLength(600);
    expect(food.every((m) => m.supervised)).toBe(true);
    const other = merchants.filter((m) => m.kind === 'other');
    expect(other.filter((m) => m.supervised)).toHaveLength(300);
    expect(other.filter((m) => !m.supervised)).toHaveLength(1_460);
    expect(merchants.every((m) => m.status === 'open')).toBe(true);
    expect(progress.at(-1)).toEqual([2_360, 2_360]);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('gives every merchant a valid, unique credit code of the county (92 for 个体工商户, 91 for companies)', () => {
    const problems = merchants
      .map((m) => ({ code: m.credit_code, checked: validateUscc(m.credit_code) }))
      .filter(({ checked }) => !checked.ok);
    expect(problems).toEqual([]);
    expect(new Set(merchants.map((m) => m.credit_code)).size).toBe(merchants.length);
    expect(merchants.every((m) => m.credit_code!.slice(2, 8) === '430225')).toBe(true);
    const prefixes = new Set(merchants.map((m) => m.credit_code!.slice(0, 2)));
    expect([...prefixes].sort()).toEqual(['91', '92']);
    expect(merchants.filter((m) => m.credit_code!.startsWith('92')).length).toBeGreaterThan(2_000);
    for (const m of merchants.filter((m) => m.kind === 'market_operator' || m.name.endsWith('有限公司'))) {
      expect(m.credit_code!.slice(0, 2), m.name).toBe('91');
    }
    expect(new Set(merchants.map((m) => m.name)).size).toBe(merchants.length);
  });

  it('places every merchant in a real township or village of the county, most in the county seat', async () => {
    const regions = await queryRows<{ code: string; level: string; parent_code: string }>(
      ctx.db,
      sql`select code, level, parent_code from region where code like '430225%' and level in ('township', 'village')`,
    );
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const misplaced = merchants.filter((m) => {
      const place = byCode.get(m.location_code);
      const township = place?.level === 'village' ? place.parent_code : place?.code;
      return township !== m.township_code;
    });
    expect(misplaced.map((m) => m.location_code)).toEqual([]);
    const townships = regions.filter((r) => r.level === 'township').map((r) => r.code);
    expect(new Set(merchants.map((m) => m.township_code))).toEqual(new Set(townships));
    const seatShare = merchants.filter((m) => m.township_code === '430225100').length / merchants.length;
    expect(seatShare).toBeGreaterThan(0.45);
    expect(seatShare).toBeLessThan(0.6);
    const inVillages = merchants.filter((m) => Number(m.location_code.slice(9)) >= 200);
    expect(inVillages.length).toBeGreaterThan(200);
    expect(inVillages.every((m) => /村\d+组\d+号$/.test(m.address))).toBe(true);
  });

  it('puts every point inside the county and every address once', () => {
    const b = countyBounds;
    const outside = merchants.filter(
      (m) => !(m.lng >= b.minLng && m.lng <= b.maxLng && m.lat >= b.minLat && m.lat <= b.maxLat),
    );
    expect(outside).toEqual([]);
    const onStreets = merchants.filter((m) => /号$/.test(m.address) && !/村\d+组/.test(m.address));
    expect(new Set(onStreets.map((m) => m.address)).size).toBe(onStreets.length);
    const seatStreet = merchants.find((m) => m.address.startsWith('霞阳镇炎帝大道'));
    expect(seatStreet).toBeDefined();
    expect(distanceM(seatStreet!, { lng: 113.77, lat: 26.49 })).toBeLessThan(3_000);
  });

  it('has a 集贸市场 in every 镇 and 乡 (three in the seat), their stalls inside them', async () => {
    const markets = merchants.filter((m) => m.kind === 'market_operator');
    const towns = await queryRows<{ code: string }>(
      ctx.db,
      sql`select code from region where parent_code = '430225' and (name like '%镇' or name like '%乡')`,
    );
    expect(markets).toHaveLength(towns.length + 2);
    expect(new Set(markets.map((m) => m.township_code))).toEqual(new Set(towns.map((t) => t.code)));
    const byId = new Map(markets.map((m) => [m.id, m]));
    const stalls = merchants.filter((m) => m.market_stall);
    expect(stalls.every((s) => byId.get(s.market_id!)?.township_code === s.township_code)).toBe(true);
    expect(stalls.every((s) => distanceM(s, byId.get(s.market_id!)!) < 60)).toBe(true);
    expect(stalls.every((s) => s.address.startsWith(byId.get(s.market_id!)!.name))).toBe(true);
    expect(stalls.filter((s) => s.kind === 'food_sale' && s.supervised)).toHaveLength(200);
    expect(stalls.filter((s) => s.kind === 'other' && !s.supervised)).toHaveLength(40);
    expect(markets.every((m) => stalls.some((s) => s.market_id === m.id))).toBe(true);
    expect(merchants.filter((m) => !m.market_stall).every((m) => m.market_id === null)).toBe(true);
  });

  it('grades every food business and only those, most B and few D', () => {
    const graded = merchants.filter((m) => m.risk_grade !== null);
    expect(graded.every((m) => foodKinds.includes(m.kind))).toBe(true);
    expect(graded).toHaveLength(600);
    const share = (grade: string) => graded.filter((m) => m.risk_grade === grade).length / graded.length;
    expect(share('B')).toBeGreaterThan(Math.max(share('A'), share('C'), share('D')));
    expect(share('B')).toBeGreaterThan(0.45);
    expect(share('D')).toBeGreaterThan(0);
    expect(share('D')).toBeLessThan(0.06);
    expect(share('A')).toBeGreaterThan(0.1);
  });

  it('flags the shops within 200 m of a school gate in the centres of the townships with schools', async () => {
    const { schools } = planDemoMerchants(await loadPlaces(ctx, demoOptions.seed), '430225', demoOptions.seed, clock());
    const flagged = merchants.filter((m) => m.school_surroundings);
    expect(flagged.length).toBeGreaterThan(80);
    expect(flagged.length).toBeLessThan(200);
    const far = flagged.filter((m) => Math.min(...schools.map((s) => distanceM(m, s))) > 200);
    expect(far.map((m) => m.address)).toEqual([]);
    expect(flagged.every((m) => Number(m.location_code.slice(9) || '0') < 200)).toBe(true);
    expect(new Set(flagged.map((m) => m.kind))).toEqual(new Set(['catering', 'food_sale', 'other']));
    expect(flagged.filter((m) => m.township_code === '430225100').length).toBeGreaterThan(flagged.length / 3);
  });

  it("seals each operator's name and phone: valid numbers, a blind index with each phone, no clear text", () => {
    const open = (column: string, value: string) =>
      decryptColumnValue(ctx.keyring, 'merchants_merchant', column, value);
    for (const m of merchants) {
      const name = open('operator_name_enc', m.operator_name_enc);
      expect(name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(m.operator_name_enc).not.toContain(name);
      expect(m.operator_phone_hmac === null).toBe(m.operator_phone_enc === null);
      if (m.operator_phone_enc === null) continue;
      const phone = open('operator_phone_enc', m.operator_phone_enc);
      expect(validateMobile(phone).ok || validateLandline(phone).ok, phone).toBe(true);
    }
    expect(merchants.filter((m) => m.operator_phone_enc !== null).length).toBeGreaterThan(2_300);
    expect(merchants.every((m) => m.frontage_dm > 0)).toBe(true);
  });

  it('numbers the merchants in registration order, all registered within two years of the seed', () => {
    const times = merchants.map((m) => m.created_at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.max(...times)).toBeLessThanOrEqual(clock().getTime());
    expect(Math.min(...times)).toBeGreaterThan(clock().getTime() - 800 * 86_400_000);
    const markets = merchants.filter((m) => m.kind === 'market_operator');
    expect(merchants.slice(0, markets.length).map((m) => m.kind)).toEqual(markets.map(() => 'market_operator'));
  });

  it('adds nothing when run again', async () => {
    const again = await seedDemoMerchants(ctx);
    expect(again).toEqual([[0, 0]]);
    expect(await storedMerchants(ctx)).toHaveLength(2_360);
  });

  describe('determinism', () => {
    let other: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    afterAll(async () => {
      await other?.drop();
    });

    it('gives the same registry row for row on a fresh database, and another for another seed', async () => {
      other = await createTestDatabase(db.engine);
      const otherCtx = systemCtx(other.database, { countyCode: '430225', keyring: testKeyring() }, { clock });
      await seedDemoMerchants(otherCtx);
      expect(await registryLines(otherCtx)).toEqual(await registryLines(ctx));
      const places = await loadPlaces(ctx, demoOptions.seed);
      const fingerprint = (seed: number) =>
        planDemoMerchants(places, '430225', seed, clock())
          .merchants.slice(0, 50)
          .map((m) => `${m.name}${m.address}${m.creditCode}`)
          .join();
      expect(fingerprint(7)).not.toBe(fingerprint(demoOptions.seed));
    }, 120_000);
  });
});
