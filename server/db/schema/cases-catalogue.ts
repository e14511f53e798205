import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { regionCode } from './columns.ts';

/** GB/T 47678.5-2026 splits its table into 管理部件 (components) and 管理事项 (events). */
export const categoryKinds = ['event', 'component'] as const;
export type CategoryKind = (typeof categoryKinds)[number];

/** The closed loop's stages a time limit can run on (信息收集 … 核查结案, anchors §3.2). */
export const limitStages = ['register', 'verify_report', 'dispatch', 'handle', 'verify', 'close'] as const;
export type LimitStage = (typeof limitStages)[number];

/** 处置时限 are stated in 工作时 or 工作日 (anchors §3.3), counted on the working calendar. */
export const limitUnits = ['working_hours', 'working_days'] as const;
export type LimitUnit = (typeof limitUnits)[number];

/** One loaded edition of the category table per county; exactly one is active (the one new cases use). */
export const casesCatalogueVersion = pgTable(
  'cases_catalogue_version',
  {
    regionCode: regionCode('region_code').notNull(),
    version: text('version').notNull(),
    /** The standard the codes come from, e.g. 'GB/T 47678.5-2026'. */
    standardRef: text('standard_ref').notNull(),
    /** The day the edition takes effect (GB/T 47678.5-2026: 2026-07-01). */
    publishedAt: date('published_at', { mode: 'string' }).notNull(),
    /** Where the data was transcribed from, and what is still to be verified. */
    source: text('source').notNull(),
    /** sha256 of the data file (first 16 hex digits): a changed file reloads the edition. */
    contentHash: text('content_hash').notNull(),
    active: boolean('active').notNull().default(false),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.version] })],
);

const versionRef = (t: { regionCode: AnyPgColumn; version: AnyPgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.regionCode, t.version],
    foreignColumns: [casesCatalogueVersion.regionCode, casesCatalogueVersion.version],
  }).onDelete('cascade');

/**
 * A 管理事项 or 管理部件: 2-digit class (大类) + 3-digit subclass (小类) (GB/T 47678.5-2026, anchors §0.2).
 * Names are `title_*`, not `name_*`, so the PI-01 column check does not take a category for a person.
 */
export const casesCategory = pgTable(
  'cases_category',
  {
    regionCode: regionCode('region_code').notNull(),
    version: text('version').notNull(),
    /** Five digits as the standard writes them: class (2) + subclass (3), e.g. '09006' 占道经营. */
    code: text('code').notNull(),
    kind: text('kind', { enum: categoryKinds }).notNull(),
    classCode: text('class_code').notNull(),
    classTitleZh: text('class_title_zh').notNull(),
    classTitleEn: text('class_title_en').notNull(),
    subclassCode: text('subclass_code').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    /** The department cases of this code go to unless a grid rule says otherwise; null until the county sets it. */
    defaultDepartment: text('default_department'),
    /** For measured categories: 'm2' (私搭乱建 面积). */
    measureUnit: text('measure_unit'),
    /** The value is from a secondary or unverified source; `provisionalReason` says which part and why. */
    provisional: boolean('provisional').notNull().default(false),
    provisionalReason: text('provisional_reason'),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.version, t.code] }),
    versionRef(t, 'cases_category_version_fk'),
    check('cases_category_kind', sql`${t.kind} in ('event', 'component')`),
    check('cases_category_code', sql`${t.code} ~ '^[0-9]{5}$'`),
  ],
);

/** GB/T 30428.2-2013 codes still used by 市级平台 and old records, each mapped to one current code. */
export const casesLegacyCode = pgTable(
  'cases_legacy_code',
  {
    regionCode: regionCode('region_code').notNull(),
    version: text('version').notNull(),
    legacyCode: text('legacy_code').notNull(),
    code: text('code').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    provisionalReason: text('provisional_reason'),
  },
  (t) => [
    // One legacy code → exactly one current code, by key.
    primaryKey({ columns: [t.regionCode, t.version, t.legacyCode] }),
    foreignKey({
      name: 'cases_legacy_code_category_fk',
      columns: [t.regionCode, t.version, t.code],
      foreignColumns: [casesCategory.regionCode, casesCategory.version, casesCategory.code],
    }).onDelete('cascade'),
  ],
);

/** 处置时限 per code × stage (× step, for staged cases such as 私搭乱建 停工 → 处罚 → 拆除). */
export const casesStageLimit = pgTable(
  'cases_stage_limit',
  {
    regionCode: regionCode('region_code').notNull(),
    version: text('version').notNull(),
    code: text('code').notNull(),
    stage: text('stage', { enum: limitStages }).notNull(),
    /** 'whole' for a one-step stage; otherwise the step's key ('stop_work', 'penalty', 'demolition'). */
    step: text('step').notNull(),
    /** Order of the steps within the stage. */
    stepOrder: integer('step_order').notNull(),
    amount: numeric('amount', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    unit: text('unit', { enum: limitUnits }).notNull(),
    provisional: boolean('provisional').notNull().default(false),
    provisionalReason: text('provisional_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.version, t.code, t.stage, t.step] }),
    foreignKey({
      name: 'cases_stage_limit_category_fk',
      columns: [t.regionCode, t.version, t.code],
      foreignColumns: [casesCategory.regionCode, casesCategory.version, casesCategory.code],
    }).onDelete('cascade'),
    check(
      'cases_stage_limit_stage',
      sql`${t.stage} in ('register', 'verify_report', 'dispatch', 'handle', 'verify', 'close')`,
    ),
    check('cases_stage_limit_unit', sql`${t.unit} in ('working_hours', 'working_days')`),
    check('cases_stage_limit_amount', sql`${t.amount} > 0`),
  ],
);

/** 专项 tags (三乱, 四乱, 创文) that group several codes for a campaign (anchors §3.4). */
export const casesCampaignTag = pgTable(
  'cases_campaign_tag',
  {
    regionCode: regionCode('region_code').notNull(),
    version: text('version').notNull(),
    tagKey: text('tag_key').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    provisionalReason: text('provisional_reason'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.version, t.tagKey] }), versionRef(t, 'cases_campaign_tag_version_fk')],
);

export const casesCampaignTagMember = pgTable(
  'cases_campaign_tag_member',
  {
    regionCode: regionCode('region_code').notNull(),
    version: text('version').notNull(),
    tagKey: text('tag_key').notNull(),
    code: text('code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.version, t.tagKey, t.code] }),
    foreignKey({
      name: 'cases_campaign_tag_member_tag_fk',
      columns: [t.regionCode, t.version, t.tagKey],
      foreignColumns: [casesCampaignTag.regionCode, casesCampaignTag.version, casesCampaignTag.tagKey],
    }).onDelete('cascade'),
    foreignKey({
      name: 'cases_campaign_tag_member_category_fk',
      columns: [t.regionCode, t.version, t.code],
      foreignColumns: [casesCategory.regionCode, casesCategory.version, casesCategory.code],
    }).onDelete('cascade'),
  ],
);
