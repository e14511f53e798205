import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { regionCode } from './columns.ts';

export const regionLevels = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/** Administrative divisions, province down to village (统计用区划代码 + GB/T 2260). */
export const region = pgTable(
  'region',
  {
    code: regionCode('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: regionLevels }).notNull(),
    parentCode: regionCode('parent_code'),
    /** 街道 / 镇 / 乡 / 居委会 / 村委会 / other, from the code's 3-digit segment. */
    kind: text('kind'),
    /** Where the row came from: the national list, or generated for the demo county. */
    source: text('source', { enum: ['nbs', 'demo'] }).notNull(),
    depth: smallint('depth').notNull(),
  },
  (t) => [
    index('region_parent_idx').on(t.parentCode),
    check('region_code_digits', sql`${t.code} ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'`),
  ],
);

/** Installation-wide facts (which demo seed ran, reference-data versions), keyed per county. */
export const appSetting = pgTable(
  'app_setting',
  {
    regionCode: regionCode('region_code').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.key] })],
);
