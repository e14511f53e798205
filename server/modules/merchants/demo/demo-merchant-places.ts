import type { SeededRandom } from '../../../platform/seed/random.ts';

/**
 * Where the demo merchants stand. The platform holds no township geometry and we found no survey of Yanling's
 * streets, so positions and street names are SYNTHETIC: the county seat 霞阳镇 at its real centre (113.77 E,
 * 26.49 N), every other township on a ring around it inside the county's box, and shops in numbered order along
 * each street, so one address is always one point and neighbours in the register are neighbours on the map.
 * The street names are the cases demo's (cases/demo/demo-places.ts), so a case and a shop can share an address.
 */

export interface Point {
  lng: number;
  lat: number;
}

/** The county's box: the cases policy's default `bounds` (cases/case-policy.ts), so the two demos agree. */
export const countyBounds = { minLng: 113.58, maxLng: 114.14, minLat: 26.01, maxLat: 26.8 } as const;
export const countySeatCode = '430225100';
const countySeatCentre: Point = { lng: 113.77, lat: 26.49 };

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

/** One street of a township centre: shops take its numbers, odd on one side and even on the other. */
export interface DemoStreet {
  name: string;
  centre: Point;
  /** Its bearing, in radians from east. */
  angle: number;
  maxNo: number;
  taken: Set<number>;
}

export interface DemoPlace {
  code: string;
  name: string;
  anchor: Point;
}

export interface DemoTownshipPlaces {
  code: string;
  name: string;
  seat: boolean;
  /** 镇, 乡, or a farm or nature-reserve bureau (no market, no school of its own in the demo). */
  level: 'town' | 'xiang' | 'other';
  anchor: Point;
  streets: DemoStreet[];
  /** Where the centre's shops are registered: its communities, or the township itself when it has none. */
  centres: DemoPlace[];
  villages: DemoPlace[];
}

const metresPerDegreeLat = 111_320;
const metresPerDegreeLng = (lat: number) => metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
/** A shopfront and its share of the pavement: street numbers step about this far apart. */
const metresPerNumber = 4;

export function levelOf(name: string): DemoTownshipPlaces['level'] {
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'xiang';
  return 'other';
}

/** '沔渡镇' → '沔渡', '中村瑶族乡' → '中村', '炎陵县桃源洞管理局' → '桃源洞' (as the cases demo shortens them). */
export function shortName(townshipName: string): string {
  return townshipName.replace(/^炎陵县/, '').replace(/(瑶族乡|街道|镇|乡|农场|管理局)$/, '');
}

/** The townships with their anchors, streets, communities and villages. */
export function buildPlaces(
  townships: ReadonlyArray<{ code: string; name: string }>,
  villages: ReadonlyArray<{ code: string; name: string; parentCode: string | null }>,
  rng: SeededRandom,
): DemoTownshipPlaces[] {
  const others = townships.filter((t) => t.code !== countySeatCode);
  return townships.map((township) => {
    const local = rng.fork(township.code);
    const seat = township.code === countySeatCode;
    const anchor = seat ? countySeatCentre : ringAnchor(others.indexOf(township), others.length, local);
    const own = villages.filter((v) => v.parentCode === township.code);
    const place = (v: { code: string; name: string }, radius: number) => ({
      code: v.code,
      name: v.name,
      anchor: inside(scatter(anchor, radius, local), 0.01),
    });
    const communities = own.filter((v) => isCommunity(v.code)).map((v) => place(v, seat ? 0.012 : 0.005));
    const base = shortName(township.name);
    const names = seat ? seatStreets : [`${base}大道`, `${base}老街`, `${base}新街`, `${base}中路`];
    return {
      code: township.code,
      name: township.name,
      seat,
      level: levelOf(township.name),
      anchor,
      streets: names.map((name) => street(name, anchor, seat ? 0.012 : 0.004, seat ? 400 : 160, local)),
      centres: communities.length > 0 ? communities : [{ code: township.code, name: township.name, anchor }],
      villages: own.filter((v) => !isCommunity(v.code)).map((v) => place(v, seat ? 0.05 : 0.035)),
    };
  });
}

