import { Type } from 'typebox';
import { S } from '../../../platform/http/schema.ts';

/**
 * Request schemas of the Open311 GET methods. The format is a path parameter checked before validation (an
 * unknown format is the spec's 404, not a 400); unknown query parameters are a 400 like everywhere else.
 */
const format = Type.String({ description: "'json' or 'xml' (the URL's extension)" });

export const FormatParams = S.object({ format });
export const ServiceCodeParams = S.object({
  service_code: Type.String({ maxLength: 100, description: 'GB/T 47678.5-2026 code, e.g. 06001' }),
  format,
});

export const Open311ReadQuery = S.object({
  jurisdiction_id: Type.Optional(
    Type.String({
      maxLength: 255,
      description: "Optional: this county's code (430225) or the domain the API is reached on",
    }),
  ),
  // GETs need no key (spec tables: "Requires API Key: No"), but FixMyStreet-style clients may send one anyway.
  api_key: Type.Optional(Type.String({ maxLength: 200, description: 'Ignored on reads' })),
});

const optionalText = (maxLength: number, description: string) => Type.Optional(Type.String({ maxLength, description }));
const jurisdiction_id = Open311ReadQuery.properties.jurisdiction_id;
/** A decimal degree as the form carries it (`26.489`, `-0.5`); converted and range-checked by the report rules. */
const degrees = (description: string) =>
  Type.Optional(Type.String({ pattern: '^-?[0-9]{1,3}(\\.[0-9]{1,15})?$', description }));

/** `attribute[code]` (one value) and `attribute[code][]` (a multivaluelist, normalised to `attribute[code]`). */
export const attributeKeyPattern = '^attribute\\[[A-Za-z0-9_]{1,50}\\]$';
const attributeValue = Type.Union([
  Type.String({ maxLength: 4000 }),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
]);

/**
 * POST Service Request (GeoReport v2), after the form or JSON body is flattened to strings (request-body.ts).
 * `api_key` is checked before validation (a 403 beats a 400); the location rule (lat + long, and the township
 * as attribute[region_code] or address_id) is ours, checked in submit-request.ts.
 */
export const PostRequestBody = Type.Object(
  {
    api_key: optionalText(200, 'The partner key (permission cases.open311.submit); may be sent in the query instead'),
    jurisdiction_id,
    service_code: Type.String({ maxLength: 100, description: 'From GET Service List' }),
    lat: degrees('WGS84 latitude (required by this server)'),
    long: degrees('WGS84 longitude (required by this server)'),
    address_string: optionalText(200, 'Where, in words; the township or village name when absent'),
    address_id: optionalText(
      12,
      'The township (9 digits) or village (12 digits) code, if attribute[region_code] is not sent',
    ),
    email: optionalText(254, 'Accepted and not stored'),
    device_id: optionalText(200, 'Accepted and not stored'),
    account_id: optionalText(100, "The partner's own reference; kept with the case and echoed back"),
    first_name: optionalText(100, 'Accepted and not stored'),
    last_name: optionalText(100, 'Accepted and not stored'),
    phone: optionalText(30, "Reporter's mobile, stored encrypted, for follow-up; never published"),
    description: Type.String({ maxLength: 4000, description: 'Required by this server; no HTML' }),
    media_url: Type.Optional(
      Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 10 })], {
        description: 'Not fetched (see service_notice)',
      }),
    ),
  },
  { additionalProperties: false, patternProperties: { [attributeKeyPattern]: attributeValue } },
);

export const PostRequestQuery = S.object({
  jurisdiction_id,
  api_key: optionalText(200, 'The partner key, if not in the body'),
});

export const ServiceRequestParams = S.object({
  service_request_id: Type.String({ maxLength: 100, description: 'The case number, e.g. 2026-00000123' }),
  format,
});
export const TokenParams = S.object({
  token: Type.String({
    maxLength: 100,
    description: 'A token: this server answers with ids at once, so a token is a case number',
  }),
  format,
});

const dateArgument = (description: string) =>
  optionalText(40, `${description}: W3C datetime with its zone, e.g. 2026-03-01T00:00:00+08:00`);
const paging = {
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100000, description: 'Paging extension (Open311 wiki): 1-based page' }),
  ),
  page_size: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: 'Paging extension: requests per page, at most and by default 1000',
    }),
  ),
};

/** GET Service Requests: the spec's filters, the wiki's paging extension and `extensions=true`. */
export const ServiceRequestsQuery = S.object({
  jurisdiction_id,
  api_key: Open311ReadQuery.properties.api_key,
  service_request_id: optionalText(20_000, 'Comma-separated case numbers; overrides every other argument'),
  service_code: optionalText(2000, 'Comma-separated service codes'),
  start_date: dateArgument('Earliest requested_datetime'),
  end_date: dateArgument('Latest requested_datetime'),
  status: optionalText(20, "Comma-separated: 'open', 'closed'"),
  extensions: Type.Optional(
    Type.Boolean({
      description: 'true: add extended_attributes (channel, detailed and extended status, township, escalation)',
    }),
  ),
  ...paging,
});

export const ServiceRequestQuery = S.object({
  jurisdiction_id,
  api_key: Open311ReadQuery.properties.api_key,
  extensions: ServiceRequestsQuery.properties.extensions,
});

/** mySociety GET Service Request Updates. */
export const RequestUpdatesQuery = S.object({
  jurisdiction_id,
  api_key: optionalText(200, 'The partner key (permission cases.open311.submit)'),
  start_date: dateArgument('Earliest updated_datetime'),
  end_date: dateArgument('Latest updated_datetime'),
  ...paging,
});

/** mySociety's upper-case extended statuses, as a partner POSTs them (open311-adapter `status_extended_upper`). */
export const postedUpdateStatuses = [
  'OPEN',
  'CLOSED',
  'FIXED',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'INVESTIGATING',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
  'REOPEN',
  'FOR_TRIAGE',
] as const;

/**
 * mySociety POST Service Request Update: a partner's comment on a request it submitted. The personal fields a
 * FixMyStreet sends (the commenter's name, email, phone) are accepted and not stored.
 */
export const PostUpdateBody = S.object({
  api_key: optionalText(200, 'The partner key (permission cases.open311.submit)'),
  jurisdiction_id,
  service_request_id: Type.String({ maxLength: 100, description: 'A request this partner submitted' }),
  update_id: Type.String({
    minLength: 1,
    maxLength: 100,
    description: "The partner's own id of the update: a retry with the same id is answered, not added again",
  }),
  status: S.literals(postedUpdateStatuses, {
    description: 'Recorded with the comment; the case does not move (REOPEN is refused)',
  }),
  updated_datetime: Type.String({ maxLength: 40, description: 'W3C datetime with its zone' }),
  description: Type.String({ maxLength: 4000, description: 'The comment' }),
  service_code: optionalText(100, 'Ignored'),
  account_id: optionalText(100, 'Ignored'),
  email: optionalText(254, 'Accepted and not stored'),
  phone: optionalText(30, 'Accepted and not stored'),
  first_name: optionalText(100, 'Accepted and not stored'),
  last_name: optionalText(100, 'Accepted and not stored'),
  title: optionalText(100, 'Accepted and not stored'),
  media_url: Type.Optional(
    Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 10 })], {
      description: 'Not fetched',
    }),
  ),
  public_anonymity_required: Type.Optional(S.literals(['TRUE', 'FALSE'] as const)),
  email_alerts_requested: Type.Optional(S.literals(['TRUE', 'FALSE'] as const)),
});
