import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributesFor,
  checkAttributes,
  type Open311AttributeSpec,
  presentAttribute,
  reportChannels,
} from './attributes.ts';

const illegalBuilding = { code: '06001', measureUnit: 'm2' };
const streetVending = { code: '09006', measureUnit: null };

describe('attributesFor', () => {
  it('asks 私搭乱建 (measured in m²) for the optional township, a required area, then the optional channel', () => {
    const specs = attributesFor(illegalBuilding);
    expect(specs.map((s) => [s.code, s.datatype, s.required, s.order])).toEqual([
      ['region_code', 'string', false, 1],
      ['area_m2', 'number', true, 2],
      ['channel', 'singlevaluelist', false, 3],
    ]);
    expect(specs[1]!.exclusiveMinimum).toBe(0);
  });

  it('asks every other service for the township and the optional channel, defaulting to other', () => {
    const specs = attributesFor(streetVending);
    expect(specs.map((s) => [s.code, s.order])).toEqual([
      ['region_code', 1],
      ['channel', 2],
    ]);
    expect(specs[1]!.values.map((v) => v.key)).toEqual(['patrol', 'citizen', 'volunteer', 'hotline', 'other']);
    expect(specs[1]!.defaultValue).toBe('other');
  });

  it('presents attributes in the GeoReport v2 field order, in the caller language, values only for lists', () => {
    const [region, area, channel] = attributesFor(illegalBuilding).map((s) => presentAttribute(s, 'zh'));
    expect(Object.keys(area!)).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
    ]);
    expect(area!.description).toBe('面积（平方米）');
    expect(region!.datatype_description).toBe('9 位乡镇代码或 12 位村（社区）代码');
    expect(region!.description).toContain('address_id');
    expect(Object.keys(channel!)).toEqual([...Object.keys(area!), 'values']);
    expect(channel!.values?.[0]).toEqual({ key: 'patrol', name: '巡查上报' });
    expect(presentAttribute(attributesFor(streetVending)[1]!, 'en').values?.[4]).toEqual({
      key: 'other',
      name: 'Other',
    });
  });
});

describe('checkAttributes', () => {
  const specs = attributesFor(illegalBuilding);
  const township = { region_code: '430225100' };

  it('accepts a township or village code, a positive area and a known channel', () => {
    expect(checkAttributes(specs, { ...township, area_m2: '12.5', channel: 'hotline' })).toEqual({
      values: { region_code: '430225100', area_m2: 12.5, channel: 'hotline' },
      problems: {},
    });
    expect(checkAttributes(specs, { region_code: '430225100201', area_m2: '1' }).problems).toEqual({});
    // the township is optional (GeoReport v2 asks only for a location): without it the case waits in the county queue
    expect(checkAttributes(specs, { area_m2: '2' })).toEqual({
      values: { area_m2: 2, channel: 'other' },
      problems: {},
    });
  });

  it('defaults the channel to other when it is absent or empty (empty ≡ absent)', () => {
    expect(checkAttributes(specs, { ...township, area_m2: '3' }).values).toEqual({
      ...township,
      area_m2: 3,
      channel: 'other',
    });
    expect(checkAttributes(specs, { ...township, area_m2: '3', channel: '' }).values).toEqual({
      ...township,
      area_m2: 3,
      channel: 'other',
    });
  });

  it.each([
    [{ ...township }, { 'attribute[area_m2]': { key: 'field.required' } }],
    [{ area_m2: '2', region_code: '4302251' }, { 'attribute[region_code]': { key: 'field.pattern' } }],
    [{ area_m2: '2', region_code: '430225100x' }, { 'attribute[region_code]': { key: 'field.pattern' } }],
    [{ ...township, area_m2: '' }, { 'attribute[area_m2]': { key: 'field.required' } }],
    [{ ...township, area_m2: '0' }, { 'attribute[area_m2]': { key: 'field.exclusive_minimum', vars: { limit: 0 } } }],
    [{ ...township, area_m2: '-4' }, { 'attribute[area_m2]': { key: 'field.type.number' } }],
    [{ ...township, area_m2: '1e3' }, { 'attribute[area_m2]': { key: 'field.type.number' } }],
    [{ ...township, area_m2: ['2', '3'] }, { 'attribute[area_m2]': { key: 'field.type.string' } }],
    [{ ...township, area_m2: '2', channel: 'wechat' }, { 'attribute[channel]': { key: 'field.enum' } }],
    [{ ...township, area_m2: '2', colour: 'red' }, { 'attribute[colour]': { key: 'field.unknown' } }],
  ])('rejects %j', (given, problems) => {
    expect(checkAttributes(specs, given).problems).toEqual(problems);
  });

  it('takes only the area from measured categories: other services reject it as unknown', () => {
    expect(checkAttributes(attributesFor(streetVending), { ...township, area_m2: '5' }).problems).toEqual({
      'attribute[area_m2]': { key: 'field.unknown' },
    });
  });

  it('checks multi-value lists and datetimes too', () => {
    const multi: Open311AttributeSpec = {
      ...specs[2]!,
      code: 'seen',
      datatype: 'multivaluelist',
      defaultValue: undefined,
    };
    const when: Open311AttributeSpec = {
      ...specs[1]!,
      code: 'at',
      datatype: 'datetime',
      required: false,
      exclusiveMinimum: undefined,
    };
    expect(
      checkAttributes([multi, when], { seen: ['patrol', 'hotline', 'patrol'], at: '2026-03-01T08:00:00+08:00' }),
    ).toEqual({ values: { seen: ['patrol', 'hotline'], at: '2026-03-01T08:00:00+08:00' }, problems: {} });
    expect(checkAttributes([multi, when], { seen: ['patrol', 'x'], at: '2026-03-01 08:00' }).problems).toEqual({
      'attribute[seen]': { key: 'field.enum' },
      'attribute[at]': { key: 'format.date-time' },
    });
  });

  it('accepts exactly the positive decimals as areas (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.000001, max: 1e9, noNaN: true }), (area) => {
        const text = area.toFixed(6);
        expect(checkAttributes(specs, { ...township, area_m2: text }).values.area_m2).toBe(Number(text));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { problems, values } = checkAttributes(specs, { ...township, area_m2: text });
        const ok = /^\d{1,12}(\.\d{1,6})?$/.test(text) && Number(text) > 0;
        expect(ok ? values.area_m2 : problems['attribute[area_m2]']).toBeDefined();
      }),
    );
  });

  it('refuses datetimes that name no real instant, whatever the zone', () => {
    const when: Open311AttributeSpec = {
      ...specs[1]!,
      code: 'at',
      datatype: 'datetime',
      required: false,
      exclusiveMinimum: undefined,
    };
    for (const bad of [
      '2026-02-30T08:00:00+08:00',
      '2026-03-01T24:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-03-01T08:00:00',
    ]) {
      expect(checkAttributes([when], { at: bad }).problems, bad).toEqual({
        'attribute[at]': { key: 'format.date-time' },
      });
    }
    expect(checkAttributes([when], { at: '2026-03-01T23:30:00-05:00' }).problems).toEqual({});
  });

  it('lists the channels in one place', () => {
    expect(reportChannels).toEqual(['patrol', 'citizen', 'volunteer', 'hotline', 'other']);
  });
});
