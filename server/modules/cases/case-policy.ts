import type { LimitUnit } from '../../db/schema/cases-catalogue.ts';
import type { ClockStage } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import { readSetting } from '../../platform/settings/settings.store.ts';

export interface StageLimit {
  amount: number;
  unit: LimitUnit;
}

/**
 * The county's rules for the loop that the catalogue does not fix. Stage limits apply where a code has none
 * of its own (GB/T 47678.5 does not publish per-code limits for most codes; anchors §3.3 and §8): the values
 * follow common county practice (受理 0.5 工作日 as in the 12319 flow) and are the county's to change.
 */
export interface CasesPolicy {
  defaultLimits: Record<ClockStage, StageLimit>;
  /** Radius for duplicate suggestions, metres (FixMyStreet suggests within 50 m, anchors §2.7). */
  duplicateRadiusM: number;
  /** 督办 ladder: the step reached when a stage is this many working hours overdue. */
  escalationLadder: ReadonlyArray<{ level: number; overdueWorkingHours: number; titleZh: string; titleEn: string }>;
  /** Where reports may be placed: the county's bounding box (WGS84), checked before anything is stored. */
  bounds: { minLng: number; maxLng: number; minLat: number; maxLat: number };
  /** The longest extension one request may ask for, working hours. */
  maxExtensionHours: number;
}

export const casesPolicySettingKey = 'cases.policy';

/**
 * Yanling (炎陵县) lies at 26°02′–26°46′ N, 113°36′–114°07′ E (county gazetteer figures); the box adds
 * about 2 km so points on the border are not refused.
 */
export const defaultCasesPolicy: CasesPolicy = {
  defaultLimits: {
    register: { amount: 0.5, unit: 'working_days' },
    dispatch: { amount: 2, unit: 'working_hours' },
    handle: { amount: 3, unit: 'working_days' },
    verify: { amount: 1, unit: 'working_days' },
    // 核实 of a public or hotline report on site before 立案 (verify-report.ts): 2 工作时 is our reading of common
    // 数字城管 practice (the 监督员 goes while the report is fresh), not a national figure — the county's to confirm.
    verify_report: { amount: 2, unit: 'working_hours' },
  },
  duplicateRadiusM: 50,
  escalationLadder: [
    {
      level: 1,
      overdueWorkingHours: 0,
      titleZh: '超期提醒（部门负责人）',
      titleEn: 'Overdue reminder (department head)',
    },
    { level: 2, overdueWorkingHours: 8, titleZh: '创文办督办', titleEn: 'Campaign office supervision' },
    { level: 3, overdueWorkingHours: 24, titleZh: '县领导督办', titleEn: 'County leadership supervision' },
  ],
  bounds: { minLng: 113.58, maxLng: 114.14, minLat: 26.01, maxLat: 26.8 },
  maxExtensionHours: 80,
};

export async function loadCasesPolicy(db: Db, countyCode: string): Promise<CasesPolicy> {
  const saved = await readSetting<Partial<CasesPolicy>>(db, countyCode, casesPolicySettingKey);
  // A policy saved before a stage existed (核实 came later) keeps the default limit for that stage.
  const defaultLimits = { ...defaultCasesPolicy.defaultLimits, ...(saved?.defaultLimits ?? {}) };
  return { ...defaultCasesPolicy, ...(saved ?? {}), defaultLimits };
}
