import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  discoverySchema,
  errorsSchema,
  oneServiceRequestSchema,
  postRequestResponseSchema,
  requestUpdatesSchema,
  serviceDefinitionSchema,
  serviceListSchema,
  serviceRequestsSchema,
  sparkXmlOf,
  tokenResponseSchema,
} from './georeport-v2.schemas.ts';

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const service = {
  service_code: '06001',
  service_name: '私搭乱建',
  description: '',
  metadata: true,
  type: 'realtime',
  keywords: '01-01',
  group: '市容环境类',
};
const channel = {
  variable: true,
  code: 'channel',
  datatype: 'singlevaluelist',
  required: false,
  datatype_description: '',
  order: 1,
  description: '上报渠道',
  values: [{ key: 'other', name: '其他' }],
};
const area = {
  variable: true,
  code: 'area_m2',
  datatype: 'number',
  required: true,
  datatype_description: '',
  order: 1,
  description: '面积',
};
const endpoint = {
  specification: 'http://wiki.open311.org/GeoReport_v2',
  url: 'https://x.cn/open311/v2',
  changeset: '2026-03-01T08:00:00+08:00',
  type: 'production',
  formats: ['text/xml', 'application/json'],
};
const discovery = { changeset: '2026-03-01T08:00:00+08:00', contact: 'c', key_service: 'k', endpoints: [endpoint] };

/** The schemas must catch the drift seen in the wild (cases-anchors §4.4), or the contract tests prove nothing. */
describe('GeoReport v2 JSON schemas', () => {
  it('accept the spec shapes', () => {
    expect(ajv.validate(serviceListSchema, [service])).toBe(true);
    expect(ajv.validate(serviceDefinitionSchema, { service_code: '06001', attributes: [area, channel] })).toBe(true);
    expect(ajv.validate(discoverySchema, discovery)).toBe(true);
    expect(ajv.validate(errorsSchema, [{ code: 404, description: 'x' }])).toBe(true);
  });

  it.each([
    ['a wrapped list', { services: [service] }],
    ['metadata as a string', [{ ...service, metadata: 'true' }]],
    ['a numeric service_code', [{ ...service, service_code: 6001 }]],
    ['an unknown type', [{ ...service, type: 'instant' }]],
    ['an extra field', [{ ...service, extra: 1 }]],
    ['a missing group', [{ ...service, group: undefined }].map(({ group: _, ...rest }) => rest)],
  ])('reject a service list with %s', (_name, body) => {
    expect(ajv.validate(serviceListSchema, body)).toBe(false);
  });

  it.each([
    ['required as a string', { ...area, required: 'true' }],
    ['a list without values', { ...channel, values: undefined }],
    ['values on a number', { ...area, values: [{ key: 'a', name: 'b' }] }],
    ['order 0', { ...area, order: 0 }],
    ['an unknown datatype', { ...area, datatype: 'integer' }],
  ])('reject an attribute with %s', (_name, attribute) => {
    expect(
      ajv.validate(serviceDefinitionSchema, {
        service_code: '06001',
        attributes: [JSON.parse(JSON.stringify(attribute))],
      }),
    ).toBe(false);
  });

  it.each([
    ['a changeset without timezone', { ...discovery, changeset: '2026-03-01T08:00:00' }],
    ['no endpoints', { ...discovery, endpoints: [] }],
    ['an endpoint without text/xml', { ...discovery, endpoints: [{ ...endpoint, formats: ['application/json'] }] }],
    ['a charset in formats', { ...discovery, endpoints: [{ ...endpoint, formats: ['text/xml; charset=utf-8'] }] }],
  ])('reject discovery with %s', (_name, body) => {
    expect(ajv.validate(discoverySchema, body)).toBe(false);
  });

  it('rejects an error body that is not a list of {code, description}', () => {
    expect(ajv.validate(errorsSchema, { error: { code: 'not_found', message: 'x' } })).toBe(false);
    expect(ajv.validate(errorsSchema, [])).toBe(false);
    expect(ajv.validate(errorsSchema, [{ code: '404', description: 'x' }])).toBe(false);
  });

  it('maps JSON to the Spark-convention XML tree', () => {
    expect(sparkXmlOf([{ a: true, values: [{ key: 'k' }] }], 'attributes')).toEqual({
      attribute: [{ a: 'true', values: { value: [{ key: 'k' }] } }],
    });
  });
});

