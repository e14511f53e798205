import { type Static, Type } from 'typebox';
import { caseChannels, caseStatuses, clockStages, photoStages } from '../../db/schema/cases.ts';
import { S } from '../../platform/http/schema.ts';
import { staffPhotoBodyLimit } from './body-limits.ts';
import { caseActions } from './case-flow.ts';
import { uploadIdPattern } from './photo-uploads/upload-token.ts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

export const CaseNoParams = S.object({
  caseNo: Type.String({ pattern: '^[0-9]{4}-[0-9]{8,12}$', description: 'Case number, e.g. 2026-00000123' }),
});
export const PhotoParams = S.object({
  caseNo: CaseNoParams.properties.caseNo,
  photoId: Type.String({ format: 'uuid' }),
});
export const PhotoQuery = S.object({ variant: Type.Optional(S.literals(['content', 'thumbnail'] as const)) });

/** Staff reports and actions with photos inline (body-limits.ts); most now name uploaded photos instead. */
export const photoBodyLimit = staffPhotoBodyLimit;

/**
 * A photo: either base64 inline (API clients; type, size and EXIF are checked on the bytes, not on a name) or
 * the id a photo upload answered with (`POST /api/cases/photo-uploads`, or the public one), so a phone on a weak
 * signal sends each photo once, as it is picked. Exactly one of the two; the service says which is missing.
 */
export const PhotoUpload = S.object({
  data: Type.Optional(
    Type.String({ minLength: 4, maxLength: 14_000_000, description: 'base64 of a JPEG, PNG, WebP or AVIF' }),
  ),
  uploadId: Type.Optional(
    Type.String({
      pattern: uploadIdPattern,
      description: 'uploadId from a photo upload (staff: a UUID; public: UUID.secret)',
    }),
  ),
});
const photos = (minItems: number) => Type.Array(PhotoUpload, { minItems, maxItems: 9 });

/** A photo upload's answer: enough for the form to show it and to suggest the place it was taken. */
export const PhotoUploadedSchema = Type.Object({
  uploadId: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  takenAt: nullable(Type.String({ format: 'date-time' })),
  location: nullable(
    Type.Object({ lng: Type.Number(), lat: Type.Number() }, { description: 'EXIF GPS (WGS84), when the photo had it' }),
  ),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type PhotoUploadedDto = Static<typeof PhotoUploadedSchema>;

export const Coordinates = {
  lng: Type.Number({ minimum: -180, maximum: 180, description: 'WGS84 longitude' }),
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS84 latitude' }),
};

const reportFields = {
  categoryCode: Type.String({ pattern: '^[0-9]{5}$', description: 'GB/T 47678.5-2026 code' }),
  ...Coordinates,
  address: text(200),
  regionCode: Type.String({
    pattern: '^[0-9]{9}([0-9]{3})?$',
    description: 'Township (9) or village (12) code in the county',
  }),
  gridCode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{1,30}$', description: '万米单元网格 code' })),
  description: text(4000),
  areaM2: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, description: '面积 m² (私搭乱建)' })),
  photos: photos(1),
};

/** The public form's consent to SMS notices (cases.sms.ts): off unless true, needs the phone, withdrawable. */
const smsConsent = Type.Optional(
  Type.Boolean({
    description: '短信告知办理进展: SMS at acceptance and closing (needs phone; off unless true; withdrawable)',
  }),
);

/**
 * A staff report (staff-report.ts): the point is optional (a hotline call is placed by township and address;
 * a phone may find no position), then the address is required; photos and description are optional where the
 * channel allows (a call has no photo; an inspector's photo says what the description would). The caller's
 * fields belong to a hotline intake (`cases.hotline`, hotline-intake.ts).
 */
