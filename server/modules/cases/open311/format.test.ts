import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { errorFormatOf, formatOfPath, renderOpen311, shanghaiIso, toPlain, xmlDeclaration } from './format.ts';

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'attribute', 'value', 'format', 'error'].includes(name),
});

describe('Open311 formats', () => {
  it('takes the format from the path extension only', () => {
    expect(formatOfPath('/open311/v2/services.xml')).toBe('xml');
    expect(formatOfPath('/open311/v2/services/06001.JSON?jurisdiction_id=430225')).toBe('json');
    expect(formatOfPath('/open311/v2/services.json/')).toBe('json');
    expect(formatOfPath('/open311/v2/services.html')).toBeUndefined();
    expect(formatOfPath('/open311/v2/services')).toBeUndefined();
    expect(formatOfPath('/open311/v2/services?x=a.json')).toBeUndefined();
  });

  it('answers errors of an unknown format in XML unless the caller accepts JSON', () => {
    expect(errorFormatOf('/open311/v2/services.html', undefined)).toBe('xml');
    expect(errorFormatOf('/open311/v2/services.html', 'application/json')).toBe('json');
    expect(errorFormatOf('/open311/v2/services.json', 'text/xml')).toBe('json');
  });

  it('writes datetimes in Shanghai time with the offset, to the second', () => {
    expect(shanghaiIso(new Date('2026-03-01T16:30:00.999Z'))).toBe('2026-03-02T00:30:00+08:00');
    expect(toPlain({ at: new Date('2026-01-01T00:00:00Z') })).toEqual({ at: '2026-01-01T08:00:00+08:00' });
  });

  it('drops absent members, keeps nulls and removes characters XML 1.0 cannot carry', () => {
    expect(toPlain({ a: undefined, b: null, c: 'x\u0000y\u0008z\uFFFE\uD800', d: 'tab\tnew\nline' })).toEqual({
      b: null,
      c: 'xyz',
      d: 'tab\tnew\nline',
    });
  });

  it('renders a list as a top-level JSON array and as <root><item> XML', () => {
    const services = [
      { service_code: '06001', service_name: '私搭乱建', metadata: true, keywords: '01-01, 创文' },
      { service_code: '09006', service_name: '占道经营 <A&B> "x"', metadata: false, keywords: '' },
    ];
    expect(JSON.parse(renderOpen311('json', 'services', 'service', services))).toEqual(services);
    const xml = renderOpen311('xml', 'services', 'service', services);
    expect(xml.startsWith(`${xmlDeclaration}<services><service><service_code>06001</service_code>`)).toBe(true);
    expect(xml).toContain('<service_name>占道经营 &lt;A&amp;B&gt; &quot;x&quot;</service_name>');
    expect(xml).toContain('<metadata>true</metadata>');
    expect(xml).toContain('<metadata>false</metadata>');
    expect(parser.parse(xml).services.service).toEqual(services.map((s) => ({ ...s, metadata: String(s.metadata) })));
  });

  it('renders nested lists with their item names (attributes/attribute, values/value, formats/format)', () => {
    const definition = {
      service_code: '06001',
      attributes: [
        {
          code: 'channel',
          values: [
            { key: 'patrol', name: '巡查上报' },
            { key: 'other', name: '其他' },
          ],
        },
      ],
    };
    const xml = renderOpen311('xml', 'service_definition', null, definition);
    expect(xml).toBe(
      `${xmlDeclaration}<service_definition><service_code>06001</service_code><attributes><attribute><code>channel</code>` +
        '<values><value><key>patrol</key><name>巡查上报</name></value><value><key>other</key><name>其他</name></value></values>' +
        '</attribute></attributes></service_definition>',
    );
    expect(
      renderOpen311('xml', 'discovery', null, { endpoints: [{ formats: ['text/xml', 'application/json'] }] }),
    ).toBe(
      `${xmlDeclaration}<discovery><endpoints><endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>`,
    );
  });

  it('renders an empty list as an empty root element and an empty JSON array', () => {
    expect(renderOpen311('xml', 'services', 'service', [])).toBe(`${xmlDeclaration}<services></services>`);
    expect(renderOpen311('json', 'services', 'service', [])).toBe('[]');
  });

  it('refuses a list without an item element name', () => {
    expect(() => renderOpen311('xml', 'services', null, [])).toThrow(/item element name/);
  });
});
