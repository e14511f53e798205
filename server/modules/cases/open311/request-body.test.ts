import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributesOf, flattenOpen311Body, parseOpen311Form } from './request-body.ts';

describe('parseOpen311Form', () => {
  it('reads the spec example: UTF-8, + as space, attribute[code]=v', () => {
    const body =
      'api_key=xyz&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street&email=smit333%40sfgov.edu&description=%E6%91%8A+A&attribute[WHISPAWN]=123456';
    expect(parseOpen311Form(body)).toEqual({
      api_key: 'xyz',
      service_code: '001',
      lat: '37.76524078',
      long: '-122.4212043',
      address_string: '1234 5th street',
      email: 'smit333@sfgov.edu',
      description: '摊 A',
      'attribute[WHISPAWN]': '123456',
    });
  });

  it('collects attribute[code][]=v as a list under attribute[code], even a single one', () => {
    expect(parseOpen311Form('attribute[c][]=1&attribute[c][]=2&attribute[d][]=3')).toEqual({
      'attribute[c]': ['1', '2'],
      'attribute[d]': ['3'],
    });
    expect(parseOpen311Form('attribute%5Bc%5D%5B%5D=1')).toEqual({ 'attribute[c]': ['1'] });
  });

  it('turns a repeated single-valued key into a list (the schema refuses it) and keeps __proto__ a plain key', () => {
    expect(parseOpen311Form('media_url=a&media_url=b&x=1')).toEqual({ media_url: ['a', 'b'], x: '1' });
    const parsed = parseOpen311Form('__proto__=x&constructor=y');
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('round-trips any flat form it is given (property)', () => {
    const key = fc.stringMatching(/^[a-z_]{1,12}$/);
    fc.assert(
      fc.property(fc.dictionary(key, fc.string()), (fields) => {
        expect(parseOpen311Form(new URLSearchParams(fields).toString())).toEqual(fields);
      }),
    );
  });
});

describe('flattenOpen311Body', () => {
  it('writes JSON numbers and booleans as the strings a form carries and drops null and empty (≡ absent)', () => {
    expect(flattenOpen311Body({ lat: 26.5, long: -1, ok: true, email: null, phone: '', description: 'x' })).toEqual({
      lat: '26.5',
      long: '-1',
      ok: 'true',
      description: 'x',
    });
  });

  it('flattens a nested attribute object and attribute[code][] keys', () => {
    expect(
      flattenOpen311Body({
        attribute: { region_code: '430225100', area_m2: 12.5, seen: ['a', 'b'] },
        'attribute[x][]': ['1'],
      }),
    ).toEqual({
      'attribute[region_code]': '430225100',
      'attribute[area_m2]': '12.5',
      'attribute[seen]': ['a', 'b'],
      'attribute[x]': ['1'],
    });
  });

  it('leaves what it cannot flatten for the schema to refuse, and non-objects as they are', () => {
    expect(flattenOpen311Body({ description: { text: 'x' } })).toEqual({ description: { text: 'x' } });
    expect(flattenOpen311Body({ media_url: [{ a: 1 }] })).toEqual({ media_url: [{ a: 1 }] });
    expect(flattenOpen311Body('x')).toBe('x');
    expect(flattenOpen311Body(undefined)).toBeUndefined();
    expect(flattenOpen311Body({ lat: Number.NaN })).toEqual({ lat: Number.NaN });
  });
});

describe('attributesOf', () => {
  it('picks attribute[code] arguments by code and nothing else', () => {
    expect(
      attributesOf({ 'attribute[a]': '1', 'attribute[b]': ['2'], attribute: '3', 'attr[c]': '4', description: 'x' }),
    ).toEqual({ a: '1', b: ['2'] });
  });
});