export const StaffReportBody = S.object({
  ...reportFields,
  lng: Type.Optional(Coordinates.lng),
  lat: Type.Optional(Coordinates.lat),
  address: Type.Optional(Type.String({ maxLength: 200, description: 'Required when there is no point' })),
  description: Type.Optional(Type.String({ maxLength: 4000, description: 'Required for a hotline intake' })),
  photos: photos(0),
  channel: Type.Optional(
    S.literals(caseChannels, {
      description:
        "Default: the reporter's own (inspector patrol, volunteer volunteer, else other); hotline needs cases.hotline",
    }),
  ),
  priority: Type.Optional(S.literals(['normal', 'urgent'] as const)),
  phone: Type.Optional(
    Type.String({
      maxLength: 20,
      description: "Hotline: the caller's mobile; stored encrypted, shown masked",
    }),
  ),
  smsConsent: Type.Optional(
    Type.Boolean({
      description: 'Hotline: the caller agreed to SMS notices on the call (needs phone); off unless true',
    }),
  ),
  callerName: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'Hotline: how the caller asked to be called; stored encrypted, shown masked',
    }),
  ),
  ticketNo: Type.Optional(
    Type.String({
      maxLength: 60,
      description: 'Hotline: the 12345 工单号 (3–40 letters, digits, - _ /); one case per ticket in the county (409)',
    }),
  ),
});
export type StaffReportInput = Static<typeof StaffReportBody>;

/**
 * A citizen without a position (location refused, no GPS) names the township and says where in words, like
 * Open311's `address_string`: point and township are each optional, one of them is required (public-report.ts).
 */
export const CitizenReportBody = S.object({
  ...reportFields,
  lng: Type.Optional(Coordinates.lng),
  lat: Type.Optional(Coordinates.lat),
  regionCode: Type.Optional(reportFields.regionCode),
  phone: Type.Optional(
    Type.String({ maxLength: 20, description: 'Optional: for follow-up and 回访; stored encrypted' }),
  ),
  smsConsent,
});
export type CitizenReportInput = Static<typeof CitizenReportBody>;

export const ReportedSchema = Type.Object({
  caseNo: Type.String(),
  /** Shown once: with the case number it opens the tracking page. */
  trackingToken: Type.String(),
  status: S.literals(caseStatuses),
  duplicates: Type.Array(
    Type.Object({ caseNo: Type.String(), distanceM: Type.Number(), status: S.literals(caseStatuses) }),
  ),
});

const revision = Type.Integer({
  minimum: 0,
  description: 'The revision the action was decided on (from the case page)',
});
const reason = text(500);

export const ActionBodies = {
  register: S.object({
    revision,
    note: Type.Optional(reason),
    priority: Type.Optional(S.literals(['normal', 'urgent'] as const)),
    regionCode: Type.Optional(
      Type.String({
        pattern: '^[0-9]{9}([0-9]{3})?$',
        description: 'The township (9) or village (12): required while the township is to be assigned',
      }),
    ),
  }),
  reject: S.object({ revision, reason }),
  sendToVerify: S.object({
    revision,
    note: Type.Optional(reason),
    regionCode: Type.Optional(
      Type.String({
        pattern: '^[0-9]{9}([0-9]{3})?$',
        description: 'The township (9) or village (12) whose inspectors verify it: required while it is to be assigned',
      }),
    ),
  }),
  verifyReport: S.object({
    revision,
    confirmed: Type.Boolean({ description: '属实 (true: back to the intake to register) or 不属实 (false: rejected)' }),
    note: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'What was found; required when not confirmed' }),
    ),
    photos: photos(1),
    ...Type.Partial(Type.Object(Coordinates)).properties,
  }),
  merge: S.object({ revision, duplicateOf: CaseNoParams.properties.caseNo, note: Type.Optional(reason) }),
  dispatch: S.object({
    revision,
    department: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
    note: Type.Optional(reason),
  }),
  return: S.object({ revision, reason }),
  accept: S.object({ revision, note: Type.Optional(reason) }),
  feedback: S.object({ revision, result: reason, photos: photos(1) }),
  verify: S.object({
    revision,
    passed: Type.Boolean(),
    note: Type.Optional(reason),
    photos: Type.Optional(photos(0)),
    ...Type.Partial(Type.Object(Coordinates)).properties,
  }),
  extension: S.object({ revision, hours: Type.Integer({ minimum: 1, maximum: 400 }), reason }),
  suspension: S.object({ revision, reason }),
  decide: S.object({ revision, approved: Type.Boolean(), note: Type.Optional(reason) }),
  resume: S.object({ revision, note: Type.Optional(reason) }),
  escalate: S.object({ revision, note: reason }),
} as const;

