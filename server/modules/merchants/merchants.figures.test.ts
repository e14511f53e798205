import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.ts';
import { SeededRandom } from '../../platform/seed/random.ts';
import { fakeClock } from '../../testing/fake-clock.ts';
import { useTestDatabase } from '../../testing/test-database.ts';
import { drawCreditCode } from './demo/demo-merchant-codes.ts';
import { type StoredMerchant, seedDemoMerchants, storedMerchants } from './demo/demo-merchants.test-support.ts';
import type { CheckedMerchant } from './merchant-input.ts';
import { merchantsFigures } from './merchants.figures.ts';
import { insertMerchants } from './merchants.store.ts';
import { merchantRowOf } from './register-merchant.ts';

const food = ['food_sale', 'catering', 'market_operator'];

/** What each figure must equal, counted here from the rows without the figures' code. */
const expected: Record<string, (open: StoredMerchant[]) => number> = {
  'merchants.in_business': (open) => open.length,
  'merchants.supervised_food': (open) => open.filter((m) => m.supervised && food.includes(m.kind)).length,
  'merchants.other_supervised': (open) => open.filter((m) => m.supervised && m.kind === 'other').length,
  'merchants.school_surroundings': (open) => open.filter((m) => m.school_surroundings).length,
  'merchants.risk_a': (open) => open.filter((m) => m.risk_grade === 'A').length,
  'merchants.risk_b': (open) => open.filter((m) => m.risk_grade === 'B').length,
  'merchants.risk_c': (open) => open.filter((m) => m.risk_grade === 'C').length,
  'merchants.risk_d': (open) => open.filter((m) => m.risk_grade === 'D').length,
};

describe('merchants figures', () => {
  const db = useTestDatabase();
  const clock = fakeClock('2026-03-02T01:00:00Z');
  let ctx: Ctx;

  beforeAll(async () => {
    ctx = db.ctx({ clock });
    await seedDemoMerchants(ctx);
  }, 120_000);

  it("on the demo registry are the page's figures", async () => {
    const values = await computeAll(ctx);
    expect(values).toMatchObject({
      'merchants.in_business': 2_360,
      'merchants.supervised_food': 600,
      'merchants.other_supervised': 300,
    });
    const grades = ['a', 'b', 'c', 'd'].map((g) => values[`merchants.risk_${g}`] ?? 0);
    expect(grades.reduce((s, n) => s + n, 0)).toBe(600);
  });

  it('equal counts of the rows in business, whatever the registry holds', async () => {
    // Closed and suspended businesses of every sort: none of them may count.
    const code = new SeededRandom(9);
    const taken = new Set<string>();
    const extra = (
      kind: CheckedMerchant['kind'],
      status: 'closed' | 'suspended',
      grade: CheckedMerchant['riskGrade'],
    ) => ({
      ...merchantRowOf(
        ctx,
        businessOf(kind, grade, drawCreditCode('individual', '430225', code, taken)),
        randomUUID(),
        clock(),
      ),
      status,
    });
    await insertMerchants(ctx.db, [
      extra('catering', 'closed', 'D'),
      extra('food_sale', 'suspended', 'B'),
      extra('other', 'closed', null),
    ]);
    const rows = await storedMerchants(ctx);
    expect(rows).toHaveLength(2_363);
    const open = rows.filter((m) => m.status === 'open');
    const values = await computeAll(ctx);
    expect(Object.keys(values).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, count] of Object.entries(expected)) expect(values[key], key).toBe(count(open));
    expect(values['merchants.in_business']).toBe(2_360);
  });
});

async function computeAll(ctx: Ctx): Promise<Record<string, number | null>> {
  const values: Record<string, number | null> = {};
  // The registry's own figures (the agreements' are tested with the demo agreements: demo-agreements.test.ts).
  for (const figure of merchantsFigures) {
    values[figure.key] = await figure.compute(ctx, { from: '2026-01-01', to: '2026-03-01' });
  }
  return values;
}

function businessOf(
  kind: CheckedMerchant['kind'],
  riskGrade: CheckedMerchant['riskGrade'],
  creditCode: string,
): CheckedMerchant {
  return {
    name: `测试${kind}${creditCode.slice(-4)}`,
    creditCode,
    licenceNo: null,
    kind,
    marketStall: false,
    marketId: null,
    schoolSurroundings: true,
    supervised: true,
    riskGrade,
    address: '霞阳镇炎帝大道1号',
    locationCode: '430225100',
    townshipCode: '430225100',
    gridCode: null,
    lng: null,
    lat: null,
    operatorName: '张三',
    operatorPhone: null,
    frontageDm: 40,
  };
}
