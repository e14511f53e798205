import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, bytea, regionCode } from './columns.ts';

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

/** The three duties of 门前三包 (anchors §4.1): 包卫生, 包秩序 (市容), 包绿化 (or 包设施). */
export const agreementDutySections = ['hygiene', 'order', 'greenery'] as const;
export type AgreementDutySection = (typeof agreementDutySections)[number];

/** One duty line of an agreement: its section and its wording as printed. */
export interface AgreementDuty {
  section: AgreementDutySection;
  text: string;
}

/** The fixed wording of a template: its legal basis, the responsible party's general duties and the penalty ladder. */
export interface AgreementClauses {
  basis: string;
  generalDuties: string;
  penalties: string;
}

export const agreementTemplateStatuses = ['draft', 'active', 'retired'] as const;

/**
 * A version of the county's 门前三包责任书 wording. One version is active at a time; a new agreement copies the
 * active version's duties and clauses, so an agreement keeps the words it was signed with when the template moves on.
 */
export const merchantsAgreementTemplate = pgTable(
  'merchants_agreement_template',
  {
    regionCode: regionCode('region_code').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    duties: jsonb('duties').$type<AgreementDuty[]>().notNull(),
    clauses: jsonb('clauses').$type<AgreementClauses>().notNull(),
    /** Months an agreement made from it runs, unless the signing names another term. */
    termMonths: integer('term_months').notNull(),
    status: text('status', { enum: agreementTemplateStatuses }).notNull(),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
    activatedAt: at('activated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.version] }),
    uniqueIndex('merchants_agreement_template_active_uq').on(t.regionCode).where(sql`${t.status} = 'active'`),
    check('merchants_agreement_template_term', sql`${t.termMonths} between 1 and 60`),
  ],
);

/** 草稿 (drawn up, not yet signed), 已签订 (in force over its term), 已解除 (ended early: the shop moved or closed). */
export const agreementStatuses = ['draft', 'signed', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** How the merchant's signature was taken: drawn on the screen, or a photo of the signed paper. */
export const signatureKinds = ['onscreen', 'scan'] as const;
export type SignatureKind = (typeof signatureKinds)[number];

/**
 * A merchant's 门前三包责任书: the zone (frontage × depth and a description), the duties and clauses copied from the
 * template version, the three parties (the township's government, the village or community committee, the
 * merchant), the term, and — once signed — who signed, when, and the evidence (the signature or the signed
 * paper's photo, cleaned of EXIF). Whether it is in force is read from status and term: a signed agreement whose
 * term has ended has expired without anyone changing it.
 */
export const merchantsAgreement = pgTable(
  'merchants_agreement',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    /** Printed on the paper: MQ + year + a sequence, e.g. MQ2026-000123. */
    agreementNo: text('agreement_no').notNull(),
    merchantId: uuid('merchant_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    title: text('title').notNull(),
    duties: jsonb('duties').$type<AgreementDuty[]>().notNull(),
    clauses: jsonb('clauses').$type<AgreementClauses>().notNull(),
    zoneLengthDm: integer('zone_length_dm').notNull(),
    zoneDepthDm: integer('zone_depth_dm').notNull(),
    zoneDescription: text('zone_description').notNull(),
    /** Party 甲: the township (镇人民政府/街道办事处) whose office signs. */
    townshipCode: regionCode('township_code').notNull(),
    /** Party 乙: the village or community committee; the township itself where the shop stands in no village. */
    villageCode: regionCode('village_code').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    status: text('status', { enum: agreementStatuses }).notNull(),
    /** The agreement this one renews (the same zone, the next term). */
    renews: uuid('renews'),
    signedAt: at('signed_at'),
    /** The staff member who took the signature (the merchant's signer is a name, sealed). */
    signedBy: uuid('signed_by'),
    signerNameEnc: text('signer_name_enc'),
    signatureKind: text('signature_kind', { enum: signatureKinds }),
    signatureImage: bytea('signature_image'),
    signatureSha256: text('signature_sha256'),
    signatureWidth: integer('signature_width'),
    signatureHeight: integer('signature_height'),
    terminatedAt: at('terminated_at'),
    terminationReason: text('termination_reason'),
    /** When the expiry reminder went out (once per agreement). */
    remindedAt: at('reminded_at'),
    createdAt: at('created_at').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: at('updated_at').notNull(),
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('merchants_agreement_no_uq').on(t.regionCode, t.agreementNo),
    foreignKey({
      columns: [t.regionCode, t.merchantId],
      foreignColumns: [merchantsMerchant.regionCode, merchantsMerchant.id],
      name: 'merchants_agreement_merchant_fk',
    }),
    // A merchant has at most one draft at a time (a second "new agreement" is the same paper being drawn up).
    uniqueIndex('merchants_agreement_one_draft_uq').on(t.regionCode, t.merchantId).where(sql`${t.status} = 'draft'`),
    index('merchants_agreement_merchant_idx').on(t.regionCode, t.merchantId, t.termEnd),
    index('merchants_agreement_expiry_idx').on(t.regionCode, t.termEnd).where(sql`${t.status} = 'signed'`),
    check('merchants_agreement_term', sql`${t.termEnd} >= ${t.termStart}`),
    check('merchants_agreement_zone', sql`${t.zoneLengthDm} > 0 and ${t.zoneDepthDm} > 0`),
    check(
      'merchants_agreement_signed',
      sql`(${t.status} = 'draft') = (${t.signedAt} is null) and (${t.signedAt} is null) = (${t.signatureImage} is null)`,
    ),
  ],
);

/** Agreement numbers: one sequence (the year in the number is the year it was drawn up). */
export const merchantsAgreementNoSeq = pgSequence('merchants_agreement_no_seq');
