import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { discoverySchema, errorsSchema, serviceDefinitionSchema, serviceListSchema, sparkXmlOf } from './georeport-v2.schemas.ts';

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const service = { service_code: '06001', service_name: '私搭乱建', description: '', metadata: true, type: 'realtime', keywords: '01-01', group: '市容环境类' };
const channel = { variable: true, code: 'channel', datatype: 'singlevaluelist', required: false, datatype_description: '', order: 1, description: '上报渠道', values: [{ key: 'other', name: '其他' }] };
const area = { variable: true, code: 'area_m2', datatype: 'number', required: true, datatype_description: '', order: 1, description: '面积' };
const endpoint = { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://x.cn/open311/v2', changeset: '2026-03-01T08:00:00+08:00', type: 'production', formats: ['text/xml', 'application/json'] };
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
    expect(ajv.validate(serviceDefinitionSchema, { service_code: '06001', attributes: [JSON.parse(JSON.stringify(attribute))] })).toBe(false);
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
    expect(sparkXmlOf([{ a: true, values: [{ key: 'k' }] }], 'attributes')).toEqual({ attribute: [{ a: 'true', values: { value: [{ key: 'k' }] } }] });
  });
});
