/**
 * 行政区划代码 — format checks only. Whether a code exists is a question for the region table
 * (`platform/regions`), because county and township codes change every year while the layout rules below do not.
 *
 * Layout (prefix-hierarchical):
 *   2 digits  province   GB/T 2260
 *   4 digits  city       GB/T 2260 (positions 3–4)
 *   6 digits  county     GB/T 2260 (positions 5–6)
 *   9 digits  township   GB/T 10114-2003 县以下行政区划代码编制规则 (+3)
 *  12 digits  village    国家统计局 统计用区划代码编制规则 (+3)
 * Canonical codes are the short forms above. The zero-padded forms that GB/T 2260 (430000, 430200) and the
 * 统计用区划代码 tables (430225000000) print are accepted and shortened, so '430200' is the city '4302'.
 * Caveat: shared/data/regions/areas.csv also lists 东莞 441900, 中山 442000 and 儋州 460400 as county rows (those
 * cities have no counties); by GB/T 2260 these six digits name the city, and that is what this parser answers.
 */
import { invalid, type ValidationReason, type ValidationResult, valid } from './result.ts';
import { compactCode } from './text.ts';

export type RegionCodeLevel = 'province' | 'city' | 'county' | 'township' | 'village';

/** Same names as `platform/regions/region-kind.ts` where they overlap. */
export type RegionCodeKind =
  | 'subdistrict' // 街道 001–099
  | 'town' // 镇 100–199
  | 'rural_township' // 乡, incl. 民族乡 200–399
  | 'other_township' // 政企合一单位: 农场, 管理局, 开发区 … 400–599
  | 'community' // 居民委员会 / 社区 001–199
  | 'village_committee' // 村民委员会 200–399
  | 'other_village'; // 400–599: not in the rule text, but the NBS tables use it (e.g. 420281102400 工业园社区)

export interface RegionCodeInfo {
  /** Canonical (short) code. */
  code: string;
  level: RegionCodeLevel;
  /** Canonical parent code; null for a province. */
  parent: string | null;
  /** Only townships and villages have a kind the code itself tells. */
  kind?: RegionCodeKind;
}

/**
 * Province-level codes of GB/T 2260: the 31 mainland provinces, 台湾省 71, 香港 81, 澳门 82.
 * (83 is not a region: it appears only in 台湾居民居住证 numbers, see id-card.ts.)
 */
export const provinceCodes: readonly string[] = [
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
];

export function isProvinceCode(code: string): boolean {
  return provinceCodes.includes(code);
}

const levelByLength: Record<number, RegionCodeLevel> = {
  2: 'province',
  4: 'city',
  6: 'county',
  9: 'township',
  12: 'village',
};
const parentLength: Record<number, number> = { 4: 2, 6: 4, 9: 6, 12: 9 };

export function parseRegionCode(input: unknown): ValidationResult<RegionCodeInfo> {
  const compact = compactCode(input);
  if (compact === null) return invalid('region_code.format');
  if (compact === '') return invalid('region_code.required');
  if (!/^\d+$/.test(compact) || !(compact.length in levelByLength)) return invalid('region_code.format');
  const code = shortenPadding(compact);
  const problem = segmentProblem(code);
  if (problem) return invalid(problem);
  return valid(describe(code));
}

/** True when `code` is `ancestor` itself or lies below it. Both are parsed first, so padded forms compare right. */
export function isWithin(code: string, ancestor: string): boolean {
  const inner = parseRegionCode(code);
  const outer = parseRegionCode(ancestor);
  if (!inner.ok || !outer.ok) return false;
  // Prefix on canonical codes is enough: segment boundaries are fixed per level, so a 4-digit city can only
  // prefix codes inside it, and the length check keeps a deeper code from "containing" a shallower one.
  return outer.value.code.length <= inner.value.code.length && inner.value.code.startsWith(outer.value.code);
}

/** Canonical ancestors, province first, parent last: 430225100201 → [43, 4302, 430225, 430225100]. null if invalid. */
export function ancestorsOf(code: string): string[] | null {
  const parsed = parseRegionCode(code);
  if (!parsed.ok) return null;
  const chain: string[] = [];
  for (let parent = parsed.value.parent; parent; parent = parentOf(parent)) chain.unshift(parent);
  return chain;
}

/** Trailing all-zero segments of a padded 6- or 12-digit code are padding, not a level (GB/T 2260 prints 430000). */
function shortenPadding(code: string): string {
  if (code.length !== 6 && code.length !== 12) return code;
  let out = code;
  if (out.length === 12 && out.endsWith('000')) out = out.slice(0, 9);
  if (out.length === 9 && out.endsWith('000')) out = out.slice(0, 6);
  if (out.length === 6 && out.endsWith('00')) out = out.slice(0, 4);
  if (out.length === 4 && out.endsWith('00')) out = out.slice(0, 2);
  return out;
}

type SegmentReason = Extract<ValidationReason, `region_code.${'province' | 'city' | 'township' | 'village'}`>;

function segmentProblem(code: string): SegmentReason | null {
  if (!isProvinceCode(code.slice(0, 2))) return 'region_code.province';
  if (code.length >= 4 && !isCitySegment(code.slice(2, 4))) return 'region_code.city';
  // County segment 00 is allowed below a city: 东莞 (4419), 中山 (4420), 儋州 (4604) have no counties and
  // their townships are coded 441900xxx. As a complete 6-digit code, xxxx00 was already shortened to the city.
  if (code.length >= 9 && townshipKind(code.slice(6, 9)) === null) return 'region_code.township';
  if (code.length === 12 && villageKind(code.slice(9, 12)) === null) return 'region_code.village';
  return null;
}

/**
 * GB/T 2260 positions 3–4: 01–20 and 51–70 地级市, 21–50 地区/自治州/盟, 90 省直辖县级行政区划.
 * 00 is only the padding of a province code and was removed before this check.
 */
function isCitySegment(segment: string): boolean {
  const n = Number(segment);
  return (n >= 1 && n <= 70) || n === 90;
}

/** GB/T 10114-2003: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 政企合一单位; anything else is not a township. */
function townshipKind(segment: string): RegionCodeKind | null {
  const n = Number(segment);
  if (n >= 1 && n <= 99) return 'subdistrict';
  if (n >= 100 && n <= 199) return 'town';
  if (n >= 200 && n <= 399) return 'rural_township';
  if (n >= 400 && n <= 599) return 'other_township';
  return null;
}

/** 统计用区划代码编制规则: 001–199 居民委员会, 200–399 村民委员会 (+ the tables' 400–599 special areas). */
function villageKind(segment: string): RegionCodeKind | null {
  const n = Number(segment);
  if (n >= 1 && n <= 199) return 'community';
  if (n >= 200 && n <= 399) return 'village_committee';
  if (n >= 400 && n <= 599) return 'other_village';
  return null;
}

function describe(code: string): RegionCodeInfo {
  const level = levelByLength[code.length] as RegionCodeLevel;
  const info: RegionCodeInfo = { code, level, parent: parentOf(code) };
  const kind =
    level === 'township' ? townshipKind(code.slice(6, 9)) : level === 'village' ? villageKind(code.slice(9)) : null;
  if (kind) info.kind = kind;
  return info;
}

/** Parent of a canonical code. A township below a county-less city (441900003) has the city as parent. */
function parentOf(code: string): string | null {
  const cut = parentLength[code.length];
  if (cut === undefined) return null;
  const parent = code.slice(0, cut);
  return parent.length === 6 && parent.endsWith('00') ? parent.slice(0, 4) : parent;
}
