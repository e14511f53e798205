import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/** Merchant numbers: one sequence for the database (a county's numbers need not be dense, only unique). */
export const merchantsMerchantNoSeq = pgSequence('merchants_merchant_no_seq');

/**
 * What a business is, for the 门前三包 registry and the market-supervision plans (issue #14): 食品销售 (shops and
 * stalls selling food), 餐饮服务 (restaurants, canteens, 小饭桌), and everything else (retail, services). Markets
 * (集贸市场 开办者) are `market_operator`: the inspection rules give them their own checklist (anchors §5,
 * 食品生产经营监督检查管理办法 §13–14).
 */
export const merchantKinds = ['food_sale', 'catering', 'market_operator', 'other'] as const;
export type MerchantKind = (typeof merchantKinds)[number];

/** 风险等级 A (lowest) to D (highest), set by market supervision for food businesses (§21–22). */
export const riskGrades = ['A', 'B', 'C', 'D'] as const;
export type RiskGrade = (typeof riskGrades)[number];

/** 在营, 停业 (temporarily closed, still bound by its agreement), 注销 (gone: kept for history, no new work). */
export const merchantStatuses = ['open', 'suspended', 'closed'] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];

/**
 * One shop, stall or business of the county (商户一户一档). Identified by its 统一社会信用代码 (GB 32100, checked) or,
 * for an 个体工商户 still on an old licence, its 15-digit 注册号; one of the two is required, and neither may
 * repeat within the county. `location_code` is the village (or township) it stands in: the data-scope key, as
 * for cases. The operator's name and phone are personal data: sealed, masked when shown, revealed with a reason.
 */
export const merchantsMerchant = pgTable(
  'merchants_merchant',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    /** What staff read out and the import matches on: SH + a sequence, e.g. SH000123 (drawn by the insert). */
    merchantNo: text('merchant_no')
      .notNull()
      .default(sql`('SH' || lpad(nextval('merchants_merchant_no_seq')::text, 6, '0'))`),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    licenceNo: text('licence_no'),
    kind: text('kind', { enum: merchantKinds }).notNull(),
    /** A stall inside a 集贸市场 (its market is another merchant, `market_id`). */
    marketStall: boolean('market_stall').notNull().default(false),
    marketId: uuid('market_id'),
    /** Within 200 m of a school gate (校园周边): the school-surroundings campaign's targets. */
    schoolSurroundings: boolean('school_surroundings').notNull().default(false),
    /** Under market supervision's inspection plans (the food businesses and the other regulated ones). */
    supervised: boolean('supervised').notNull().default(false),
    riskGrade: text('risk_grade', { enum: riskGrades }),
    status: text('status', { enum: merchantStatuses }).notNull().default('open'),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    locationCode: regionCode('location_code').notNull(),
    townshipCode: regionCode('township_code').notNull(),
    gridCode: text('grid_code'),
    operatorNameEnc: text('operator_name_enc').notNull(),
    operatorPhoneEnc: text('operator_phone_enc'),
    operatorPhoneHmac: text('operator_phone_hmac'),
    /** Frontage length along the street (m × 10): the default width of its 门前三包 zone. */
    frontageDm: integer('frontage_dm'),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: at('updated_at').notNull(),
    closedAt: at('closed_at'),
    /** Optimistic concurrency: an edit names the revision it read. */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('merchants_merchant_no_uq').on(t.regionCode, t.merchantNo),
    uniqueIndex('merchants_merchant_credit_uq').on(t.regionCode, t.creditCode).where(sql`${t.creditCode} is not null`),
    uniqueIndex('merchants_merchant_licence_uq').on(t.regionCode, t.licenceNo).where(sql`${t.licenceNo} is not null`),
    // The list's filters read by township and kind; location_code last so the scope is checked in the index.
    index('merchants_merchant_township_idx').on(t.regionCode, t.townshipCode, t.kind, t.locationCode),
    index('merchants_merchant_location_idx').on(t.regionCode, t.locationCode),
    index('merchants_merchant_name_idx').on(t.regionCode, t.name),
    index('merchants_merchant_place_idx').on(t.regionCode, t.lng, t.lat).where(sql`${t.lng} is not null`),
    index('merchants_merchant_phone_idx')
      .on(t.regionCode, t.operatorPhoneHmac)
      .where(sql`${t.operatorPhoneHmac} is not null`),
    check('merchants_merchant_identity', sql`${t.creditCode} is not null or ${t.licenceNo} is not null`),
    check('merchants_merchant_point', sql`(${t.lng} is null) = (${t.lat} is null)`),
    check('merchants_merchant_lng', sql`${t.lng} between -180 and 180`),
    check('merchants_merchant_lat', sql`${t.lat} between -90 and 90`),
    check('merchants_merchant_frontage', sql`${t.frontageDm} is null or ${t.frontageDm} > 0`),
    check('merchants_merchant_stall', sql`${t.marketId} is null or ${t.marketStall}`),
  ],
);