const request = {
  service_request_id: '2026-00000001',
  status: 'open',
  status_notes: null,
  service_name: '占道经营',
  service_code: '09006',
  description: '水果摊',
  agency_responsible: null,
  service_notice: null,
  requested_datetime: '2026-03-02T09:00:00+08:00',
  updated_datetime: '2026-03-02T09:00:00+08:00',
  expected_datetime: '2026-03-02T13:00:00+08:00',
  address: '炎帝大道',
  address_id: '430225100',
  zipcode: null,
  lat: 26.489,
  long: 113.772,
  media_url: null,
};
const update = {
  update_id: '2026-00000001-2',
  service_request_id: '2026-00000001',
  status: 'INVESTIGATING',
  updated_datetime: '2026-03-02T10:00:00+08:00',
  description: '已立案',
  media_url: '',
};

describe('GeoReport v2 request schemas', () => {
  it('accept the spec shapes', () => {
    expect(
      ajv.validate(postRequestResponseSchema, [
        { service_request_id: '2026-00000001', service_notice: 'x', account_id: null },
      ]),
      ajv.errorsText(),
    ).toBe(true);
    expect(ajv.validate(postRequestResponseSchema, [{ token: 't1', service_notice: null, account_id: null }])).toBe(
      true,
    );
    expect(
      ajv.validate(serviceRequestsSchema, [
        request,
        { ...request, status: 'closed', status_notes: '重复', expected_datetime: null },
      ]),
      ajv.errorsText(),
    ).toBe(true);
    expect(ajv.validate(serviceRequestsSchema, [])).toBe(true);
    expect(ajv.validate(oneServiceRequestSchema, [{ ...request, extended_attributes: { channel: 'other' } }])).toBe(
      true,
    );
    expect(ajv.validate(tokenResponseSchema, [{ service_request_id: '2026-00000001', token: '2026-00000001' }])).toBe(
      true,
    );
    expect(ajv.validate(requestUpdatesSchema, [update, { ...update, external_status_code: 'registered' }])).toBe(true);
  });

  it.each([
    ['both id and token', [{ service_request_id: '1', token: 't' }]],
    ['neither id nor token', [{ service_notice: 'x' }]],
    ['a numeric id', [{ service_request_id: 1 }]],
    ['a wrapped list', { service_requests: [{ service_request_id: '1' }] }],
  ])('reject a POST answer with %s', (_name, body) => {
    expect(ajv.validate(postRequestResponseSchema, body)).toBe(false);
  });

  it.each([
    ['a status outside open/closed', { ...request, status: 'in_progress' }],
    ['lat as a string', { ...request, lat: '26.489' }],
    ['a datetime without zone', { ...request, requested_datetime: '2026-03-02T09:00:00' }],
    [
      'a missing updated_datetime',
      Object.fromEntries(Object.entries(request).filter(([k]) => k !== 'updated_datetime')),
    ],
    ['a description over 4000 characters', { ...request, description: 'x'.repeat(4001) }],
    ['an extra field', { ...request, reporter_phone: '138' }],
  ])('reject a service request with %s', (_name, body) => {
    expect(ajv.validate(serviceRequestsSchema, [body])).toBe(false);
  });

  it('holds GET Service Request to exactly one element', () => {
    expect(ajv.validate(oneServiceRequestSchema, [])).toBe(false);
    expect(ajv.validate(oneServiceRequestSchema, [request, request])).toBe(false);
  });

  it.each([
    ['a lower-case status', { ...update, status: 'investigating' }],
    ['an unknown status', { ...update, status: 'DONE' }],
    ['a null media_url', { ...update, media_url: null }],
    ['no description', Object.fromEntries(Object.entries(update).filter(([k]) => k !== 'description'))],
  ])('reject an update with %s', (_name, body) => {
    expect(ajv.validate(requestUpdatesSchema, [body])).toBe(false);
  });

  it('maps service_requests and service_request_updates to request and request_update in XML', () => {
    expect(sparkXmlOf([{ service_request_id: '1', lat: 26.5, status_notes: null }], 'service_requests')).toEqual({
      request: [{ service_request_id: '1', lat: '26.5', status_notes: '' }],
    });
    expect(sparkXmlOf([{ update_id: '1-2' }], 'service_request_updates')).toEqual({
      request_update: [{ update_id: '1-2' }],
    });
  });
});
