import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.ts';
import { parseCell, rawCellOf } from '../../platform/imports/cell-parsers.ts';
import type { CellValue, ImportRow } from '../../platform/imports/import-kind.ts';
import { testKeyring } from '../../platform/pii/keyring.ts';
import type { Region } from '../../platform/regions/regions.store.ts';
import { checkedMerchantOf, foodKinds } from './merchant-input.ts';
import { placeLabel, placesOf } from './merchant-places.ts';
import { readMerchantRow } from './merchant-row.ts';
import { exportCellsOf } from './merchants-export.xlsx.ts';
import { merchantsImport } from './merchants.import.ts';
import { miandu, testPlaces, testVillages, validRegistryRow, xiayang } from './merchants-registry.test-support.ts';
import type { MerchantRow } from './merchants.store.ts';
import { testUscc } from './merchants.test-support.ts';
import { merchantRowOf } from './register-merchant.ts';

const region = (code: string, name: string, level: Region['level'], parentCode: string | null): Region => ({
  code,
  name,
  level,
  parentCode,
  kind: null,
  source: 'nbs',
  depth: code.length === 6 ? 3 : code.length === 9 ? 4 : 5,
});
const places = placesOf('430225', [
  region('430225', '炎陵县', 'county', '430200'),
  region(xiayang, '霞阳镇', 'township', '430225'),
  region(miandu, '沔渡镇', 'township', '430225'),
  region('430225102', '十都镇', 'township', '430225'),
  region('430225103', '水口镇', 'township', '430225'),
  region('430225105', '鹿原镇', 'township', '430225'),
  ...testVillages.map((v) => region(v.code, v.name, 'village', v.parentCode)),
]);
const county = { places, scopeRegion: '430225' };
const good = testUscc(1);
const wrongCheckCharacter = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
const columns = merchantsImport.columns;

/** A row as the import kit hands it to the kind: every cell parsed by its column, or null if the kit refuses one. */
function kitRow(cells: readonly unknown[]): ImportRow | null {
  const values: Record<string, CellValue> = {};
  for (const [i, column] of columns.entries()) {
    const raw = rawCellOf(cells[i] ?? null);
    const parsed = raw.ok ? parseCell(raw.value, column) : raw;
    if (!parsed.ok) return null;
    values[column.key] = parsed.value;
  }
  return values;
}

function rowWith(over: Record<string, unknown>, n = 1): ImportRow {
  const cells = validRegistryRow(n);
  for (const [key, value] of Object.entries(over)) cells[columns.findIndex((c) => c.key === key)] = value;
  const row = kitRow(cells);
  if (!row) throw new Error('the kit refuses this row');
  return row;
}

const issuesOf = (row: ImportRow, ref = county) => {
  const reading = readMerchantRow(row, ref);
  return reading.ok ? [] : reading.issues.map((i) => `${i.column}:${i.code}`);
};

describe('a registry row read as the registration form', () => {
  it('reads a valid row as the form’s body, the place resolved to its code and township', () => {
    const row = rowWith({ regionCode: '霞阳镇 / 城东社区', riskGrade: 'b', kind: 'Catering' }, 2);
    const reading = readMerchantRow(row, county);
    expect(reading).toMatchObject({
      ok: true,
      townshipCode: xiayang,
      body: { kind: 'catering', riskGrade: 'B', regionCode: `${xiayang}001`, creditCode: testUscc(2, '92') },
    });
  });

  it.each([
    [{ kind: '烧烤' }, 'kind:merchants.import.kind_unknown'],
    [{ kind: '其他', riskGrade: 'A' }, 'riskGrade:merchants.risk_grade_food_only'],
    [{ kind: '餐饮', riskGrade: 'E' }, 'riskGrade:merchants.import.risk_grade_unknown'],
    [{ lng: '东经113度' }, 'lng:merchants.import.not_number'],
    [{ lng: 113.7, lat: null }, 'lat:merchants.point_incomplete'],
    [{ lng: 200, lat: 26 }, 'lng:field.maximum'],
    [{ frontageM: '0' }, 'frontageM:field.exclusive_minimum'],
    [{ regionCode: '城东社区' }, 'regionCode:merchants.import.region_ambiguous'],
    [{ regionCode: '桃花镇' }, 'regionCode:merchants.region_unknown'],
    [{ regionCode: '430225999' }, 'regionCode:merchants.region_unknown'],
    [{ regionCode: '430224100' }, 'regionCode:merchants.region_outside_county'],
    [{ regionCode: '430225' }, 'regionCode:merchants.region_level'],
    [{ creditCode: wrongCheckCharacter }, 'creditCode:uscc.check_digit'],
    [{ creditCode: null, licenceNo: null }, 'creditCode:merchants.identity_required'],
    [{ licenceNo: '43022560001' }, 'licenceNo:merchants.licence_format'],
    [{ operatorPhone: '12345' }, 'operatorPhone:merchants.phone_invalid'],
    [{ operatorName: '王*' }, 'operatorName:merchants.operator_name_masked'],
    [{ address: '1' }, 'address:field.min_length'],
  ])('refuses %o with %s', (over, expected) => {
    // Row 1 is a food business (餐饮) with a credit code, a point, a mobile: one change, one refusal.
    expect(issuesOf(rowWith(over))).toEqual([expected]);
  });

  it('refuses a place outside the importer’s area, as the form does', () => {
    expect(issuesOf(rowWith({ regionCode: '龙溪村' }), { places, scopeRegion: xiayang })).toEqual([
      'regionCode:merchants.region_outside_scope',
    ]);
  });

  it('names every problem of a row at once, each on its column', () => {
    expect(issuesOf(rowWith({ kind: '其他', riskGrade: 'C', operatorPhone: '1', regionCode: '火星' }))).toEqual([
      'regionCode:merchants.region_unknown',
      'operatorPhone:merchants.phone_invalid',
      'riskGrade:merchants.risk_grade_food_only',
    ]);
  });

  it('labels each place so it reads back to the same code (the export’s round trip)', () => {
    for (const code of places.byCode.keys()) {
      if (code === '430225') continue;
      const label = placeLabel(places, code);
      expect(label).not.toMatch(/^\d+$/);
      const row = rowWith({ regionCode: label });
      expect(readMerchantRow(row, county)).toMatchObject({ ok: true, body: { regionCode: code } });
    }
  });
});

