import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CategoryKind, LimitStage, LimitUnit } from '../../../db/schema/cases-catalogue.ts';
import { limitStages, limitUnits } from './catalogue.schema.ts';

/** A value taken from a secondary or unverified source (anchors "(memory)" / "verify"), with the reason. */
interface Provisional {
  provisional?: boolean;
  reason?: string;
}

export interface CatalogueClass {
  code: string;
  kind: CategoryKind;
  nameZh: string;
  nameEn: string;
}

export interface CatalogueLimit extends Provisional {
  stage: LimitStage;
  /** 'whole', or a step of a staged stage (私搭乱建: stop_work → penalty → demolition). */
  step?: string;
  amount: number;
  unit: LimitUnit;
}

export interface CatalogueCategory extends Provisional {
  code: string;
  nameZh: string;
  nameEn: string;
  legacy: Array<{ code: string } & Provisional>;
  measureUnit: 'm2' | null;
  defaultDepartment: string | null;
  limits: CatalogueLimit[];
}

export interface CatalogueTag extends Provisional {
  key: string;
  nameZh: string;
  nameEn: string;
  members: string[];
}

export interface CatalogueFile {
  version: string;
  standardRef: string;
  publishedAt: string;
  legacyStandardRef: string;
  source: string;
  classes: CatalogueClass[];
  categories: CatalogueCategory[];
  campaignTags: CatalogueTag[];
}

export interface CasesCatalogueData {
  file: CatalogueFile;
  /** First 16 hex digits of the file's sha256: a changed file reloads the edition. */
  hash: string;
}

/** GB/T 47678.5-2026: 2-digit class + 3-digit subclass. */
export const currentCodePattern = /^[0-9]{5}$/;
/** GB/T 30428.2-2013 as vendors write it: class-subclass, e.g. '04-06'. */
export const legacyCodePattern = /^[0-9]{2}-[0-9]{2}$/;

const dataFile = path.join(import.meta.dirname, 'data', 'catalogue-2026.json');
let cached: CasesCatalogueData | undefined;

/** The category table shipped with this release, checked (read once per process). */
export function readCasesCatalogue(): CasesCatalogueData {
  if (cached) return cached;
  const text = fs.readFileSync(dataFile, 'utf8');
  const file = JSON.parse(text) as CatalogueFile;
  const problems = catalogueProblems(file);
  if (problems.length > 0) throw new Error(`catalogue-2026.json is inconsistent: ${problems.slice(0, 5).join('; ')}`);
  cached = { file, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
  return cached;
}

/** The class a code belongs to: its first two digits (GB/T 47678.5-2026 code structure). */
export const classOf = (code: string): string => code.slice(0, 2);

/**
 * Refuses a damaged file at start rather than filing cases under wrong codes or deadlines: codes well formed,
 * unique and in a known class; each legacy code mapped once; limits in known stages and units, each step once;
 * tags naming only known codes; and every provisional value carrying its reason.
 */
export function catalogueProblems(file: CatalogueFile): string[] {
  const problems: string[] = [];
  const classes = new Set(file.classes.map((c) => c.code));
  const codes = new Set<string>();
  const legacy = new Set<string>();
  for (const c of file.categories) {
    if (!currentCodePattern.test(c.code)) problems.push(`${c.code}: not a 5-digit code`);
    if (!classes.has(classOf(c.code))) problems.push(`${c.code}: unknown class`);
    if (codes.has(c.code)) problems.push(`${c.code}: listed twice`);
    codes.add(c.code);
    problems.push(...reasonProblems(c.code, c), ...legacyProblems(c, legacy), ...limitProblems(c));
  }
  for (const tag of file.campaignTags) {
    for (const code of tag.members) if (!codes.has(code)) problems.push(`${tag.key}: unknown member ${code}`);
    problems.push(...reasonProblems(tag.key, tag));
  }
  return problems;
}

function reasonProblems(what: string, value: Provisional): string[] {
  return value.provisional && !value.reason ? [`${what}: provisional without a reason`] : [];
}

/** `seen` collects legacy codes across categories: one legacy code maps to one current code. */
function legacyProblems(category: CatalogueCategory, seen: Set<string>): string[] {
  const problems: string[] = [];
  for (const l of category.legacy) {
    if (!legacyCodePattern.test(l.code)) problems.push(`${l.code}: not a legacy code`);
    if (seen.has(l.code)) problems.push(`${l.code}: mapped twice`);
    seen.add(l.code);
    problems.push(...reasonProblems(l.code, l));
  }
  return problems;
}

function limitProblems(category: CatalogueCategory): string[] {
  const problems: string[] = [];
  const steps = new Set<string>();
  for (const limit of category.limits) {
    const key = `${category.code} ${limit.stage}/${limit.step ?? 'whole'}`;
    if (!limitStages.includes(limit.stage) || !limitUnits.includes(limit.unit))
      problems.push(`${key}: unknown stage or unit`);
    if (!(limit.amount > 0)) problems.push(`${key}: amount must be positive`);
    if (steps.has(key)) problems.push(`${key}: listed twice`);
    steps.add(key);
    problems.push(...reasonProblems(key, limit));
  }
  return problems;
}
