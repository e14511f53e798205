import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../../platform/db/tx.ts';
import { findRegion } from '../../../platform/regions/regions.store.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { appModules } from '../../index.ts';
import { findActiveVersion } from '../catalogue/catalogue.store.ts';
import { ensureCasesCatalogue } from '../catalogue/reference-data.ts';
import {
  discoverySchema,
  errorsSchema,
  serviceDefinitionSchema,
  serviceListSchema,
  sparkXmlOf,
  xmlListItems,
} from './contract/georeport-v2.schemas.ts';

const modules = appModules;

// strictRequired off: the attribute schema requires `values` in a oneOf branch (declared in the outer properties).
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const contentTypes = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' } as const;
const formats = ['json', 'xml'] as const;
type Format = (typeof formats)[number];
const parser = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (name) => xmlListItems.has(name) });

/** The three read methods of GeoReport v2 (+ discovery), with the XML root each answers with. */
const methods = [
  { name: 'Service discovery', path: '/open311/v2/discovery', root: 'discovery', schema: discoverySchema },
  { name: 'GET Service List', path: '/open311/v2/services', root: 'services', schema: serviceListSchema },
  {
    name: 'GET Service Definition',
    path: '/open311/v2/services/06001',
    root: 'service_definition',
    schema: serviceDefinitionSchema,
  },
] as const;

interface Headers {
  [name: string]: string;
}

