import type { insuranceZh } from './zh.ts';

export const insuranceEn: Record<keyof typeof insuranceZh, string> = {
  'module.insurance.label': 'Medical insurance',
  'module.insurance.description':
    'Certification of hypertension and diabetes outpatient medication guarantee, remote-care filing and direct settlement, clearing and reconciliation.',
};
