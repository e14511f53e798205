import type { SeedStep } from '../../platform/seed/seed-step.ts';
import { departmentsSeed } from './departments.seed.ts';
import { demoCasesSeed } from './demo/demo-cases.seed.ts';

export const casesSeeds: readonly SeedStep[] = [departmentsSeed, demoCasesSeed];