export type ActionBody<K extends keyof typeof ActionBodies> = Static<(typeof ActionBodies)[K]>;

export const RateBody = S.object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
export type RateInput = Static<typeof RateBody>;
export const TrackingHeaders = Type.Object({ 'x-case-token': Type.String({ minLength: 16, maxLength: 64 }) });

export const ClockSchema = Type.Object({
  stage: nullable(S.literals(clockStages)),
  dueAt: nullable(Type.String({ format: 'date-time' })),
  overdue: Type.Boolean(),
  suspended: Type.Boolean(),
});

export const CaseListItemSchema = Type.Object({
  caseNo: Type.String(),
  status: S.literals(caseStatuses),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  channel: S.literals(caseChannels),
  priority: S.literals(['normal', 'urgent'] as const),
  regionCode: Type.String(),
  /** The county's own code while the township is to be assigned (then `townshipName` says so). */
  townshipCode: Type.String(),
  townshipName: Type.String(),
  address: Type.String(),
  /** null for a partner's report placed by its address alone (Open311 address_string/address_id). */
  lng: nullable(Type.Number()),
  lat: nullable(Type.Number()),
  department: nullable(Type.String()),
  reportedAt: Type.String({ format: 'date-time' }),
  closedAt: nullable(Type.String({ format: 'date-time' })),
  clock: ClockSchema,
  reworkCount: Type.Integer(),
  escalationLevel: Type.Integer(),
});
export type CaseListItemDto = Static<typeof CaseListItemSchema>;

export const PhotoSchema = Type.Object({
  id: Type.String(),
  stage: S.literals(photoStages),
  width: Type.Integer(),
  height: Type.Integer(),
  url: Type.String(),
  thumbnailUrl: Type.String(),
  takenAt: nullable(Type.String({ format: 'date-time' })),
});

export const EventSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  action: Type.String(),
  actor: Type.String({ description: 'Display name of the staff member, or 举报人 / 系统 / a partner' }),
  fromStatus: nullable(S.literals(caseStatuses)),
  toStatus: nullable(S.literals(caseStatuses)),
  note: nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const PendingRequestSchema = Type.Object({
  id: Type.String(),
  kind: S.literals(['extension', 'suspension'] as const),
  reason: Type.String(),
  hours: nullable(Type.Integer()),
  requestedAt: Type.String({ format: 'date-time' }),
});

export const CaseDetailSchema = Type.Object({
  ...CaseListItemSchema.properties,
  description: Type.String(),
  areaM2: nullable(Type.Number()),
  gridCode: nullable(Type.String()),
  reporter: Type.Object({
    kind: S.literals(['staff', 'citizen', 'partner'] as const),
    phone: nullable(Type.String({ description: 'masked' })),
    smsConsent: Type.Boolean({ description: 'the reporter asked to be told by SMS (短信告知办理进展)' }),
    name: Type.Optional(nullable(Type.String({ description: "热线: the caller's name, masked" }))),
    ticketNo: Type.Optional(nullable(Type.String({ description: '热线: the 12345 工单号' }))),
  }),
  registeredAt: nullable(Type.String({ format: 'date-time' })),
  dispatchedAt: nullable(Type.String({ format: 'date-time' })),
  handledAt: nullable(Type.String({ format: 'date-time' })),
  handleDueAt: nullable(Type.String({ format: 'date-time' })),
  closedOnTime: nullable(Type.Boolean()),
  duplicateOf: nullable(Type.String()),
  duplicates: Type.Array(Type.String()),
  /** Where the routing rules send this code at this place: the dispatch form's default. */
  suggestedDepartment: nullable(Type.String()),
  satisfaction: nullable(Type.Integer()),
  satisfactionComment: nullable(Type.String()),
  closingNote: nullable(Type.String()),
  revision: Type.Integer(),
  /** The county's limits the action forms check before sending, the same values the server checks (case-policy.ts). */
  limits: Type.Object({
    maxExtensionHours: Type.Integer({ description: 'The most working hours one 申请延期 may ask for' }),
  }),
  /** What the reader may do now: role × state, less what they may not check because they did it (maker ≠ checker). */
  actions: Type.Array(S.literals(caseActions)),
  /** Actions the reader's role allows here that they may not take on this case: they did the work it checks. */
  withheldActions: Type.Array(S.literals(caseActions)),
  pendingRequest: nullable(PendingRequestSchema),
  photos: Type.Array(PhotoSchema),
  events: Type.Array(EventSchema),
});
export type CaseDetailDto = Static<typeof CaseDetailSchema>;

