import type { dashboardZh } from './zh.ts';

export const dashboardEn: Record<keyof typeof dashboardZh, string> = {
  'module.dashboard.label': 'Dashboard',
  'module.dashboard.description': 'Campaign indicators and work briefings, computed live from the records.',
};
