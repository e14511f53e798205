import type { courtyardsZh } from './zh.ts';

export const courtyardsEn: Record<keyof typeof courtyardsZh, string> = {
  'module.courtyards.label': 'Courtyard awards',
  'module.courtyards.description':
    'Quarterly household evaluation against the four criteria, cadre contracting, public notice and objections.',
};