describe('Open311 GeoReport v2 (read side)', () => {
  // Absolute URLs come from the configured public URL, never from the request's Host (discovery.test.ts).
  const t = useTestApp({ modules, config: { publicUrl: 'http://wenming.example.cn' } });
  let countyName: string;
  let loadedAt: Date;
  const get = (url: string, headers: Headers = {}) => t.app.inject({ method: 'GET', url, headers });

  /** The body of a JSON or XML response, checked for the exact content type and the XML declaration. */
  function bodyOf(res: Awaited<ReturnType<typeof get>>, format: Format, root: string): unknown {
    expect(res.headers['content-type']).toBe(contentTypes[format]);
    if (format === 'json') return res.json();
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const parsed = parser.parse(res.body) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['?xml', root]);
    return parsed[root];
  }

  /** A spec error response: the status, one or more `{code, description}` in the asked format. */
  function expectSpecError(
    res: Awaited<ReturnType<typeof get>>,
    format: Format,
    status: number,
  ): Array<{ code: string | number; description: string }> {
    expect(res.statusCode, res.body).toBe(status);
    const body = bodyOf(res, format, 'errors');
    if (format === 'json') {
      expect(ajv.validate(errorsSchema, body), ajv.errorsText()).toBe(true);
      return body as Array<{ code: number; description: string }>;
    }
    const errors = (body as { error: Array<{ code: string; description: string }> }).error;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(Object.keys(error)).toEqual(['code', 'description']);
    return errors;
  }

  beforeAll(async () => {
    const ctx = t.db.ctx();
    await ensureCasesCatalogue(ctx); // usually in the template already, like at start-up
    loadedAt = (await findActiveVersion(ctx.db, '430225'))!.loadedAt;
    countyName = (await tx(ctx, (x) => findRegion(x.db, '430225')))?.name ?? '430225';
  });

  describe.each(methods)('$name', (method) => {
    describe.each(formats)('.%s', (format) => {
      const url = `${method.path}.${format}`;

      it('404 in the spec error format for a jurisdiction_id that is not this county', async () => {
        for (const jurisdiction of ['430224', 'sfgov.org', '430225100']) {
          const [error] = expectSpecError(
            await get(`${url}?jurisdiction_id=${jurisdiction}`, { 'accept-language': 'en' }),
            format,
            404,
          );
          expect(error).toEqual({
            code: format === 'json' ? 404 : '404',
            description: 'Jurisdiction (jurisdiction_id) not found',
          });
        }
      });

      it('400 in the spec error format for an unknown query parameter, naming it', async () => {
        const errors = expectSpecError(await get(`${url}?status=open`), format, 400);
        expect(errors).toEqual([{ code: format === 'json' ? 400 : '400', description: 'status: 不允许的字段' }]);
        const repeated = expectSpecError(
          await get(`${url}?jurisdiction_id=430225&jurisdiction_id=430225`, { 'accept-language': 'en' }),
          format,
          400,
        );
        expect(repeated[0]!.description).toMatch(/^jurisdiction_id: /);
      });

      it('403 in the spec error format for an invalid Bearer API key (reads need none, a bad one is refused)', async () => {
        const [error] = expectSpecError(
          await get(url, { authorization: 'Bearer wm_nonexist_xxxxxxxxxxxxxxxxxxxxxxxx' }),
          format,
          403,
        );
        expect(error!.description).toBe('API 密钥无效、已吊销或已过期');
      });

      it('200 with a body matching the spec schema, the same values in JSON and XML', async () => {
        const json = bodyOf(await get(`${method.path}.json`), 'json', method.root);
        expect(ajv.validate(method.schema, json), ajv.errorsText()).toBe(true);
        const res = await get(url);
        expect(res.statusCode).toBe(200);
        const body = bodyOf(res, format, method.root);
        expect(body).toEqual(format === 'json' ? json : sparkXmlOf(json, method.root));
      });

      it('accepts jurisdiction_id when it names this county or the public host, or is empty (≡ absent), and ignores api_key', async () => {
        const plain = (await get(url)).body;
        for (const query of [
          'jurisdiction_id=430225',
          'jurisdiction_id=',
          'jurisdiction_id=wenming.example.cn',
          'api_key=anything',
        ]) {
          const res = await get(`${url}?${query}`);
          expect(res.statusCode, query).toBe(200);
          if (method.root !== 'discovery') expect(res.body, query).toBe(plain);
        }
      });
    });

    // [extension, format of the error body without and with `Accept: application/json`]
    it.each([
      ['html', 'xml', 'json'],
      ['yaml', 'xml', 'json'],
      ['', 'xml', 'json'],
      ['JSON', 'json', 'json'],
      ['json.xml', 'xml', 'xml'],
    ] as const)('404 in the spec error format for the format extension %j', async (extension, plain, acceptingJson) => {
      const url = `${method.path}${extension === '' ? '' : `.${extension}`}`;
      const [error] = expectSpecError(await get(url), plain, 404);
      // services/06001.json.xml reads as service code "06001.json": unknown too
      if (extension !== 'json.xml' || method.root !== 'service_definition')
        expect(error!.description).toBe('未找到接口或格式（仅支持 .json 与 .xml）');
      expectSpecError(await get(url, { accept: 'application/json' }), acceptingJson, 404);
      // The unknown format wins over the unknown parameter: the resource does not exist at all. (services/
      // 06001.json.xml is an XML request for service "06001.json", and parameters are checked before codes.)
      expect((await get(`${url}?status=open`)).statusCode).toBe(
        extension === 'json.xml' && method.root === 'service_definition' ? 400 : 404,
      );
    });

    it('404 in the spec error format for writing methods not offered here', async () => {
      for (const verb of ['POST', 'PUT', 'DELETE'] as const) {
        const res = await t.app.inject({
          method: verb,
          url: `${method.path}.json`,
          headers: { 'accept-language': 'en' },
        });
        expect(expectSpecError(res, 'json', 404)[0]!.description, verb).toBe(
          'Method or format (only .json and .xml) not found',
        );
      }
    });
  });

  describe('Service discovery', () => {
    it.each(formats)(
      '.%s: changeset in the past with the +08:00 offset, the v2 endpoint on the public URL',
      async (format) => {
        const res = await get(`/open311/v2/discovery.${format}`, { host: 'wenming.example.cn' });
        const body = bodyOf(res, format, 'discovery') as { changeset: string; contact: string; endpoints: unknown };
        expect(body.changeset).toMatch(/\+08:00$/);
        // when the service list last changed: the active edition's load, which is in the past
        expect(new Date(body.changeset).getTime()).toBe(Math.floor(loadedAt.getTime() / 1000) * 1000);
        expect(new Date(body.changeset).getTime()).toBeLessThanOrEqual(Date.now());
        expect(body.contact).toContain(countyName);
        const endpoint = {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://wenming.example.cn/open311/v2',
          changeset: body.changeset,
          type: 'production',
        };
        if (format === 'json')
          expect(body.endpoints).toEqual([{ ...endpoint, formats: ['text/xml', 'application/json'] }]);
        else
          expect(body.endpoints).toEqual({
            endpoint: [{ ...endpoint, formats: { format: ['text/xml', 'application/json'] } }],
          });
        expect(
          (
            await get(`/open311/v2/discovery.${format}?jurisdiction_id=wenming.example.cn`, {
              host: 'wenming.example.cn',
            })
          ).statusCode,
        ).toBe(200);
      },
    );

    it('speaks English with Accept-Language: en', async () => {
      const body = (await get('/open311/v2/discovery.json', { 'accept-language': 'en-GB,en;q=0.9' })).json();
      expect(body.contact).toMatch(/^Civilized City Campaign Office of /);
      expect(body.key_service).toContain('cases.open311.submit');
    });
  });

  describe('GET Service List', () => {
    it('lists every category of the active edition with its 5-digit code as a string', async () => {
      const services = (await get('/open311/v2/services.json')).json() as Array<Record<string, unknown>>;
      expect(services).toHaveLength(32);
      const codes = services.map((s) => s.service_code);
      expect(new Set(codes).size).toBe(32);
      for (const code of codes) expect(code).toMatch(/^[0-9]{5}$/);
      expect(services.every((s) => s.metadata === true && s.type === 'realtime')).toBe(true);
    });

    it('names services, groups and keywords in Chinese by default, unescaped in both formats', async () => {
      const json = await get('/open311/v2/services.json');
      expect(json.body).toContain('"service_name":"私搭乱建"');
      const illegalBuilding = (json.json() as Array<Record<string, unknown>>).find((s) => s.service_code === '06001');
      expect(illegalBuilding).toEqual({
        service_code: '06001',
        service_name: '私搭乱建',
        description: '市容环境类 · 私搭乱建（GB/T 47678.5-2026 06001；原代码 01-01）',
        metadata: true,
        type: 'realtime',
        keywords: expect.stringMatching(/^01-01, /),
        group: '市容环境类',
      });
      expect(String(illegalBuilding!.keywords).split(', ')).toHaveLength(3); // 01-01 + its two campaign tags
      const xml = await get('/open311/v2/services.xml');
      expect(xml.body).toContain('<service><service_code>06001</service_code><service_name>私搭乱建</service_name>');
      expect(xml.body).toContain('<group>市容环境类</group>');
    });

    it('names them in English with Accept-Language: en', async () => {
      const services = (await get('/open311/v2/services.json', { 'accept-language': 'en' })).json() as Array<
        Record<string, unknown>
      >;
      expect(services.find((s) => s.service_code === '06001')).toMatchObject({
        service_name: 'Unauthorised structures',
        group: 'City appearance and environment',
      });
      expect(services.find((s) => s.service_code === '09006')).toMatchObject({
        service_name: expect.not.stringMatching(/[\u4e00-\u9fff]/),
      });
      // a comma inside a campaign tag's name must not split the comma-separated keywords
      const posters = services.find((s) => s.service_code === '07001');
      expect(String(posters!.keywords).split(', ')).toContain('The three disorders (posters / graffiti / carving)');
    });
  });

  describe('GET Service Definition', () => {
    it.each(formats)('.%s: 404 in the spec error format for an unknown or malformed service_code', async (format) => {
      for (const code of ['99999', '06999', '6001', '06001x', 'abc', '%E7%A7%81']) {
        const [error] = expectSpecError(
          await get(`/open311/v2/services/${code}.${format}`, { 'accept-language': 'en' }),
          format,
          404,
        );
        expect(error!.description, code).toBe('Service (service_code) not found');
      }
    });

    it('offers every service the optional township (a spec client sends only a location), 私搭乱建 a required area in m², every service the optional channel', async () => {
      const illegalBuilding = (await get('/open311/v2/services/06001.json')).json();
      expect(illegalBuilding.service_code).toBe('06001');
      expect(
        illegalBuilding.attributes.map((a: Record<string, unknown>) => [
          a.code,
          a.datatype,
          a.required,
          a.variable,
          a.order,
        ]),
      ).toEqual([
        ['region_code', 'string', false, true, 1],
        ['area_m2', 'number', true, true, 2],
        ['channel', 'singlevaluelist', false, true, 3],
      ]);
      expect(illegalBuilding.attributes[1].description).toBe('面积（平方米）');
      const vending = (await get('/open311/v2/services/09006.json', { 'accept-language': 'en' })).json();
      expect(vending.attributes).toEqual([
        {
          variable: true,
          code: 'region_code',
          datatype: 'string',
          required: false,
          datatype_description: 'A 9-digit township code or a 12-digit village (community) code',
          order: 1,
          description:
            'Statistical area code of the township or village (community) the case is in, within this county, e.g. 430225100 (Xiayang); may be sent as address_id instead. Without it the case waits in the county intake queue until a dispatcher assigns the township',
        },
        {
          variable: true,
          code: 'channel',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: 'One of the values; "other" when absent',
          order: 2,
          description: 'Reporting channel',
          values: [
            { key: 'patrol', name: 'Inspector patrol' },
            { key: 'citizen', name: 'Citizen report' },
            { key: 'volunteer', name: 'Volunteer snapshot' },
            { key: 'hotline', name: '12345 hotline' },
            { key: 'other', name: 'Other' },
          ],
        },
      ]);
    });

    it('writes attributes/attribute and values/value in XML, escaping what XML must', async () => {
      const xml = (await get('/open311/v2/services/09006.xml', { 'accept-language': 'en' })).body;
      expect(xml).toContain(
        '<attributes><attribute><variable>true</variable><code>region_code</code><datatype>string</datatype><required>false</required>',
      );
      expect(xml).toContain(
        '</attribute><attribute><variable>true</variable><code>channel</code><datatype>singlevaluelist</datatype><required>false</required>',
      );
      expect(xml).toContain(
        '<datatype_description>One of the values; &quot;other&quot; when absent</datatype_description>',
      );
      expect(xml).toContain('<values><value><key>patrol</key><name>Inspector patrol</name></value>');
    });
  });

  describe('errors', () => {
    it.each(formats)('.%s: escapes <&> in descriptions and reads back the same text', async (format) => {
      const res = await get(`/open311/v2/services.${format}?${encodeURIComponent('a<b&c>"中')}=1`);
      const [error] = expectSpecError(res, format, 400);
      expect(error!.description).toBe('a<b&c>"中: 不允许的字段');
      if (format === 'xml')
        expect(res.body).toContain('<description>a&lt;b&amp;c&gt;&quot;中: 不允许的字段</description>');
    });

    it('answers unknown paths under /open311 in the spec format too', async () => {
      expectSpecError(await get('/open311/v2/reports.xml'), 'xml', 404);
      expectSpecError(await get('/open311/v2/requests/2026-00000001/notes.json'), 'json', 404);
      expectSpecError(await get('/open311/discovery.json'), 'json', 404);
    });

    it('leaves the rest of the app on its own error shape', async () => {
      const res = await get('/api/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toHaveProperty('error.code', 'not_found');
    });
  });
});
