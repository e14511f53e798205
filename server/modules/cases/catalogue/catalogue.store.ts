import { and, asc, eq, ne } from 'drizzle-orm';
import {
  casesCampaignTag,
  casesCampaignTagMember,
  casesCatalogueVersion,
  casesCategory,
  casesLegacyCode,
  casesStageLimit,
} from '../../../db/schema/cases-catalogue.ts';
import type { Db } from '../../../platform/db/database.ts';
import { type CasesCatalogueData, type CatalogueFile, classOf } from './catalogue-data.ts';

export type CategoryRow = typeof casesCategory.$inferSelect;
export type StageLimitRow = typeof casesStageLimit.$inferSelect;
export type LegacyCodeRow = typeof casesLegacyCode.$inferSelect;
export type CampaignTagRow = typeof casesCampaignTag.$inferSelect;
export type VersionRow = typeof casesCatalogueVersion.$inferSelect;

/**
 * Replaces the county's rows of this edition with the file's and makes it the active one. The child tables
 * go with the version row (on delete cascade), so a code dropped from the file does not linger.
 */
export async function replaceCatalogueEdition(
  db: Db,
  regionCode: string,
  { file, hash }: CasesCatalogueData,
  now: Date,
): Promise<void> {
  const { version } = file;
  await db
    .delete(casesCatalogueVersion)
    .where(and(eq(casesCatalogueVersion.regionCode, regionCode), eq(casesCatalogueVersion.version, version)));
  await db
    .update(casesCatalogueVersion)
    .set({ active: false })
    .where(and(eq(casesCatalogueVersion.regionCode, regionCode), ne(casesCatalogueVersion.version, version)));
  await db.insert(casesCatalogueVersion).values({
    regionCode,
    version,
    standardRef: file.standardRef,
    publishedAt: file.publishedAt,
    source: file.source,
    contentHash: hash,
    active: true,
    loadedAt: now,
  });
  const key = { regionCode, version };
  await db.insert(casesCategory).values(categoryRows(file).map((row) => ({ ...key, ...row })));
  const legacy = legacyRows(file).map((row) => ({ ...key, ...row }));
  if (legacy.length > 0) await db.insert(casesLegacyCode).values(legacy);
  const limits = limitRows(file).map((row) => ({ ...key, ...row }));
  if (limits.length > 0) await db.insert(casesStageLimit).values(limits);
  if (file.campaignTags.length === 0) return;
  await db.insert(casesCampaignTag).values(
    file.campaignTags.map((t) => ({
      ...key,
      tagKey: t.key,
      titleZh: t.nameZh,
      titleEn: t.nameEn,
      provisional: t.provisional ?? false,
      provisionalReason: t.reason ?? null,
    })),
  );
  await db
    .insert(casesCampaignTagMember)
    .values(file.campaignTags.flatMap((t) => t.members.map((code) => ({ ...key, tagKey: t.key, code }))));
}

function legacyRows(file: CatalogueFile) {
  return file.categories.flatMap((c) =>
    c.legacy.map((l) => ({
      legacyCode: l.code,
      code: c.code,
      provisional: l.provisional ?? false,
      provisionalReason: l.reason ?? null,
    })),
  );
}

function limitRows(file: CatalogueFile) {
  return file.categories.flatMap((c) =>
    c.limits.map((l, i) => ({
      code: c.code,
      stage: l.stage,
      step: l.step ?? 'whole',
      stepOrder: i,
      amount: l.amount,
      unit: l.unit,
      provisional: l.provisional ?? false,
      provisionalReason: l.reason ?? null,
    })),
  );
}

function categoryRows(file: CatalogueFile) {
  const classes = new Map(file.classes.map((c) => [c.code, c]));
  return file.categories.map((c, sortOrder) => {
    const major = classes.get(classOf(c.code))!;
    return {
      code: c.code,
      kind: major.kind,
      classCode: major.code,
      classTitleZh: major.nameZh,
      classTitleEn: major.nameEn,
      subclassCode: c.code.slice(2),
      titleZh: c.nameZh,
      titleEn: c.nameEn,
      defaultDepartment: c.defaultDepartment,
      measureUnit: c.measureUnit,
      provisional: c.provisional ?? false,
      provisionalReason: c.reason ?? null,
      sortOrder,
    };
  });
}

export async function findActiveVersion(db: Db, regionCode: string): Promise<VersionRow | undefined> {
  const rows = await db
    .select()
    .from(casesCatalogueVersion)
    .where(and(eq(casesCatalogueVersion.regionCode, regionCode), eq(casesCatalogueVersion.active, true)));
  return rows[0];
}

export interface EditionRows {
  categories: CategoryRow[];
  limits: StageLimitRow[];
  legacy: LegacyCodeRow[];
  tags: CampaignTagRow[];
  members: Array<{ tagKey: string; code: string }>;
}

type CodedTable =
  | typeof casesCategory
  | typeof casesStageLimit
  | typeof casesLegacyCode
  | typeof casesCampaignTagMember;

/** The edition's rows of a table, or only one code's when `code` is given. */
function editionFilter(table: CodedTable, regionCode: string, version: string, code: string | undefined) {
  const edition = and(eq(table.regionCode, regionCode), eq(table.version, version));
  return code === undefined ? edition : and(edition, eq(table.code, code));
}

/** One edition's rows, or only one code's when `code` is given (queries in turn: PGlite has one session). */
export async function listEditionRows(
  db: Db,
  regionCode: string,
  version: string,
  code?: string,
): Promise<EditionRows> {
  const categories = await db
    .select()
    .from(casesCategory)
    .where(editionFilter(casesCategory, regionCode, version, code))
    .orderBy(asc(casesCategory.sortOrder));
  const limits = await db
    .select()
    .from(casesStageLimit)
    .where(editionFilter(casesStageLimit, regionCode, version, code))
    .orderBy(asc(casesStageLimit.code), asc(casesStageLimit.stepOrder));
  const legacy = await db
    .select()
    .from(casesLegacyCode)
    .where(editionFilter(casesLegacyCode, regionCode, version, code))
    .orderBy(asc(casesLegacyCode.legacyCode));
  const members = await db
    .select({ tagKey: casesCampaignTagMember.tagKey, code: casesCampaignTagMember.code })
    .from(casesCampaignTagMember)
    .where(editionFilter(casesCampaignTagMember, regionCode, version, code));
  const tags = await db
    .select()
    .from(casesCampaignTag)
    .where(and(eq(casesCampaignTag.regionCode, regionCode), eq(casesCampaignTag.version, version)))
    .orderBy(asc(casesCampaignTag.tagKey));
  return { categories, limits, legacy, tags, members };
}
