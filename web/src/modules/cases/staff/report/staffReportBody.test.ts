import { describe, expect, it } from 'vitest';
import type { CatalogueCategory } from '../../casesApi.ts';
import { sampleCatalogue } from '../test/casesSamples.ts';
import { matchCategories, readRecentCodes, rememberCode } from './recentCategories.ts';
import { reportKindFor } from './StaffReportPage.tsx';
import { caseNoIn, fieldReportBody, hotlineIntakeBody } from './staffReportBody.ts';

const base = sampleCatalogue.categories[0] as CatalogueCategory;
const category = (code: string, nameZh: string, nameEn = nameZh): CatalogueCategory => ({
  ...base,
  code,
  nameZh,
  nameEn,
});
const catalogue = [
  category('09006', '占道经营', 'Street vending'),
  category('09012', '私搭乱建'),
  category('01001', '井盖'),
];

describe('category search', () => {
  it('finds by code start or by words, recent first, catalogue order after', () => {
    expect(matchCategories(catalogue, '090', []).map((c) => c.code)).toEqual(['09006', '09012']);
    expect(matchCategories(catalogue, '090', ['09012']).map((c) => c.code)).toEqual(['09012', '09006']);
    expect(matchCategories(catalogue, 'street VENDING', []).map((c) => c.code)).toEqual(['09006']);
    expect(matchCategories(catalogue, '', ['01001', '09006']).map((c) => c.code)).toEqual(['01001', '09006']);
    expect(matchCategories(catalogue, '没有', [])).toEqual([]);
  });

  it('remembers the last six codes, newest first, once each; a broken store is no store', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    for (const code of ['1', '2', '3', '4', '5', '6', '7', '3']) rememberCode(code, storage);
    expect(readRecentCodes(storage)).toEqual(['3', '7', '6', '5', '4', '2']);
    expect(readRecentCodes({ getItem: () => '{oops' })).toEqual([]);
  });
});

describe('report bodies', () => {
  it('a field report leaves out what is empty and names no channel', () => {
    expect(
      fieldReportBody({ categoryCode: '09006', regionCode: '430225100', address: ' ' }, undefined, ['u-1']),
    ).toEqual({
      categoryCode: '09006',
      regionCode: '430225100',
      photos: [{ uploadId: 'u-1' }],
    });
  });

  it('an intake sends consent only with a phone', () => {
    const body = hotlineIntakeBody(
      { categoryCode: '09006', regionCode: '430225100', smsConsent: true, phone: ' ' },
      [],
    );
    expect(body).not.toHaveProperty('smsConsent');
    expect(body).toMatchObject({ channel: 'hotline', photos: [] });
  });

  it('reads the case number out of a 409, and picks the page’s kind from the permission', () => {
    expect(caseNoIn('工单号 RX1 已受理为案件 2026-00000042，请勿重复录入')).toBe('2026-00000042');
    expect(caseNoIn('已受理为其他区域的案件')).toBeUndefined();
    expect(reportKindFor('hotline', false)).toBe('field');
    expect(reportKindFor(null, true)).toBe('hotline');
    expect(reportKindFor('field', true)).toBe('field');
  });
});
