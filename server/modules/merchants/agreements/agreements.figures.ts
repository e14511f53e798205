import { addDays, startOfDayMs } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Bilingual, FigureDeclaration, FigureScope } from '../../../platform/module.ts';
import { figureScopeOf } from '../merchants.policy.ts';
import { type AgreementFigureCounts, agreementFigureCounts } from './agreements.store.ts';

function countsOf(ctx: Ctx, period: FigureScope): Promise<AgreementFigureCounts> {
  return agreementFigureCounts(ctx.db, ctx.countyCode, figureScopeOf(ctx), {
    ...period,
    fromInstant: new Date(startOfDayMs(period.from)),
    endInstant: new Date(startOfDayMs(addDays(period.to, 1))),
  });
}

const agreements: Bilingual = { zh: '份', en: 'agreements' };
const businesses: Bilingual = { zh: '户', en: 'businesses' };

/** What the 门前三包 agreements offer the dashboard, for the merchants of the reader's area. */
export const agreementFigures: readonly FigureDeclaration[] = [
  {
    key: 'merchants.agreements_signed',
    zh: '门前三包责任书签订数',
    en: 'Frontage agreements signed',
    unit: agreements,
    definition: {
      zh: '截至统计时段末已签订的门前三包责任书份数（含已到期和已解除的，不含待签的）',
      en: 'Frontage agreements signed by the end of the period (expired and terminated ones included, drafts not)',
    },
    compute: async (ctx, period) => (await countsOf(ctx, period)).signedTotal,
  },
  {
    key: 'merchants.agreements_signed_in_period',
    zh: '本期新签责任书',
    en: 'Agreements signed in the period',
    unit: agreements,
    definition: {
      zh: '签订时间在统计时段内的门前三包责任书份数（含续签）',
      en: 'Frontage agreements whose signing falls in the period (renewals included)',
    },
    compute: async (ctx, period) => (await countsOf(ctx, period)).signedInPeriod,
  },
  {
    key: 'merchants.agreements_in_force',
    zh: '责任书有效的商户',
    en: 'Merchants with an agreement in force',
    unit: businesses,
    definition: {
      zh: '统计时段最后一天，持有在有效期内门前三包责任书的在营和停业商户数',
      en: 'Merchants in business or suspended that hold a frontage agreement in force on the last day of the period',
    },
    compute: async (ctx, period) => (await countsOf(ctx, period)).covered,
  },
  {
    key: 'merchants.agreement_coverage',
    zh: '门前三包签约覆盖率',
    en: 'Frontage agreement coverage',
    unit: { zh: '%', en: '%' },
    definition: {
      zh: '统计时段最后一天，持有有效责任书的商户数 ÷ 在营和停业商户数 × 100（没有商户时无值）',
      en: 'Merchants holding an agreement in force on the last day of the period ÷ merchants in business or suspended × 100 (none when there are no merchants)',
    },
    compute: async (ctx, period) => {
      const counts = await countsOf(ctx, period);
      if (counts.merchantsInBusiness === 0) return null;
      return Math.round((1000 * counts.covered) / counts.merchantsInBusiness) / 10;
    },
  },
];
