// The shape of the bulk-loaded case history: a busy county's three years. Shares are assumptions in line with
// what county 数字城管 reports show (posters, street trading and parking on top; the county seat carries ~45 %);
// positions are synthetic points around rough township anchors (no township geometry exists in the platform).
import { readFileSync } from 'node:fs';
import { SeededRandom } from '../../server/platform/seed/random.ts';

export const countySeat = '430225100';

/** Township code → share of cases (sums to 1) and a rough anchor point inside the county's box. */
export const townshipMix: ReadonlyArray<{ code: string; share: number; lng: number; lat: number }> = [
  { code: '430225100', share: 0.45, lng: 113.772, lat: 26.489 }, // 霞阳镇 (county seat)
  { code: '430225101', share: 0.09, lng: 113.88, lat: 26.62 }, // 沔渡镇
  { code: '430225102', share: 0.08, lng: 113.93, lat: 26.36 }, // 十都镇
  { code: '430225103', share: 0.07, lng: 113.66, lat: 26.58 }, // 水口镇
  { code: '430225105', share: 0.07, lng: 113.84, lat: 26.33 }, // 鹿原镇
  { code: '430225200', share: 0.04, lng: 113.72, lat: 26.44 }, // 垄溪乡
  { code: '430225202', share: 0.05, lng: 113.85, lat: 26.52 }, // 策源乡
  { code: '430225203', share: 0.05, lng: 113.95, lat: 26.57 }, // 下村乡
  { code: '430225207', share: 0.04, lng: 113.7, lat: 26.67 }, // 船形乡
  { code: '430225209', share: 0.04, lng: 113.79, lat: 26.25 }, // 中村瑶族乡
  { code: '430225400', share: 0.015, lng: 113.98, lat: 26.47 }, // 炎陵县大院农场
  { code: '430225401', share: 0.005, lng: 114.05, lat: 26.45 }, // 炎陵县桃源洞管理局
];

/** Relative frequency of the 32 event codes of the 2026 catalogue. */
export const categoryMix: Readonly<Record<string, number>> = {
  '07001': 16,
  '09006': 14,
  '09001': 11,
  '06036': 9,
  '09009': 9,
  '09005': 6,
  '09010': 4,
  '06010': 4,
  '06012': 3,
  '06007': 3,
  '07003': 2.5,
  '06042': 2.5,
  '07006': 2,
  '06011': 2,
  '06029': 2,
  '09011': 1.5,
  '07002': 1.5,
  '06028': 1.2,
  '06001': 1.2,
  '07007': 1,
  '09002': 1,
  '09022': 1,
  '06027': 1,
  '09021': 0.8,
  '09012': 0.8,
  '09004': 0.6,
  '06045': 0.6,
  '08011': 0.6,
  '08016': 0.4,
  '09003': 0.4,
  '06024': 0.3,
  '06046': 0.3,
};

export const channelMix: ReadonlyArray<[string, number]> = [
  ['patrol', 0.55],
  ['citizen', 0.17],
  ['hotline', 0.12],
  ['volunteer', 0.1],
  ['other', 0.06],
];

const demoDepartments: Array<{ key: string; codes: string[] }> = JSON.parse(
  readFileSync(new URL('../../server/modules/cases/data/demo-departments.json', import.meta.url), 'utf8'),
).departments;

/** Which department handles a code (the demo's routing); codes without one go to 城管. */
export function departmentOf(code: string): string {
  return demoDepartments.find((d) => d.codes.includes(code))?.key ?? 'chengguan';
}

/** `slots` entries drawn in proportion to `weights`, deterministically: a lookup table indexed by floor(random() × slots). */
export function weightedSlots<T>(items: ReadonlyArray<readonly [T, number]>, slots: number): T[] {
  const total = items.reduce((a, [, w]) => a + w, 0);
  const out: T[] = [];
  let carried = 0;
  for (const [item, weight] of items) {
    carried += (weight / total) * slots;
    while (out.length < Math.round(carried)) out.push(item);
  }
  return out;
}

export interface Place {
  townshipCode: string;
  locationCode: string;
  lng: number;
  lat: number;
}

/**
 * 1000 places in proportion to the township shares; in each, 60 % of the cases are located at one of the
 * township's villages (when it has any), the rest at the township itself (its streets).
 */
export function placeSlots(villagesOf: ReadonlyMap<string, readonly string[]>, slots = 1000): Place[] {
  const rng = new SeededRandom(430225).fork('bench places');
  return weightedSlots(
    townshipMix.map((t) => [t, t.share] as const),
    slots,
  ).map((t) => {
    const villages = villagesOf.get(t.code) ?? [];
    const atVillage = villages.length > 0 && rng.chance(0.6);
    return {
      townshipCode: t.code,
      locationCode: atVillage ? rng.pick(villages) : t.code,
      lng: t.lng + (rng.next() - 0.5) * 0.03,
      lat: t.lat + (rng.next() - 0.5) * 0.03,
    };
  });
}
