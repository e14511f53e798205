import type { volunteersZh } from './zh.ts';

export const volunteersEn: Record<keyof typeof volunteersZh, string> = {
  'module.volunteers.label': 'Volunteer service',
  'module.volunteers.description':
    'Volunteers, teams and activities, service hours and star levels, order-dispatch-accept-rate requests and service certificates.',
};
