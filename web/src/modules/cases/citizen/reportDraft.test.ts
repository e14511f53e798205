import { describe, expect, it } from 'vitest';
import type { FormCategory } from './citizenApi.ts';
import { type DraftPhoto, emptyDraft, problemsOf, type ReportDraft, reportBodyOf } from './reportDraft.ts';

const stalls: FormCategory = { code: '09001', name: '流动摊贩', group: '街面秩序类', hint: null, needsArea: false };
const shed: FormCategory = { code: '06001', name: '乱搭乱建', group: '市容环境类', hint: null, needsArea: true };
const photo: DraftPhoto = {
  id: 'p1',
  blob: new Blob(['jpeg']),
  previewUrl: 'blob:1',
  width: 10,
  height: 10,
  bytes: 3,
  position: null,
};

const complete: ReportDraft = {
  ...emptyDraft,
  category: stalls,
  photos: [photo],
  location: { kind: 'located', position: { lng: 113.772, lat: 26.489, source: 'device' } },
  townshipCode: '430225100',
  address: ' 人民路口 ',
  description: ' 三个摊位 ',
  phone: ' ',
};

describe('checks before sending', () => {
  it('finds nothing wrong in a complete report', () => {
    for (const step of ['category', 'photos', 'location', 'details'] as const)
      expect(problemsOf(complete, step)).toEqual([]);
  });

  it('names the field of each missing piece', () => {
    expect(problemsOf(emptyDraft, 'category').map((p) => p.field)).toEqual(['categoryCode']);
    expect(problemsOf(emptyDraft, 'photos').map((p) => p.field)).toEqual(['photos']);
    expect(problemsOf(emptyDraft, 'location').map((p) => p.field)).toEqual(['regionCode', 'address']);
    expect(problemsOf(emptyDraft, 'details').map((p) => p.field)).toEqual(['description']);
  });

  it('without a point: the township is required and the words must name the place', () => {
    const described: ReportDraft = { ...complete, location: { kind: 'denied' }, address: '炎帝大道88号' };
    expect(problemsOf(described, 'location')).toEqual([]);
    expect(problemsOf({ ...described, townshipCode: undefined }, 'location')).toEqual([
      { field: 'regionCode', key: 'citizen.error.townshipRequired' },
    ]);
    expect(problemsOf({ ...described, address: ' 88号 ' }, 'location')).toEqual([
      { field: 'address', key: 'citizen.error.addressVague', vars: { min: 4 } },
    ]);
  });

  it('with a point in the county: the township may be left to the dispatcher, any words do', () => {
    expect(problemsOf({ ...complete, townshipCode: undefined, address: '门口' }, 'location')).toEqual([]);
  });

  it('a point outside the county is not used: the place must then be described', () => {
    const outside: ReportDraft = {
      ...complete,
      townshipCode: undefined,
      location: { kind: 'outside', position: { lng: 112.9, lat: 28.2, source: 'device' } },
    };
    expect(problemsOf(outside, 'location').map((p) => p.field)).toEqual(['regionCode']);
    expect(reportBodyOf({ ...outside, townshipCode: '430225100' }, ['u-1'])).not.toHaveProperty('lng');
  });

  it('asks for the area only where the category is measured in m²', () => {
    expect(problemsOf({ ...complete, category: shed }, 'details').map((p) => p.field)).toEqual(['areaM2']);
    expect(problemsOf({ ...complete, category: shed, areaM2: 0 }, 'details').map((p) => p.field)).toEqual(['areaM2']);
    expect(problemsOf({ ...complete, category: shed, areaM2: 12.5 }, 'details')).toEqual([]);
  });
});

describe('the request body', () => {
  it('uses the township when no village was chosen, trims words and leaves out an empty phone and the area', () => {
    expect(reportBodyOf({ ...complete, areaM2: 30 }, ['u-1', 'u-2'])).toEqual({
      categoryCode: '09001',
      lng: 113.772,
      lat: 26.489,
      address: '人民路口',
      regionCode: '430225100',
      description: '三个摊位',
      photos: [{ uploadId: 'u-1' }, { uploadId: 'u-2' }],
    });
  });

  it('uses the village when chosen, and sends the area and the phone when given', () => {
    const body = reportBodyOf(
      { ...complete, category: shed, areaM2: 30, villageCode: '430225100001', phone: '13907331234' },
      ['u-1'],
    );
    expect(body).toMatchObject({ regionCode: '430225100001', areaM2: 30, phone: '13907331234', categoryCode: '06001' });
  });

  it('asks for SMS notices only with a phone, and only when ticked', () => {
    expect(problemsOf({ ...complete, smsConsent: true }, 'details')).toEqual([
      { field: 'smsConsent', key: 'citizen.error.smsNeedsPhone' },
    ]);
    expect(problemsOf({ ...complete, smsConsent: true, phone: '13907331234' }, 'details')).toEqual([]);
    expect(reportBodyOf({ ...complete, smsConsent: true, phone: ' 13907331234 ' }, ['u-1'])).toMatchObject({
      phone: '13907331234',
      smsConsent: true,
    });
    expect(reportBodyOf({ ...complete, phone: '13907331234' }, ['u-1'])).not.toHaveProperty('smsConsent');
    expect(reportBodyOf({ ...complete, smsConsent: true }, ['u-1'])).not.toHaveProperty('smsConsent');
  });

  it('without a point: township and normalised words, no coordinates', () => {
    const body = reportBodyOf({ ...complete, location: { kind: 'manual' }, address: ' 炎帝大道８８号\u3000门前 ' }, [
      'u-1',
    ]);
    expect(body).toMatchObject({ regionCode: '430225100', address: '炎帝大道88号 门前' });
    expect(body).not.toHaveProperty('lng');
    expect(body).not.toHaveProperty('lat');
  });

  it('with a point and no township: the point alone, the township left to the dispatcher', () => {
    const body = reportBodyOf({ ...complete, townshipCode: undefined }, ['u-1']);
    expect(body).toMatchObject({ lng: 113.772, lat: 26.489 });
    expect(body).not.toHaveProperty('regionCode');
  });

  it('refuses to build from an incomplete draft', () => {
    expect(() => reportBodyOf(emptyDraft, [])).toThrow();
  });
});
