import type { RegionLevel } from '../../db/schema/platform.ts';

export type RegionKind =
  | 'province'
  | 'city'
  | 'county'
  | 'subdistrict' // 街道
  | 'town' // 镇
  | 'rural_township' // 乡 (incl. 民族乡)
  | 'other_township' // 农场, 管理局, 开发区 … (统计用区划代码 400–599)
  | 'community' // 居民委员会 / 社区 (village segment 001–199)
  | 'village_committee'; // 村民委员会 (village segment 200–399)

const levelByLength: Record<number, RegionLevel> = {
  2: 'province',
  4: 'city',
  6: 'county',
  9: 'township',
  12: 'village',
};

export function levelOfCode(code: string): RegionLevel | undefined {
  return /^\d+$/.test(code) ? levelByLength[code.length] : undefined;
}

export function depthOfLevel(level: RegionLevel): number {
  return { province: 1, city: 2, county: 3, township: 4, village: 5 }[level];
}

/** The parent is the code's prefix one level up (GB/T 2260 and 统计用区划代码 are prefix-hierarchical). */
export function parentCodeOf(code: string): string | null {
  const cut = { 2: 0, 4: 2, 6: 4, 9: 6, 12: 9 }[code.length];
  return cut ? code.slice(0, cut) : null;
}

/** All ancestors, nearest last: 430225100001 → [43, 4302, 430225, 430225100]. */
export function ancestorCodesOf(code: string): string[] {
  const chain: string[] = [];
  for (let parent = parentCodeOf(code); parent; parent = parentCodeOf(parent)) chain.unshift(parent);
  return chain;
}

/** A township's kind follows its name (镇/乡/街道) — more reliable than the code segment, which has exceptions. */
export function townshipKind(name: string): RegionKind {
  if (name.endsWith('街道')) return 'subdistrict';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'rural_township';
  return 'other_township';
}

/** A village's kind follows its 3-digit segment: 001–199 居委会, 200–399 村委会 (统计用区划代码编制规则). */
export function villageKind(code: string): RegionKind {
  return Number(code.slice(9)) < 200 ? 'community' : 'village_committee';
}
