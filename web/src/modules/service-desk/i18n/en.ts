import type { serviceDeskZh } from './zh.ts';

export const serviceDeskEn: Record<keyof typeof serviceDeskZh, string> = {
  'module.service-desk.label': 'Special-groups desk',
  'module.service-desk.description':
    'Guided, assisted-proxy, home-visit, appointment and authorised services for elderly, pregnant, disabled and military people.',
};
