import { merchantKinds } from '../../db/schema/merchants.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RegionRow } from '../../platform/regions/national-regions.ts';
import { villageKind } from '../../platform/regions/region-kind.ts';
import { upsertRegions } from '../../platform/regions/regions.store.ts';
import { merchantKindWords } from './merchant-row.ts';
import { merchantsImport } from './merchants.import.ts';
import { testUscc } from './merchants.test-support.ts';

/** The import template's header row in Chinese, in the kind's column order (what the rows below fill). */
export const registryHeader: readonly string[] = merchantsImport.columns.map((column) => column.header.zh);

export const xiayang = '430225100';
export const miandu = '430225101';

function village(township: string, sequence: number, name: string): RegionRow {
  const code = `${township}${String(sequence).padStart(3, '0')}`;
  return { code, name, level: 'village', parentCode: township, kind: villageKind(code), source: 'demo' };
}

/**
 * Villages the test template lacks (the demo seed makes them): two communities of 霞阳镇 and three villages of
 * 沔渡镇 — 城东社区 in both townships, so that name alone is ambiguous in the county.
 */
export const testVillages: readonly RegionRow[] = [
  village(xiayang, 1, '城东社区'),
  village(xiayang, 2, '城西社区'),
  village(miandu, 1, '城东社区'),
  village(miandu, 200, '龙溪村'),
  village(miandu, 201, '石坪村'),
];

export function addTestVillages(db: Db): Promise<void> {
  return upsertRegions(db, testVillages);
}

/** Places as a file names them, each resolving to one place of the county (codes, names, "乡镇/村"). */
export const testPlaces: readonly string[] = [
  '霞阳镇',
  '霞阳镇/城东社区',
  '城西社区',
  '430225101',
  '沔渡镇/城东社区',
  '龙溪村',
  '430225101201',
  '十都镇',
  '水口镇',
  '鹿原镇',
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '欧阳', '谭', '罗', '邓', '段'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛'];

/** A 15-digit 注册号 for test number `n` (format only: the old licence numbers carry no check digit we verify). */
export function testLicence(n: number): string {
  return `4302256${String(n).padStart(8, '0')}`;
}

/** Credit code only, licence only (every tenth from 3) or both (every tenth from 7). */
function identityOf(n: number) {
  const identity = n % 10;
  return {
    creditCode: identity === 3 ? null : testUscc(n, n % 2 === 0 ? '92' : '91'),
    licenceNo: identity === 3 || identity === 7 ? testLicence(n) : null,
  };
}

/** A name of one to three characters after the surname; a mobile, a landline or none. */
function operatorOf(n: number) {
  const phone = n % 4 === 1 ? `0731-6${String(n).padStart(7, '0')}` : `139${String(n).padStart(8, '0')}`;
  return {
    operatorName: `${surnames[n % surnames.length]}${given[n % given.length]}${n % 3 === 0 ? '' : given[(n >> 3) % given.length]}`,
    operatorPhone: n % 9 === 0 ? null : phone,
  };
}

/** The kind and what depends on it: grades on food businesses only, stalls selling food. */
function kindCellsOf(n: number) {
  const kind = merchantKinds[n % merchantKinds.length]!;
  const stall = kind === 'food_sale' && n % 5 === 0;
  return {
    kind: merchantKindWords[kind].zh,
    marketStall: stall ? '是' : n % 2 === 0 ? '否' : null,
    riskGrade: kind !== 'other' && n % 11 !== 0 ? 'ABCD'[n % 4] : null,
  };
}

/**
 * Row `n` of a valid registry file, in `registryHeader` order, varied as a real one is: all four kinds, credit
 * code only / licence only / both, grades on food businesses only, blanks where a column may be empty, mobiles
 * and landlines, points and frontages with decimals, places by code, name and "乡镇/村".
 */
export function validRegistryRow(n: number, places: readonly string[] = testPlaces): unknown[] {
  const point = n % 6 !== 0;
  const cells: Record<string, unknown> = {
    name: `${['好又多', '湘味', '炎帝', '鹿原', '霞光'][n % 5]}${['便利店', '小吃', '超市', '粉店', '药房'][(n >> 2) % 5]}${n}号`,
    ...identityOf(n),
    ...kindCellsOf(n),
    schoolSurroundings: n % 7 === 0 ? '是' : null,
    supervised: n % 3 === 0 ? (n % 2 === 0 ? '是' : '否') : null,
    address: `炎帝大道 ${n} 号`,
    regionCode: places[n % places.length],
    gridCode: n % 2 === 1 ? `XY-${n % 40}` : null,
    lng: point ? 113.5 + (n % 997) / 10_000 : null,
    lat: point ? 26.3 + (n % 991) / 10_000 : null,
    ...operatorOf(n),
    frontageM: n % 5 === 0 ? null : ((n % 80) + 10) / 10,
  };
  return merchantsImport.columns.map((column) => cells[column.key] ?? null);
}

/** A file's rows: the header, then `count` valid merchants numbered from `first`. */
export function validRegistryRows(count: number, first = 1, places: readonly string[] = testPlaces): unknown[][] {
  return [[...registryHeader], ...Array.from({ length: count }, (_, i) => validRegistryRow(first + i, places))];
}