/** A fake transaction context: enough for merchantRowOf to seal (keys, county) and for the export to open. */
const sealing = { keyring: testKeyring(), countyCode: '430225', actor: null } as unknown as Ctx;

function storedRow(row: ImportRow): MerchantRow {
  const reading = readMerchantRow(row, county);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  const merchant = checkedMerchantOf(reading.body, reading.townshipCode);
  const stored = merchantRowOf(sealing, merchant, '00000000-0000-4000-8000-000000000000', new Date(0));
  return { ...stored, merchantNo: 'SH000001', status: 'open', revision: 0, closedAt: null } as MerchantRow;
}

/** What merchants_merchant's checks demand, so a commit never meets a constraint the row check let through. */
function expectStorable(merchant: ReturnType<typeof checkedMerchantOf>): void {
  expect(merchant.creditCode !== null || merchant.licenceNo !== null).toBe(true);
  expect(merchant.lng === null).toBe(merchant.lat === null);
  expect(Math.abs(merchant.lng ?? 0)).toBeLessThanOrEqual(180);
  expect(Math.abs(merchant.lat ?? 0)).toBeLessThanOrEqual(90);
  expect(merchant.frontageDm ?? 1).toBeGreaterThan(0);
  expect(merchant.riskGrade === null || foodKinds.has(merchant.kind)).toBe(true);
  expect(merchant.locationCode.startsWith(merchant.townshipCode)).toBe(true);
}

describe('properties (fast-check)', () => {
  it('every generated valid row reads; stored, exported (in either language) and read again it is the same merchant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.constantFrom('zh' as const, 'en' as const),
        (n, locale) => {
          const first = storedRow(kitRow(validRegistryRow(n))!);
          const cells = exportCellsOf(sealing, first, places, locale, 'clear');
          const again = storedRow(kitRow(columns.map((column) => cells[column.key] ?? null))!);
          const comparable = (row: MerchantRow) => {
            const { operatorNameEnc: _n, operatorPhoneEnc: _p, ...rest } = row;
            return rest;
          };
          expect(comparable(again)).toEqual(comparable(first));
          expect(exportCellsOf(sealing, again, places, locale, 'clear')).toEqual(cells);
        },
      ),
      { numRuns: 300 },
    );
  });

  const anyCell = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 30 }),
    fc.constantFrom('是', '否', '食品销售', '餐饮', 'A', 'D', '霞阳镇', '430225100001', '13912345678', '0731-62345678'),
    fc.double({ noNaN: true, min: -500, max: 500 }),
    fc.integer(),
    fc.constant(testUscc(42)),
  );

  it('any row of cells either reads as a merchant the table accepts, or is refused with reasons — never a throw', () => {
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: columns.length, maxLength: columns.length }), (cells) => {
        const row = kitRow(cells);
        if (!row) return;
        const reading = readMerchantRow(row, county);
        if (!reading.ok) {
          expect(reading.issues.length).toBeGreaterThan(0);
          for (const issue of reading.issues) expect(columns.map((c) => c.key)).toContain(issue.column);
          return;
        }
        expectStorable(checkedMerchantOf(reading.body, reading.townshipCode));
      }),
      { numRuns: 2_000 },
    );
  });
});

it('the test places all resolve (the fixture the API tests and the bench use)', () => {
  for (const text of testPlaces) expect(issuesOf(rowWith({ regionCode: text }))).toEqual([]);
});
