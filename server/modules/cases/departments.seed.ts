import { readFileSync } from 'node:fs';
import type { Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import type { SeedStep } from '../../platform/seed/seed-step.ts';
import { upsertDepartments, upsertRoutes } from './departments.store.ts';

interface DemoDepartment {
  key: string;
  zh: string;
  en: string;
  codes: string[];
}

const demo: DemoDepartment[] = JSON.parse(
  readFileSync(new URL('./data/demo-departments.json', import.meta.url), 'utf8'),
).departments;

/** The demo county's departments and county-wide routing (tests use it too). */
export async function seedDemoDepartments(ctx: Ctx): Promise<void> {
  await tx(ctx, async (t) => {
    await upsertDepartments(
      t.db,
      t.countyCode,
      demo.map((d, i) => ({ key: d.key, titleZh: d.zh, titleEn: d.en, active: true, sortOrder: i })),
    );
    await upsertRoutes(
      t.db,
      t.countyCode,
      demo.flatMap((d) => d.codes.map((categoryCode) => ({ categoryCode, areaCode: '', department: d.key }))),
    );
  });
}

export const departmentsSeed: SeedStep = {
  name: 'cases departments',
  async run(ctx, _options, progress) {
    await seedDemoDepartments(ctx);
    progress(demo.length, demo.length);
  },
};