/** 督办 `escalated`: open cases raised on the escalation ladder (by the sweep or by hand). */
export const queues = [
  'intake',
  'verify_report',
  'dispatch',
  'department',
  'verification',
  'mine',
  'overdue',
  'escalated',
] as const;
export type Queue = (typeof queues)[number];

export const CaseListQuery = S.object({
  queue: Type.Optional(S.literals(queues)),
  status: Type.Optional(Type.Array(S.literals(caseStatuses), { maxItems: 8 })),
  categoryCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  tag: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' })),
  regionCode: Type.Optional(S.regionCode()),
  department: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' })),
  channel: Type.Optional(S.literals(caseChannels)),
  overdue: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ format: 'date', description: 'Reported on or after (Asia/Shanghai date)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Reported on or before (Asia/Shanghai date)' })),
  q: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'A case number (2026-00001234 or 2026-1234), a serial (1234) or words of the address or description',
    }),
  ),
  ...S.page(),
});
export type CaseListQueryInput = Static<typeof CaseListQuery>;

export const CaseListSchema = Type.Object({
  items: Type.Array(CaseListItemSchema),
  /** Exact up to the cap; with `totalCapped` it means "at least this many". */
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type CaseListDto = Static<typeof CaseListSchema>;

export const QueueCountsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      queue: S.literals(queues),
      /** Exact up to the list's cap; with `capped` it means "at least this many". */
      count: Type.Integer(),
      capped: Type.Boolean(),
    }),
  ),
});
export type QueueCountsDto = Static<typeof QueueCountsSchema>;

export const NearbyQuery = S.object({
  categoryCode: reportFields.categoryCode,
  ...Coordinates,
  radiusM: Type.Optional(Type.Integer({ minimum: 10, maximum: 1000 })),
});
export const NearbySchema = Type.Object({
  radiusM: Type.Integer(),
  items: Type.Array(
    Type.Object({
      caseNo: Type.String(),
      status: S.literals(caseStatuses),
      distanceM: Type.Number(),
      address: Type.String(),
      reportedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const TrackingSchema = Type.Object({
  caseNo: Type.String(),
  status: S.literals(caseStatuses),
  categoryName: Type.String(),
  address: Type.String(),
  reportedAt: Type.String({ format: 'date-time' }),
  closedAt: nullable(Type.String({ format: 'date-time' })),
  dueAt: nullable(Type.String({ format: 'date-time' })),
  /** Merged into another case: its progress is this report's progress. */
  followsCaseNo: nullable(Type.String()),
  steps: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      status: S.literals(caseStatuses),
      note: nullable(Type.String()),
    }),
  ),
  resultPhotos: Type.Array(Type.String({ description: 'photo ids, fetched with the token' })),
  /**
   * 处置结果 once the department has reported back (待核查 or 已结案): what it wrote, personal numbers masked,
   * no staff names; and 核查 once it passed. Null before, and after a 返工 until the next feedback.
   */
  result: nullable(
    Type.Object({
      text: Type.String(),
      handledAt: Type.String({ format: 'date-time' }),
      verifiedAt: nullable(Type.String({ format: 'date-time' })),
    }),
  ),
  satisfaction: nullable(Type.Integer()),
  /** The reporter's own 回访 comment, shown back to them. */
  satisfactionComment: nullable(Type.String()),
  canRate: Type.Boolean(),
  /** The reporter is told by SMS at acceptance and closing; they may withdraw it here (cases.sms.ts). */
  smsConsent: Type.Boolean(),
});
export type TrackingDto = Static<typeof TrackingSchema>;
