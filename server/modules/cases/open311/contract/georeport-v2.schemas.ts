/**
 * JSON Schemas of the GeoReport v2 JSON responses, written from the spec's method tables (cases-anchors §4.2,
 * §4.3 and Service_Discovery.md), not from our code: the contract tests hold our output against them. Closed
 * objects, so a renamed or extra field fails too.
 */

/** W3C ISO-8601 subset with a timezone (spec §General rules). */
const datetime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
} as const;
const text = { type: 'string' } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;

export const discoverySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: datetime,
    contact: nonEmpty,
    key_service: nonEmpty,
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
          url: { type: 'string', pattern: '^https?://[^/]+(/.*)?$' },
          changeset: datetime,
          type: { enum: ['production', 'test'] },
          formats: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { enum: ['text/xml', 'application/json'] },
            contains: { const: 'text/xml' },
          },
        },
      },
    },
  },
} as const;

export const serviceListSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
    properties: {
      service_code: nonEmpty,
      service_name: nonEmpty,
      description: { type: 'string', maxLength: 4000 },
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: text,
      group: text,
    },
  },
} as const;

const attributeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
  properties: {
    variable: { type: 'boolean' },
    code: nonEmpty,
    datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
    required: { type: 'boolean' },
    datatype_description: text,
    order: { type: 'integer', minimum: 1 },
    description: text,
    values: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'name'],
        properties: { key: nonEmpty, name: nonEmpty },
      },
    },
  },
  // values exactly for the list datatypes
  oneOf: [
    { type: 'object', properties: { datatype: { enum: ['singlevaluelist', 'multivaluelist'] } }, required: ['values'] },
    {
      type: 'object',
      properties: { datatype: { enum: ['string', 'number', 'datetime', 'text'] } },
      not: { required: ['values'] },
    },
  ],
} as const;

export const serviceDefinitionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['service_code', 'attributes'],
  properties: { service_code: nonEmpty, attributes: { type: 'array', items: attributeSchema } },
} as const;

export const errorsSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'description'],
    properties: { code: { type: 'integer', minimum: 400, maximum: 599 }, description: nonEmpty },
  },
} as const;

// anyOf, not a type list: ajv's strict mode refuses union types.
const optionalText = { anyOf: [{ type: 'string' }, { type: 'null' }] } as const;
const optionalDatetime = { anyOf: [datetime, { type: 'null' }] } as const;

/**
 * POST Service Request's answer: `service_request_id` or `token` ("should not be returned if" the other is),
 * `service_notice` and `account_id` ("may not be returned").
 */
export const postRequestResponseSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    properties: {
      service_request_id: nonEmpty,
      token: nonEmpty,
      service_notice: optionalText,
      account_id: optionalText,
    },
    oneOf: [
      { type: 'object', required: ['service_request_id'], not: { type: 'object', required: ['token'] } },
      { type: 'object', required: ['token'], not: { type: 'object', required: ['service_request_id'] } },
    ],
  },
} as const;

/** GET service_request_id from a token. */
export const tokenResponseSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['service_request_id', 'token'],
    properties: { service_request_id: nonEmpty, token: nonEmpty },
  },
} as const;

/**
 * One request of GET Service Request(s). Required: every field the table does not mark "May not be returned";
 * text may be null (the spec's JSON example writes `"description":null`), ids are strings (drift §4.4: be
 * strict as a server), lat/long numbers. `extended_attributes` is the wiki's `extensions=true` member.
 */
const serviceRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'service_request_id',
    'status',
    'service_name',
    'service_code',
    'description',
    'requested_datetime',
    'updated_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
  properties: {
    service_request_id: nonEmpty,
    status: { enum: ['open', 'closed'] },
    status_notes: optionalText,
    service_name: nonEmpty,
    service_code: nonEmpty,
    description: { anyOf: [{ type: 'string', maxLength: 4000 }, { type: 'null' }] },
    agency_responsible: optionalText,
    service_notice: optionalText,
    requested_datetime: datetime,
    updated_datetime: datetime,
    expected_datetime: optionalDatetime,
    address: optionalText,
    address_id: optionalText,
    zipcode: optionalText,
    lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
    long: { type: ['number', 'null'], minimum: -180, maximum: 180 },
    media_url: optionalText,
    extended_attributes: { type: 'object' },
  },
} as const;

export const serviceRequestsSchema = { type: 'array', items: serviceRequestSchema } as const;
export const oneServiceRequestSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 1,
  items: serviceRequestSchema,
} as const;

/** mySociety's upper-case extended statuses (FixMyStreet wiki, open311-adapter `status_extended_upper`). */
export const extendedStatuses = [
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

/** mySociety GET Service Request Updates: `service_request_updates/request_update[]`. */
export const requestUpdatesSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url'],
    properties: {
      update_id: nonEmpty,
      service_request_id: nonEmpty,
      status: { enum: extendedStatuses },
      updated_datetime: datetime,
      description: text,
      media_url: text,
      external_status_code: text,
    },
  },
} as const;

/** mySociety POST Service Request Update's answer: `service_request_updates/request_update[]{update_id}`. */
export const postUpdateResponseSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['update_id'],
    properties: { update_id: nonEmpty, account_id: text },
  },
} as const;

/**
 * The XML a JSON response stands for under the Spark convention, as fast-xml-parser reads it back (every leaf
 * a string): a list becomes `{ item: [...] }` under its plural element. Item names from the spec's examples.
 */
const itemNames: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  service_requests: 'request',
  service_request_updates: 'request_update',
};

export type XmlTree = string | XmlTree[] | { [name: string]: XmlTree };

export function sparkXmlOf(json: unknown, name: string): XmlTree {
  if (Array.isArray(json)) {
    const item = itemNames[name];
    if (!item) throw new Error(`no item element for <${name}>`);
    return { [item]: json.map((entry) => sparkXmlOf(entry, item)) };
  }
  if (json !== null && typeof json === 'object')
    return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, sparkXmlOf(value, key)]));
  return json === null ? '' : String(json);
}

/** Element names that are always lists in the XML (the parser would otherwise collapse a single item). */
export const xmlListItems = new Set(Object.values(itemNames));
