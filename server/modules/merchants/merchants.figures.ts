import type { Ctx } from '../../platform/context.ts';
import type { Bilingual, FigureDeclaration } from '../../platform/module.ts';
import { foodKinds } from './merchant-input.ts';
import { figureScopeOf } from './merchants.policy.ts';
import { type MerchantFigureCounts, merchantFigureCounts } from './merchants.store.ts';

/**
 * What the merchant registry offers the dashboard: counts of the merchants in business (在营) in the reader's
 * area (the whole county for a figure computed without a reader), counts only, no personal data. They are a
 * snapshot of the register now, not of the dashboard's period: the registry keeps no history of a merchant's
 * kind or grade. 门前三包 figures: agreements/agreements.figures.ts.
 */
async function countsOf(ctx: Ctx): Promise<MerchantFigureCounts> {
  return merchantFigureCounts(ctx.db, ctx.countyCode, figureScopeOf(ctx), [...foodKinds]);
}

const businesses: Bilingual = { zh: '户', en: 'businesses' };
const snapshot = { zh: '（当前快照，不随统计时段变化）', en: ' (a snapshot now, not of the period)' };

function figure(
  key: string,
  label: Bilingual,
  definition: Bilingual,
  value: (counts: MerchantFigureCounts) => number,
): FigureDeclaration {
  return {
    key,
    ...label,
    unit: businesses,
    definition: { zh: definition.zh + snapshot.zh, en: definition.en + snapshot.en },
    compute: async (ctx) => value(await countsOf(ctx)),
  };
}

function gradeFigure(grade: 'A' | 'B' | 'C' | 'D'): FigureDeclaration {
  return figure(
    `merchants.risk_${grade.toLowerCase()}`,
    { zh: `风险等级 ${grade} 级`, en: `Risk grade ${grade}` },
    {
      zh: `在营商户中，市场监管评定食品安全风险等级为 ${grade} 级的户数（A 级风险最低，D 级最高）`,
      en: `Merchants in business that market supervision graded ${grade} for food-safety risk (A lowest, D highest)`,
    },
    (counts) => counts.riskGrades[grade],
  );
}

export const merchantsFigures: readonly FigureDeclaration[] = [
  figure(
    'merchants.in_business',
    { zh: '在营商户', en: 'Merchants in business' },
    {
      zh: '商户登记（一户一档）中状态为在营的商户数，不含停业和注销的',
      en: 'Merchants on the register whose status is in business; suspended and closed ones are not counted',
    },
    (counts) => counts.inBusiness,
  ),
  figure(
    'merchants.supervised_food',
    { zh: '规范食品经营户', en: 'Supervised food businesses' },
    {
      zh: '在营商户中纳入市场监管的食品经营者：餐饮服务、食品销售（含集贸市场内的食品摊位）和集贸市场开办者',
      en: 'Merchants in business under market supervision that handle food: catering, food sale (market food stalls included) and market operators',
    },
    (counts) => counts.supervisedFood,
  ),
  figure(
    'merchants.other_supervised',
    { zh: '其他监管经营户', en: 'Other supervised businesses' },
    {
      zh: '在营商户中纳入市场监管、但不经营食品的经营户（药店、农资、文具、眼镜等）',
      en: 'Merchants in business under market supervision that do not handle food (pharmacies, farm supplies, stationery, opticians, …)',
    },
    (counts) => counts.otherSupervised,
  ),
  figure(
    'merchants.school_surroundings',
    { zh: '校园周边经营户', en: 'School-surroundings businesses' },
    {
      zh: '在营商户中位于学校门口 200 米以内、属校园周边专项整治对象的户数',
      en: 'Merchants in business within 200 m of a school gate, the targets of the school-surroundings campaign',
    },
    (counts) => counts.schoolSurroundings,
  ),
  ...(['A', 'B', 'C', 'D'] as const).map(gradeFigure),
];
