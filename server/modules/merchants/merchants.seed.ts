import type { SeedStep } from '../../platform/seed/seed-step.ts';
import { demoMerchantsSeed } from './demo/demo-merchants.seed.ts';

/** The merchants module's part of the demo county, run after the platform's steps (villages first). */
export const merchantsSeeds: readonly SeedStep[] = [demoMerchantsSeed];
