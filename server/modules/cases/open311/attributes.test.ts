import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Open311AttributeSpec, attributesFor, checkAttributes, presentAttribute, reportChannels } from './attributes.ts';

const illegalBuilding = { code: '06001', measureUnit: 'm2' };
const streetVending = { code: '09006', measureUnit: null };

describe('attributesFor', () => {
  it('asks 私搭乱建 (measured in m²) for a required area, then the optional channel', () => {
    const specs = attributesFor(illegalBuilding);
    expect(specs.map((s) => [s.code, s.datatype, s.required, s.order])).toEqual([
      ['area_m2', 'number', true, 1],
      ['channel', 'singlevaluelist', false, 2],
    ]);
    expect(specs[0]!.exclusiveMinimum).toBe(0);
  });

  it('asks every other service only for the optional channel, defaulting to other', () => {
    const specs = attributesFor(streetVending);
    expect(specs.map((s) => [s.code, s.order])).toEqual([['channel', 1]]);
    expect(specs[0]!.values.map((v) => v.key)).toEqual(['patrol', 'citizen', 'volunteer', 'hotline', 'other']);
    expect(specs[0]!.defaultValue).toBe('other');
  });

  it('presents attributes in the GeoReport v2 field order, in the caller language, values only for lists', () => {
    const [area, channel] = attributesFor(illegalBuilding).map((s) => presentAttribute(s, 'zh'));
    expect(Object.keys(area!)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description']);
    expect(area!.description).toBe('面积（平方米）');
    expect(Object.keys(channel!)).toEqual([...Object.keys(area!), 'values']);
    expect(channel!.values?.[0]).toEqual({ key: 'patrol', name: '巡查上报' });
    expect(presentAttribute(attributesFor(streetVending)[0]!, 'en').values?.[4]).toEqual({ key: 'other', name: 'Other' });
  });
});

describe('checkAttributes', () => {
  const specs = attributesFor(illegalBuilding);

  it('accepts a positive area and a known channel', () => {
    expect(checkAttributes(specs, { area_m2: '12.5', channel: 'hotline' })).toEqual({ values: { area_m2: 12.5, channel: 'hotline' }, problems: {} });
  });

  it('defaults the channel to other when it is absent or empty (empty ≡ absent)', () => {
    expect(checkAttributes(specs, { area_m2: '3' }).values).toEqual({ area_m2: 3, channel: 'other' });
    expect(checkAttributes(specs, { area_m2: '3', channel: '' }).values).toEqual({ area_m2: 3, channel: 'other' });
  });

  it.each([
    [{}, { 'attribute[area_m2]': { key: 'field.required' } }],
    [{ area_m2: '' }, { 'attribute[area_m2]': { key: 'field.required' } }],
    [{ area_m2: '0' }, { 'attribute[area_m2]': { key: 'field.exclusive_minimum', vars: { limit: 0 } } }],
    [{ area_m2: '-4' }, { 'attribute[area_m2]': { key: 'field.type.number' } }],
    [{ area_m2: '1e3' }, { 'attribute[area_m2]': { key: 'field.type.number' } }],
    [{ area_m2: ['2', '3'] }, { 'attribute[area_m2]': { key: 'field.type.string' } }],
    [{ area_m2: '2', channel: 'wechat' }, { 'attribute[channel]': { key: 'field.enum' } }],
    [{ area_m2: '2', colour: 'red' }, { 'attribute[colour]': { key: 'field.unknown' } }],
  ])('rejects %j', (given, problems) => {
    expect(checkAttributes(specs, given).problems).toEqual(problems);
  });

  it('takes only the area from measured categories: other services reject it as unknown', () => {
    expect(checkAttributes(attributesFor(streetVending), { area_m2: '5' }).problems).toEqual({ 'attribute[area_m2]': { key: 'field.unknown' } });
  });

  it('checks multi-value lists and datetimes too', () => {
    const multi: Open311AttributeSpec = { ...specs[1]!, code: 'seen', datatype: 'multivaluelist', defaultValue: undefined };
    const when: Open311AttributeSpec = { ...specs[0]!, code: 'at', datatype: 'datetime', required: false, exclusiveMinimum: undefined };
    expect(checkAttributes([multi, when], { seen: ['patrol', 'hotline', 'patrol'], at: '2026-03-01T08:00:00+08:00' })).toEqual({ values: { seen: ['patrol', 'hotline'], at: '2026-03-01T08:00:00+08:00' }, problems: {} });
    expect(checkAttributes([multi, when], { seen: ['patrol', 'x'], at: '2026-03-01 08:00' }).problems).toEqual({ 'attribute[seen]': { key: 'field.enum' }, 'attribute[at]': { key: 'format.date-time' } });
  });

  it('accepts exactly the positive decimals as areas (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.000001, max: 1e9, noNaN: true }), (area) => {
        const text = area.toFixed(6);
        expect(checkAttributes(specs, { area_m2: text }).values.area_m2).toBe(Number(text));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { problems, values } = checkAttributes(specs, { area_m2: text });
        const ok = /^\d{1,12}(\.\d{1,6})?$/.test(text) && Number(text) > 0;
        expect(ok ? values.area_m2 : problems['attribute[area_m2]']).toBeDefined();
      }),
    );
  });

  it('lists the channels in one place', () => {
    expect(reportChannels).toEqual(['patrol', 'citizen', 'volunteer', 'hotline', 'other']);
  });
});
