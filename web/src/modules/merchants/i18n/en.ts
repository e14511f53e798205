import type { merchantsZh } from './zh.ts';

export const merchantsEn: Record<keyof typeof merchantsZh, string> = {
  'module.merchants.label': 'Merchants & duties',
  'module.merchants.description':
    'Shop records and frontage-duty responsibility agreements, compliance scoring, star merchants and the red-black list.',
};
