import { randomUUID } from 'node:crypto';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { newApiKey } from '../../../../platform/auth/api-key-token.ts';
import { insertApiKey } from '../../../../platform/auth/api-keys.store.ts';
import type { TestApp } from '../../../../testing/test-app.ts';
import { xmlDeclaration } from '../format.ts';
import { errorsSchema, sparkXmlOf, xmlListItems } from './georeport-v2.schemas.ts';

/** Helpers the request-method contract tests share: reading both formats, spec errors, partner keys. */

// strictRequired off: some schemas require members declared in an outer `properties` (oneOf branches).
export const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
export const formats = ['json', 'xml'] as const;
export type Format = (typeof formats)[number];
const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};
const parser = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (name) => xmlListItems.has(name) });

/** The body of a response in either format, checked for its exact content type and, in XML, the declaration. */
export function bodyOf(res: LightMyRequestResponse, format: Format, root: string): unknown {
  expect(res.headers['content-type']).toBe(contentTypes[format]);
  if (format === 'json') return res.json();
  expect(res.body.startsWith(xmlDeclaration)).toBe(true);
  expect(XMLValidator.validate(res.body)).toBe(true);
  const parsed = parser.parse(res.body) as Record<string, unknown>;
  expect(Object.keys(parsed)).toEqual(['?xml', root]);
  // An empty list is an empty root element, which the parser reads as ''.
  return parsed[root] === '' ? {} : parsed[root];
}

/** A 200 list response: JSON validated against `schema`, XML the same values in the Spark-convention tree. */
export function listOf<T>(res: LightMyRequestResponse, format: Format, root: string, schema: object): T[] {
  expect(res.statusCode, res.body).toBe(200);
  const body = bodyOf(res, format, root);
  if (format === 'json') {
    expect(ajv.validate(schema, body), ajv.errorsText()).toBe(true);
    return body as T[];
  }
  const item =
    root === 'service_requests'
      ? 'request'
      : root === 'service_request_updates'
        ? 'request_update'
        : root.replace(/s$/, '');
  return ((body as Record<string, unknown>)[item] ?? []) as T[];
}

/** Expects an answer in `format` to say what the JSON answer of the same resource says. */
export function expectSameInBoth(json: unknown, other: unknown, format: Format, root: string): void {
  if (format === 'json') expect(other).toEqual(json);
  else expect(other).toEqual(Array.isArray(json) && json.length === 0 ? {} : sparkXmlOf(json, root));
}

export type SpecError = { code: string | number; description: string };

/** A spec error response: the status, and one or more `{code, description}` in the asked format. */
export function expectSpecError(res: LightMyRequestResponse, format: Format, status: number): SpecError[] {
  expect(res.statusCode, res.body).toBe(status);
  const body = bodyOf(res, format, 'errors');
  if (format === 'json') {
    expect(ajv.validate(errorsSchema, body), ajv.errorsText()).toBe(true);
    return body as SpecError[];
  }
  const errors = (body as { error: SpecError[] }).error;
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) expect(Object.keys(error)).toEqual(['code', 'description']);
  return errors.map((e) => ({ code: Number(e.code), description: e.description }));
}

export type FormFields = Record<string, string | readonly string[]>;

/** The spec's POST: a UTF-8 form, repeated keys for lists. */
export function formBody(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
  return params.toString();
}

export const formContentType = 'application/x-www-form-urlencoded; charset=utf-8';

export function postForm(t: TestApp, url: string, fields: FormFields, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': formContentType, ...headers },
    payload: formBody(fields),
  });
}

export interface PartnerKeys {
  /** cases.open311.submit, county-wide: what a 12345 hotline or a FixMyStreet-style partner gets. */
  partner: { key: string; id: string };
  /** A valid key without the Open311 permission. */
  reader: { key: string; id: string };
}

/** Partner keys as the security administrator's key store writes them. */
export async function createPartnerKeys(t: TestApp): Promise<PartnerKeys> {
  const create = (name: string, permissions: string[]) => insertPartnerKey(t, name, permissions, '430225');
  return {
    partner: await create('12345 热线', ['cases.open311.submit']),
    reader: await create('只读对接', ['cases.catalogue.read']),
  };
}

/** An Open311 partner key whose data scope is one township or village (a township's own service account). */
export function createScopedPartnerKey(t: TestApp, scopeRegion: string): Promise<{ key: string; id: string }> {
  return insertPartnerKey(t, `乡镇对接 ${scopeRegion}`, ['cases.open311.submit'], scopeRegion);
}

async function insertPartnerKey(
  t: TestApp,
  name: string,
  permissions: string[],
  scopeRegion: string,
): Promise<{ key: string; id: string }> {
  const generated = newApiKey();
  const id = randomUUID();
  await insertApiKey(t.db.database.db, {
    regionCode: '430225',
    id,
    name,
    keyPrefix: generated.prefix,
    secretHash: generated.secretHash,
    permissions,
    scopeRegion,
    createdBy: null,
    createdAt: t.clock(),
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
  });
  return { key: generated.key, id };
}

/** A valid partner request for 占道经营 in 霞阳镇, as form fields (overrides replace or add fields). */
export function partnerRequest(apiKey: string, overrides: FormFields = {}): FormFields {
  return {
    api_key: apiKey,
    service_code: '09006',
    lat: '26.489',
    long: '113.772',
    address_string: '炎帝大道 88 号',
    'attribute[region_code]': '430225100',
    description: '水果摊占用人行道经营',
    ...overrides,
  };
}

/** POSTs a partner request and returns its case number. */
export async function submitPartnerRequest(t: TestApp, apiKey: string, overrides: FormFields = {}): Promise<string> {
  const res = await postForm(t, '/open311/v2/requests.json', partnerRequest(apiKey, overrides));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Array<{ service_request_id: string }>)[0]!.service_request_id;
}

/** One step of the loop through the staff API, at the revision the actor reads first. */
export async function advanceCase(
  t: TestApp,
  actor: { headers: Record<string, string> },
  caseNo: string,
  step: string,
  body: Record<string, unknown> = {},
) {
  const view = await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: actor.headers });
  expect(view.statusCode, view.body).toBe(200);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseNo}/${step}`,
    headers: actor.headers,
    payload: { revision: view.json().revision, ...body },
  });
  expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
  return res.json();
}
