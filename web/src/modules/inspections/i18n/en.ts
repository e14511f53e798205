import type { inspectionsZh } from './zh.ts';

export const inspectionsEn: Record<keyof typeof inspectionsZh, string> = {
  'module.inspections.label': 'Market inspections',
  'module.inspections.description':
    'Special campaigns of the market inspection groups at markets, restaurants and school surroundings, with rectification and re-inspection.',
};
