import { readFileSync } from 'node:fs';
import type { Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import type { SeedStep } from '../../platform/seed/seed-step.ts';
import { findUserByLogin } from '../../platform/auth/users.store.ts';
import { setDepartmentHead, upsertDepartments, upsertRoutes } from './departments.store.ts';

interface DemoDepartment {
  key: string;
  zh: string;
  en: string;
  codes: string[];
  /** The demo account that heads it (负责人, whom 督办 reaches), when the demo has one. */
  head?: string;
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

/** Heads of the demo departments, by their demo accounts (seeded before: the platform's seeds run first). */
export async function seedDemoDepartmentHeads(ctx: Ctx): Promise<void> {
  await tx(ctx, async (t) => {
    for (const department of demo) {
      const head = department.head ? await findUserByLogin(t.db, t.countyCode, department.head) : undefined;
      if (head) await setDepartmentHead(t.db, t.countyCode, department.key, head.id);
    }
  });
}

export const departmentsSeed: SeedStep = {
  name: 'cases departments',
  async run(ctx, _options, progress) {
    await seedDemoDepartments(ctx);
    await seedDemoDepartmentHeads(ctx);
    progress(demo.length, demo.length);
  },
};
