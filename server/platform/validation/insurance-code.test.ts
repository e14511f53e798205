import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  validateChronicDiseaseCode,
  validateDesignatedCode,
  validateInstitutionCode,
  validateInsuranceArea,
} from './insurance-code.ts';
import { provinceCodes } from './region-code.ts';

describe('validateDesignatedCode and validateInstitutionCode', () => {
  it.each([
    ['H43022500001', 'H43022500001', 'institution', '430225'], // a Yanling clinic (insurance reference §4.2 flow)
    ['H44200100026', 'H44200100026', 'institution', '442001'], // public example (insurance reference §4.6)
    ['H43010000001', 'H43010000001', 'institution', '430100'], // public example, city-level area
    ['P13110000012', 'P13110000012', 'pharmacy', '131100'],
    ['h43022500001', 'H43022500001', 'institution', '430225'],
    [' H4302-2500-001 ', 'H43022500001', 'institution', '430225'],
    ['Ｈ４３０２２５００００１', 'H43022500001', 'institution', '430225'],
  ])('accepts %j as %s', (input, code, kind, areaCode) => {
    expect(validateDesignatedCode(input)).toEqual({ ok: true, value: { code, kind, areaCode } });
  });

  it.each([
    ['', 'insurance_institution.required'],
    ['H4302250000', 'insurance_institution.format'],
    ['H430225000011', 'insurance_institution.format'],
    ['X43022500001', 'insurance_institution.format'],
    ['43022500001H', 'insurance_institution.format'],
    ['HY430225000001', 'insurance_institution.format'],
    ['H4302250000A', 'insurance_institution.format'],
    ['H99022500001', 'insurance_institution.region'],
    ['H43992500001', 'insurance_institution.region'],
    ['H00000000001', 'insurance_institution.region'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateDesignatedCode(input)).toEqual({ ok: false, reason });
    expect(validateInstitutionCode(input)).toEqual({ ok: false, reason });
  });

  it('tells a pharmacy code apart where an institution is required', () => {
    expect(validateInstitutionCode('H43022500001')).toEqual({ ok: true, value: 'H43022500001' });
    expect(validateInstitutionCode('P43022500001')).toEqual({ ok: false, reason: 'insurance_institution.pharmacy' });
  });
});

describe('validateInsuranceArea', () => {
  it.each([
    ['430225', 'county'], // 炎陵县
    ['430200', 'city'], // 株洲市
    ['430000', 'province'], // 湖南省
    ['360100', 'city'], // 南昌市
  ])('accepts %s as a %s', (code, level) => {
    expect(validateInsuranceArea(code)).toEqual({ ok: true, value: { code, level } });
  });

  it.each([
    ['', 'insurance_area.required'],
    ['43', 'insurance_area.format'],
    ['4302250', 'insurance_area.format'],
    ['43022a', 'insurance_area.format'],
    ['990000', 'insurance_area.region'],
    ['430025', 'insurance_area.region'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateInsuranceArea(input)).toEqual({ ok: false, reason });
  });
});

describe('validateChronicDiseaseCode', () => {
  it.each([['M03900'], ['M01600'], ['M00503'], ['M07803'], ['M08300'], ['m03900']])('accepts %s', (input) => {
    expect(validateChronicDiseaseCode(input)).toEqual({ ok: true, value: input.toUpperCase() });
  });

  it.each([
    ['', 'chronic_disease.required'],
    ['M0390', 'chronic_disease.format'],
    ['M039000', 'chronic_disease.format'],
    ['03900', 'chronic_disease.format'],
    ['N03900', 'chronic_disease.format'],
    ['9901', 'chronic_disease.format'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateChronicDiseaseCode(input)).toEqual({ ok: false, reason });
  });
});

const area = fc
  .tuple(fc.constantFrom(...provinceCodes), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 99 }))
  .map(([p, c, k]) => p + String(c).padStart(2, '0') + String(k).padStart(2, '0'));
const designated = fc
  .tuple(fc.constantFrom('H', 'P'), area, fc.stringMatching(/^\d{5}$/))
  .map(([prefix, a, sequence]) => prefix + a + sequence);

/** Any code point; code-like text with the full-width, dash and space variants people type; non-strings. */
const codeLike = fc.string({
  unit: fc.constantFrom(...'0123456789XxHhMP+-() ＋－（）０９Ｘ\u3000\u2014'),
  maxLength: 24,
});
const anyInput = fc.oneof(fc.string({ unit: 'binary' }), codeLike, fc.anything({ maxDepth: 2 }));
describe('insurance codes — properties', () => {
  it('(a) accepts H/P + any well-formed area + any 5-digit sequence, and reports the parts', () => {
    fc.assert(
      fc.property(designated, (code) => {
        expect(validateDesignatedCode(code)).toEqual({
          ok: true,
          value: { code, kind: code[0] === 'H' ? 'institution' : 'pharmacy', areaCode: code.slice(1, 7) },
        });
      }),
    );
  });

  it('(d) normalisation is idempotent', () => {
    fc.assert(
      fc.property(designated, fc.boolean(), (code, lower) => {
        const first = validateDesignatedCode(lower ? code.toLowerCase() : code);
        if (!first.ok) return false;
        const second = validateDesignatedCode(first.value.code);
        return second.ok && second.value.code === first.value.code;
      }),
    );
  });

  it('(e) never throws on arbitrary input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = validateDesignatedCode(input);
        expect(
          result.ok ? /^[HP]\d{11}$/.test(result.value.code) : result.reason.startsWith('insurance_institution.'),
        ).toBe(true);
        validateInstitutionCode(input);
        validateInsuranceArea(input);
        validateChronicDiseaseCode(input);
      }),
    );
  });
});