/** 统计用区划代码: segments 001–199 are 居委会 (communities), 200–399 村委会 (villages). */
function isCommunity(code: string): boolean {
  return Number(code.slice(9)) < 200;
}

/** Townships spaced evenly on a ring 12–24 km from the seat, so no two centres fall on each other. */
function ringAnchor(index: number, count: number, rng: SeededRandom): Point {
  const angle = (2 * Math.PI * (index + 0.3 * rng.next())) / Math.max(count, 1);
  const radius = 0.11 + 0.11 * rng.next();
  return inside(
    round({
      lng: countySeatCentre.lng + radius * Math.cos(angle),
      lat: countySeatCentre.lat + radius * Math.sin(angle),
    }),
    0.03,
  );
}

function street(name: string, anchor: Point, radius: number, maxNo: number, rng: SeededRandom): DemoStreet {
  const angle = rng.next() * Math.PI;
  return { name, centre: scatter(anchor, radius, rng), angle, maxNo, taken: new Set() };
}

/**
 * A free street number, drawn at random or, with `near`, within `span` numbers of it (a shop by a school gate).
 * Undefined when the street has no free number left there.
 */
export function takeNumber(street: DemoStreet, rng: SeededRandom, near?: number, span = 40): number | undefined {
  const low = near === undefined ? 1 : Math.max(1, near - span);
  const high = near === undefined ? street.maxNo : Math.min(street.maxNo, near + span);
  for (let attempt = 0; attempt < 60; attempt++) {
    const no = rng.int(low, high);
    if (!street.taken.has(no)) {
      street.taken.add(no);
      return no;
    }
  }
  for (let no = low; no <= high; no++) {
    if (!street.taken.has(no)) {
      street.taken.add(no);
      return no;
    }
  }
  return undefined;
}

/** Where number `no` stands: along the street from its middle, odd numbers 8 m to one side and even to the other. */
export function pointOnStreet(street: DemoStreet, no: number): Point {
  const along = (no - street.maxNo / 2) * metresPerNumber;
  const across = no % 2 === 1 ? 8 : -8;
  const { angle } = street;
  const east = along * Math.cos(angle) - across * Math.sin(angle);
  const north = along * Math.sin(angle) + across * Math.cos(angle);
  return inside(round(moved(street.centre, east, north)), 0);
}

function moved(p: Point, eastM: number, northM: number): Point {
  return { lng: p.lng + eastM / metresPerDegreeLng(p.lat), lat: p.lat + northM / metresPerDegreeLat };
}

/** A point within `metres` of `centre` (stalls around their market, a village shop near the village). */
export function near(centre: Point, metres: number, rng: SeededRandom): Point {
  return inside(round(scatter(centre, metres / metresPerDegreeLat, rng)), 0);
}

/** Metres between two points (equirectangular: exact enough within a county). */
export function distanceM(a: Point, b: Point): number {
  const dx = (a.lng - b.lng) * metresPerDegreeLng((a.lat + b.lat) / 2);
  const dy = (a.lat - b.lat) * metresPerDegreeLat;
  return Math.hypot(dx, dy);
}

/** A point uniformly inside a circle of `radius` degrees (longitude stretched for the latitude). */
function scatter(centre: Point, radius: number, rng: SeededRandom): Point {
  const r = radius * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  return {
    lng: centre.lng + (r * Math.cos(angle)) / Math.cos((centre.lat * Math.PI) / 180),
    lat: centre.lat + r * Math.sin(angle),
  };
}

function inside(p: Point, margin: number): Point {
  const b = countyBounds;
  return {
    lng: Math.min(b.maxLng - margin, Math.max(b.minLng + margin, p.lng)),
    lat: Math.min(b.maxLat - margin, Math.max(b.minLat + margin, p.lat)),
  };
}

/** Six decimals: ~0.1 m, what a phone reports. */
function round(p: Point): Point {
  return { lng: Math.round(p.lng * 1e6) / 1e6, lat: Math.round(p.lat * 1e6) / 1e6 };
}
