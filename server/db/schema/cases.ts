import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, cleanedPhotoColumns, regionCode } from './columns.ts';

/**
 * The loop's states (数字城管 七个环节, anchors §3.2): 信息收集 reported (⇄ verifying: 核实 on site) → 案卷建立
 * registered | rejected | duplicate → 任务派遣 dispatched → 任务处理 handling → 处理反馈 handled → 核查结案 closed
 * (or back to dispatched: 返工). `verifying` comes last so the existing statuses keep their order.
 */
export const caseStatuses = [
  'reported',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'closed',
  'rejected',
  'duplicate',
  'verifying',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Where a report came from (监督员上报, 公众举报, 志愿者, 12345/12319 热线, other incl. Open311 partners). */
export const caseChannels = ['patrol', 'citizen', 'volunteer', 'hotline', 'other'] as const;
export type CaseChannel = (typeof caseChannels)[number];

/** The stage whose clock is running: 受理立案, 派遣, 处置 (incl. rework), 核查, and 核实 of a report before 立案. */
export const clockStages = ['register', 'dispatch', 'handle', 'verify', 'verify_report'] as const;
export type ClockStage = (typeof clockStages)[number];

export const photoStages = ['report', 'handle', 'verify', 'verify_report'] as const;
export type PhotoStage = (typeof photoStages)[number];

export const caseRequestKinds = ['extension', 'suspension'] as const;
export type CaseRequestKind = (typeof caseRequestKinds)[number];

/** One urban-appearance case. `region_code` is the county (shard key); `location_code` the village or township. */
export const casesCase = pgTable(
  'cases_case',
  {
    regionCode: regionCode('region_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().notNull(),
    /** What citizens and staff read out: year + id, e.g. 2026-00012345. */
    caseNo: text('case_no').notNull(),
    /** sha256 of the reporter's tracking token; the token itself is shown once. */
    trackingTokenHash: text('tracking_token_hash').notNull(),
    catalogueVersion: text('catalogue_version').notNull(),
    categoryCode: text('category_code').notNull(),
    channel: text('channel', { enum: caseChannels }).notNull(),
    status: text('status', { enum: caseStatuses }).notNull(),
    priority: text('priority', { enum: ['normal', 'urgent'] })
      .notNull()
      .default('normal'),
    /** The deepest region the point falls in (village, else township): the data-scope key. */
    locationCode: regionCode('location_code').notNull(),
    townshipCode: regionCode('township_code').notNull(),
    gridCode: text('grid_code'),
    /**
     * WGS84, as phones report it; the county check is a bounding box plus the township the reporter named.
     * Both null only for a partner's report placed by its address alone (Open311 address_string/address_id).
     */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    address: text('address').notNull(),
    description: text('description').notNull(),
    /** 私搭乱建 and other measured categories: 面积 in m². */
    areaM2: numeric('area_m2', { precision: 10, scale: 2, mode: 'number' }),
    reporterUserId: uuid('reporter_user_id'),
    reporterApiKeyId: uuid('reporter_api_key_id'),
    reporterPhoneEnc: text('reporter_phone_enc'),
    reporterPhoneHmac: text('reporter_phone_hmac'),
    /**
     * The reporter agreed to be told by SMS at acceptance and closing (PIPL art. 13-14: 短信告知办理进展, off by
     * default, withdrawable from the tracking page). Without a phone it is always false.
     */
    smsConsent: boolean('sms_consent').notNull().default(false),
    /** A partner's own reference (Open311 account_id; imported and demo 12345 history). */
    externalRef: text('external_ref'),
    /**
     * 热线受理: the 12345 platform's 工单号 of a call the dispatcher filed (normalised, hotline-intake.ts). One
     * case per ticket in the county, so a call entered twice is refused naming the first case.
     */
    hotlineTicketNo: text('hotline_ticket_no'),
    /** 热线受理: the caller's name when they gave one, sealed like the phone (shown masked). */
    reporterNameEnc: text('reporter_name_enc'),
    department: text('department'),
    handlerUserId: uuid('handler_user_id'),
    duplicateOf: bigint('duplicate_of', { mode: 'number' }),
    closingNote: text('closing_note'),
    reportedAt: at('reported_at').notNull(),
    registeredAt: at('registered_at'),
    dispatchedAt: at('dispatched_at'),
    handledAt: at('handled_at'),
    /** 处置时长: working minutes from dispatched_at to handled_at, decided at the feedback (handling-minutes.ts). */
    handlingMinutes: doublePrecision('handling_minutes'),
    closedAt: at('closed_at'),
    /**
     * 核实: when the inspector last answered on site (属实 or 不属实), and whether that came within the 核实
     * clock's limit (verify-report.ts). 按时核实率 is judged on them (evaluation-rows.store.ts).
     */
    reportVerifiedAt: at('report_verified_at'),
    reportVerifiedOnTime: boolean('report_verified_on_time'),
    updatedAt: at('updated_at').notNull(),
    /** The running clock: its stage, when it started, when it is due. Null once the case is finished. */
    clockStage: text('clock_stage', { enum: clockStages }),
    stageStartedAt: at('stage_started_at'),
    stageDueAt: at('stage_due_at'),
    /** 挂起: the clock is stopped; the working minutes left are kept to restart it. */
    suspendedAt: at('suspended_at'),
    suspendedRemainingMinutes: integer('suspended_remaining_minutes'),
    /** The 处置 deadline (派遣 → 反馈), extended by approved 延期 and shifted by 挂起: 按期结案 is judged on it. */
    handleDueAt: at('handle_due_at'),
    closedOnTime: boolean('closed_on_time'),
    reworkCount: smallint('rework_count').notNull().default(0),
    /** 督办 ladder step reached (0 = none). */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    /** 回访: the reporter's 1–5 satisfaction after closing. */
    satisfaction: smallint('satisfaction'),
    satisfactionComment: text('satisfaction_comment'),
    ratedAt: at('rated_at'),
    /** Bumped by every transition, so two people acting at once cannot both win. */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('cases_case_no_uq').on(t.regionCode, t.caseNo),
    uniqueIndex('cases_case_hotline_ticket_uq')
      .on(t.regionCode, t.hotlineTicketNo)
      .where(sql`${t.hotlineTicketNo} is not null`),
    // location_code last in the list indexes: the scope filter (location_code like …) is then checked in the
    // index, so the capped count (read-cases.ts) is an index-only scan instead of a heap fetch per case.
    index('cases_case_status_idx').on(t.regionCode, t.status, t.reportedAt, t.locationCode),
    index('cases_case_status_category_idx').on(t.regionCode, t.status, t.categoryCode, t.reportedAt, t.locationCode),
    // 我的上报 (queue=mine): an inspector's own reports, newest first.
    index('cases_case_reporter_idx')
      .on(t.regionCode, t.reporterUserId, t.reportedAt, t.locationCode)
      .where(sql`${t.reporterUserId} is not null`),
    index('cases_case_reported_idx').on(t.regionCode, t.reportedAt),
    index('cases_case_location_idx').on(t.regionCode, t.locationCode, t.reportedAt),
    index('cases_case_category_idx').on(t.regionCode, t.categoryCode, t.reportedAt),
    index('cases_case_department_idx').on(t.regionCode, t.department, t.status),
    index('cases_case_due_idx').on(t.regionCode, t.stageDueAt).where(sql`${t.stageDueAt} is not null`),
    // 综合评价: 立案数 by registered_at, 应结案数 by the instant a case settles (its deadline, or an earlier close).
    index('cases_case_registered_idx').on(t.regionCode, t.registeredAt).where(sql`${t.registeredAt} is not null`),
    index('cases_case_report_verified_idx')
      .on(t.regionCode, t.reportVerifiedAt)
      .where(sql`${t.reportVerifiedAt} is not null`),
    index('cases_case_settle_idx')
      .on(t.regionCode, sql`least(${t.handleDueAt}, ${t.closedAt})`)
      .where(sql`${t.handleDueAt} is not null`),
    // Duplicate suggestions: open cases of one code in a box around a point, without reading the closed history.
    index('cases_case_open_place_idx')
      .on(t.regionCode, t.categoryCode, t.lat, t.lng)
      .where(sql`${t.status} in ('reported', 'verifying', 'registered', 'dispatched', 'handling', 'handled')`),
    // Cases handled before handling_minutes was kept (filled in at start-up): empty once they are.
    index('cases_case_unclocked_idx')
      .on(t.regionCode)
      .where(sql`${t.handledAt} is not null and ${t.dispatchedAt} is not null and ${t.handlingMinutes} is null`),
    index('cases_case_duplicate_idx').on(t.regionCode, t.duplicateOf).where(sql`${t.duplicateOf} is not null`),
    index('cases_case_phone_idx').on(t.regionCode, t.reporterPhoneHmac).where(sql`${t.reporterPhoneHmac} is not null`),
    check('cases_case_lng', sql`${t.lng} between -180 and 180`),
    check('cases_case_lat', sql`${t.lat} between -90 and 90`),
    check('cases_case_point', sql`(${t.lng} is null) = (${t.lat} is null)`),
    check('cases_case_area', sql`${t.areaM2} is null or ${t.areaM2} > 0`),
    check('cases_case_satisfaction', sql`${t.satisfaction} is null or ${t.satisfaction} between 1 and 5`),
  ],
);

/** The case's timeline: one row per transition or note, in order. */
export const casesEvent = pgTable(
  'cases_event',
  {
    regionCode: regionCode('region_code').notNull(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    at: at('at').notNull(),
    action: text('action').notNull(),
    actorKind: text('actor_kind', { enum: ['user', 'api_key', 'reporter', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    fromStatus: text('from_status', { enum: caseStatuses }),
    toStatus: text('to_status', { enum: caseStatuses }),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.caseId, t.seq] }), index('cases_event_at_idx').on(t.regionCode, t.at)],
);

/** Photos, cleaned (EXIF stripped, rotated) before they are stored; the EXIF position is kept as data. */
export const casesPhoto = pgTable(
  'cases_photo',
  {
    regionCode: regionCode('region_code').notNull(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    stage: text('stage', { enum: photoStages }).notNull(),
    ...cleanedPhotoColumns(),
    uploadedAt: at('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
    sortOrder: smallint('sort_order').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.caseId, t.id] }),
    index('cases_photo_case_idx').on(t.regionCode, t.caseId, t.stage, t.sortOrder),
  ],
);

/** 专业部门 that handle cases, and which codes go to which of them (optionally only in one township). */
export const casesDepartment = pgTable(
  'cases_department',
  {
    regionCode: regionCode('region_code').notNull(),
    key: text('key').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The department's head (负责人), whom 督办 reaches; null = none named, its handlers are told instead. */
    headUserId: uuid('head_user_id'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.key] })],
);

export const casesRoute = pgTable(
  'cases_route',
  {
    regionCode: regionCode('region_code').notNull(),
    categoryCode: text('category_code').notNull(),
    /** '' for the whole county, else a township code: the longest match wins. */
    areaCode: regionCode('area_code').notNull().default(''),
    department: text('department').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.categoryCode, t.areaCode] })],
);

/** 延期 and 挂起 asked by the handler and decided by the dispatcher (maker ≠ checker). */
export const casesRequest = pgTable(
  'cases_request',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: caseRequestKinds }).notNull(),
    reason: text('reason').notNull(),
    /** 延期: working hours asked for. */
    hours: integer('hours'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: at('requested_at').notNull(),
    decision: text('decision', { enum: ['approved', 'refused'] }),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('cases_request_case_idx').on(t.regionCode, t.caseId),
    uniqueIndex('cases_request_pending_uq').on(t.regionCode, t.caseId).where(sql`${t.decision} is null`),
  ],
);
