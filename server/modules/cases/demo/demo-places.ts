import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { CasesPolicy } from '../case-policy.ts';

/**
 * Where the demo cases happen. Positions are SYNTHETIC: the platform holds no township geometry, so each
 * township gets an anchor point derived from the seed inside the county's box (霞阳镇, the county seat, at
 * its real centre 113.77 E, 26.49 N), each village one near its township's, and each case a point scattered
 * a few hundred metres around its village. Street and place names are SYNTHETIC demo text too: plausible for
 * a Hunan county town, not a survey of Yanling's streets.
 */

export interface Point {
  lng: number;
  lat: number;
}

export interface DemoTownship {
  code: string;
  name: string;
  anchor: Point;
  villages: DemoVillage[];
  streets: readonly string[];
  landmarks: readonly string[];
}

export interface DemoVillage {
  code: string;
  name: string;
  anchor: Point;
}

export const countySeatCode = '430225100';
const countySeatAnchor: Point = { lng: 113.77, lat: 26.49 };

/** Synthetic streets of the county seat (the community names of demo-villages.ts reappear as road names). */
const seatStreets = [
  '炎帝大道',
  '神农大道',
  '鹿原路',
  '沿河路',
  '解放路',
  '建设路',
  '新华路',
  '城东路',
  '城西路',
  '洣水路',
  '迎宾路',
  '东风路',
  '滨江路',
  '人民路',
  '府前路',
  '向阳路',
];
const seatLandmarks = [
  '农贸市场',
  '汽车站',
  '县人民医院',
  '第一中学',
  '步行街',
  '炎帝广场',
  '商贸城',
  '火车站广场',
  '体育馆',
  '中心菜市场',
  '滨江公园',
  '城南小学',
];
const townPlaces = ['集镇农贸市场', '镇政府', '卫生院', '中心小学', '中学', '客运站', '信用社', '老街口', '大桥头'];
const villagePlaces = ['村部', '组道路口', '小学', '桥头', '河边', '祠堂', '文化广场', '便民超市'];

/** '沔渡镇' → '沔渡', '中村瑶族乡' → '中村', '炎陵县桃源洞管理局' → '桃源洞'. */
export function shortName(townshipName: string): string {
  return townshipName.replace(/^炎陵县/, '').replace(/(瑶族乡|街道|镇|乡|农场|管理局)$/, '');
}

export function buildTownships(
  rows: ReadonlyArray<{ code: string; name: string }>,
  villages: ReadonlyArray<{ code: string; name: string; parentCode: string | null }>,
  bounds: CasesPolicy['bounds'],
  rng: SeededRandom,
): DemoTownship[] {
  const anchors = townshipAnchors(
    rows.map((r) => r.code),
    bounds,
    rng.fork('anchors'),
  );
  return rows.map((row) => {
    const anchor = anchors.get(row.code)!;
    const own = villages.filter((v) => v.parentCode === row.code);
    const local = rng.fork(row.code);
    const seat = row.code === countySeatCode;
    const base = shortName(row.name);
    return {
      code: row.code,
      name: row.name,
      anchor,
      villages: own.map((v) => ({
        code: v.code,
        name: v.name,
        anchor: villageAnchor(anchor, v.code, seat, bounds, local),
      })),
      streets: seat ? seatStreets : [`${base}大道`, `${base}老街`, `${base}新街`, `${base}中路`],
      landmarks: seat ? seatLandmarks : townPlaces,
    };
  });
}

/** Township anchors spread over the county box, none closer than ~8 km to another (rejection sampling). */
function townshipAnchors(
  codes: readonly string[],
  bounds: CasesPolicy['bounds'],
  rng: SeededRandom,
): Map<string, Point> {
  const placed = new Map<string, Point>();
  if (codes.includes(countySeatCode)) placed.set(countySeatCode, countySeatAnchor);
  const inset = 0.05;
  for (const code of codes) {
    if (placed.has(code)) continue;
    let best: Point = countySeatAnchor;
    let bestGap = -1;
    for (let attempt = 0; attempt < 200 && bestGap < 0.075; attempt++) {
      const p = {
        lng: bounds.minLng + inset + rng.next() * (bounds.maxLng - bounds.minLng - 2 * inset),
        lat: bounds.minLat + inset + rng.next() * (bounds.maxLat - bounds.minLat - 2 * inset),
      };
      const gap = Math.min(
        ...[...placed.values()].map((q) => Math.hypot(p.lng - q.lng, p.lat - q.lat)),
        Number.POSITIVE_INFINITY,
      );
      if (gap > bestGap) [best, bestGap] = [p, gap];
    }
    placed.set(code, round(best));
  }
  return placed;
}

/** Communities (segment 001–199) sit in the township's built-up centre; villages further out. */
function villageAnchor(
  township: Point,
  code: string,
  seat: boolean,
  bounds: CasesPolicy['bounds'],
  rng: SeededRandom,
): Point {
  const community = Number(code.slice(9)) < 200;
  const radius = community ? (seat ? 0.012 : 0.006) : seat ? 0.05 : 0.035;
  return round(clamp(scatter(township, radius, rng), bounds, 0.01));
}

/** A point uniformly inside a circle of `radius` degrees (longitude stretched for the latitude). */
export function scatter(centre: Point, radius: number, rng: SeededRandom): Point {
  const r = radius * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  return {
    lng: centre.lng + (r * Math.cos(angle)) / Math.cos((centre.lat * Math.PI) / 180),
    lat: centre.lat + r * Math.sin(angle),
  };
}

export function clamp(p: Point, bounds: CasesPolicy['bounds'], margin = 0): Point {
  return {
    lng: Math.min(bounds.maxLng - margin, Math.max(bounds.minLng + margin, p.lng)),
    lat: Math.min(bounds.maxLat - margin, Math.max(bounds.minLat + margin, p.lat)),
  };
}

/** Six decimals: ~0.1 m, what a phone reports. */
export function round(p: Point): Point {
  return { lng: Math.round(p.lng * 1e6) / 1e6, lat: Math.round(p.lat * 1e6) / 1e6 };
}

const suffixes = ['门前', '附近', '旁', '对面', '路口', '东侧', '西侧'];

/** An address a reporter would type: street and number in a town centre, a landmark, or a village place. */
export function addressIn(township: DemoTownship, village: DemoVillage | null, rng: SeededRandom): string {
  const community = village === null || Number(village.code.slice(9)) < 200;
  if (!community && village) return `${township.name}${village.name}${rng.pick(villagePlaces)}${rng.pick(suffixes)}`;
  if (rng.chance(0.35)) return `${township.name}${rng.pick(township.landmarks)}${rng.pick(suffixes)}`;
  return `${township.name}${rng.pick(township.streets)}${rng.int(1, 320)}号${rng.pick(suffixes)}`;
}
