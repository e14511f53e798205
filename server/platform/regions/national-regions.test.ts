import { describe, expect, it } from 'vitest';
import { parseRegionCode } from '../validation/region-code.ts';
import { assertValidCodes, readNationalRegions } from './national-regions.ts';

describe('national region list', () => {
  const { rows, version } = readNationalRegions();

  it('holds every province, city and county, and Hunan’s townships', () => {
    const byLevel = (level: string) => rows.filter((r) => r.level === level).length;
    expect(byLevel('province')).toBe(31);
    expect(byLevel('city')).toBe(342);
    expect(byLevel('county')).toBe(2978);
    expect(byLevel('township')).toBe(2008);
    expect(rows.filter((r) => r.parentCode === '430225').map((r) => r.name)).toContain('中村瑶族乡');
  });

  it('every code passes the GB/T 2260 / 统计用区划代码 rules and lies under its parent', () => {
    for (const row of rows) {
      expect(parseRegionCode(row.code).ok, row.code).toBe(true);
      if (row.parentCode) expect(row.code.startsWith(row.parentCode), row.code).toBe(true);
    }
  });

  it('refuses a damaged row', () => {
    expect(() =>
      assertValidCodes([
        { code: '430225999', name: 'x', level: 'township', parentCode: '430225', kind: 'town', source: 'nbs' },
      ]),
    ).toThrow('Invalid region codes');
  });

  it('has a version that identifies the files', () => {
    expect(version).toMatch(/^[0-9a-f]{16}$/);
  });
});
