import { SeededRandom } from '../../../platform/seed/random.ts';
import {
  addressOf,
  apportion,
  companyNames,
  merchantAt,
  PlanDraws,
  type PlannedMerchant,
  pickTrade,
  pointOf,
  riskGrade,
  type StreetSpot,
  shopNames,
  streetSpot,
} from './demo-merchant-draws.ts';
import { type DemoPlace, type DemoTownshipPlaces, near, type Point } from './demo-merchant-places.ts';
import { foodStallGoods, kindOfGroup, otherStallGoods, type TradeGroup, trades } from './demo-merchant-trades.ts';

/**
 * The page's figures (seed/: 签订《门前三包责任书》2360余份, 规范食品经营户600户, 其他经营户300户): every demo
 * merchant is one of the shops bound by 门前三包; 600 are the regulated food businesses and 300 the other
 * supervised ones. The registry is this size at every scale: it is written in a second or two (the cases
 * history shrinks at the small scale because a county's year is 13,000 cases).
 */
export const pageFigures = { merchants: 2_360, food: 600, otherSupervised: 300 } as const;

/** Of the food businesses, the 集贸市场's food stalls (the markets themselves are one more each). Demo assumption. */
const foodStalls = 200;
/** Clothes, hardware and sundries stalls of the same markets: ordinary shops. */
const otherStalls = 40;
/** Of the food shops that are not in a market, the share that cook (餐饮) rather than sell (食品销售). */
const cateringShare = 0.58;

/**
 * Each township's share of the county's shops: the county seat 霞阳镇 holds more than half (it has 40 % of the
 * people and the county's commerce), the towns on the trunk roads most of the rest, the 乡 a few each, the farm
 * and the 桃源洞 bureau (神农谷's 农家乐) a handful. A county other than Yanling falls back on its townships' levels.
 */
const townshipWeights: Readonly<Record<string, number>> = {
  '430225100': 52,
  '430225101': 8,
  '430225102': 8,
  '430225103': 6,
  '430225105': 7,
  '430225200': 3,
  '430225202': 3,
  '430225203': 3,
  '430225207': 3,
  '430225209': 3,
  '430225400': 1.5,
  '430225401': 2.5,
};
const levelWeights = { town: 6, xiang: 3, other: 2 } as const;

/** The share of a township's shops out in its villages rather than on its centre's streets. */
const villageShare = (t: DemoTownshipPlaces) => (t.seat ? 0.12 : { town: 0.3, xiang: 0.4, other: 0.25 }[t.level]);
/** Schools of a township centre (the seat's middle and primary schools, a town's 中学 and 中心小学, a 乡's 中心小学). */
const schoolsOf = (t: DemoTownshipPlaces) => (t.seat ? 4 : { town: 2, xiang: 1, other: 0 }[t.level]);
/** How many shops of the school trades stand within 200 m of each school gate. */
const shopsPerSchool = (t: DemoTownshipPlaces) => (t.seat ? 14 : t.level === 'town' ? 6 : 4);

interface DemoMarket {
  merchant: PlannedMerchant;
  point: Point;
  /** Relative number of stalls. */
  size: number;
}

export interface DemoRegistry {
  /** In registration order (the order they are stored, so merchant numbers rise with time). */
  merchants: PlannedMerchant[];
  /** The school gates the school-surroundings shops stand by. */
  schools: Point[];
}

/** The demo registry for the county's places: deterministic for a seed and a "now". */
export function planDemoMerchants(
  places: readonly DemoTownshipPlaces[],
  county: string,
  seed: number,
  now: Date,
): DemoRegistry {
  const rng = new SeededRandom(seed).fork('merchants');
  const draws = new PlanDraws(county, now, rng.fork('ids'));
  const markets = planMarkets(places, draws, rng.fork('markets'));
  planStalls(markets, draws, rng.fork('stalls'));
  const foodShops = pageFigures.food - markets.length - foodStalls;
  const totals: Record<TradeGroup, number> = {
    catering: Math.round(foodShops * cateringShare),
    food_sale: foodShops - Math.round(foodShops * cateringShare),
    supervised: pageFigures.otherSupervised,
    ordinary: pageFigures.merchants - pageFigures.food - pageFigures.otherSupervised - otherStalls,
  };
  const weights = places.map((t) => townshipWeights[t.code] ?? (t.seat ? 52 : levelWeights[t.level]));
  const split = Object.fromEntries(
    (Object.keys(totals) as TradeGroup[]).map((group) => [group, apportion(totals[group], weights)]),
  ) as Record<TradeGroup, number[]>;
  const schools: Point[] = [];
  places.forEach((township, i) => {
    const counts = (group: TradeGroup) => split[group][i] ?? 0;
    schools.push(...planShops(township, counts, draws, rng.fork(`shops ${township.code}`)));
  });
  const merchants = [...draws.merchants].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { merchants, schools };
}

/** One market per 镇 and 乡 (three in the county seat), each run by a company (集中交易市场开办者). */
function planMarkets(places: readonly DemoTownshipPlaces[], draws: PlanDraws, rng: SeededRandom): DemoMarket[] {
  const markets: DemoMarket[] = [];
  for (const township of places) {
    if (township.level === 'other') continue;
    const names = township.seat
      ? ['中心农贸市场', '城东农贸市场', '城南农贸市场']
      : [township.level === 'town' ? '农贸市场' : '集贸市场'];
    for (const name of names) {
      const spot = requiredSpot(township, rng);
      const point = pointOf(spot);
      const merchant = merchantAt(draws, rng, {
        name: draws.uniqueName([township.name + name], `${township.name}${spot.street.name}${name}`),
        kind: 'market_operator',
        supervised: true,
        riskGrade: riskGrade(rng, 'market'),
        address: addressOf(township, spot),
        locationCode: spot.centre.code,
        operator: draws.operator(rng),
        point,
        registrant: 'enterprise',
        frontage: [30, 80],
        early: true,
      });
      markets.push({ merchant, point, size: township.seat ? 8 : township.level === 'town' ? 3 : 1.2 });
    }
  }
  return markets;
}

/** The stalls of each market, numbered by zone (A区1号 …): food stalls under supervision, then the others. */
function planStalls(markets: readonly DemoMarket[], draws: PlanDraws, rng: SeededRandom): void {
  const sizes = markets.map((m) => m.size);
  const food = apportion(foodStalls, sizes);
  const other = apportion(otherStalls, sizes);
  markets.forEach((market, i) => {
    const count = (food[i] ?? 0) + (other[i] ?? 0);
    for (let n = 0; n < count; n++) {
      const isFood = n < (food[i] ?? 0);
      const operator = draws.operator(rng);
      const goods = rng.pick(isFood ? foodStallGoods : otherStallGoods);
      const stall = `${'ABCD'[n % 4]}区${Math.floor(n / 4) + 1}号`;
      const tags = [`老${operator.surname}`, `${operator.surname}记`, `${operator.surname}姐`, `${operator.surname}家`];
      merchantAt(draws, rng, {
        name: draws.uniqueName(
          tags.map((tag) => `${tag}${goods}摊`),
          `${tags[0]}${goods}摊（${stall}）`,
        ),
        kind: isFood ? 'food_sale' : 'other',
        supervised: isFood,
        riskGrade: isFood ? riskGrade(rng, 'stall') : null,
        address: `${market.merchant.name}${stall}摊位`,
        locationCode: market.merchant.locationCode,
        operator,
        point: near(market.point, 40, rng),
        registrant: 'individual',
        frontage: [1.5, 3],
        market: market.merchant,
      });
    }
  });
}

interface ShopDraft {
  group: TradeGroup;
  trade: (typeof trades)[TradeGroup][number];
  village: DemoPlace | null;
  school?: StreetSpot;
}

/** A township's shops of every group; answers where its schools are. */
function planShops(
  township: DemoTownshipPlaces,
  counts: (group: TradeGroup) => number,
  draws: PlanDraws,
  rng: SeededRandom,
): Point[] {
  const drafts: ShopDraft[] = [];
  for (const group of Object.keys(trades) as TradeGroup[]) {
    for (let n = 0; n < counts(group); n++) {
      const village =
        township.villages.length > 0 && rng.chance(villageShare(township)) ? rng.pick(township.villages) : null;
      const fits = trades[group].filter((t) => t.where === 'any' || t.where === (village ? 'village' : 'town'));
      drafts.push({ group, trade: pickTrade(rng, fits), village });
    }
  }
  const schools = Array.from({ length: schoolsOf(township) }, () => requiredSpot(township, rng));
  const byGates = shuffled(
    drafts.filter((d) => d.village === null && d.trade.school),
    rng,
  ).slice(0, schools.length * shopsPerSchool(township));
  byGates.forEach((draft, k) => {
    draft.school = schools[k % schools.length];
  });
  for (const draft of drafts) planShop(township, draft, draws, rng);
  return schools.map(pointOf);
}

function planShop(township: DemoTownshipPlaces, draft: ShopDraft, draws: PlanDraws, rng: SeededRandom): void {
  const { trade, village } = draft;
  const operator = draws.operator(rng);
  const registrant = trade.company && rng.chance(0.3) ? 'enterprise' : 'individual';
  const names =
    registrant === 'enterprise' ? companyNames(trade, rng) : shopNames(trade, township, operator.surname, rng);
  const byGate = draft.school ? streetSpot(township, rng, draft.school) : undefined;
  const spot = village ? undefined : (byGate ?? requiredSpot(township, rng));
  const fallback = `${names[0]}（${village?.name ?? spot?.street.name}店）`;
  merchantAt(draws, rng, {
    name: draws.uniqueName(names, fallback),
    kind: kindOfGroup[draft.group],
    supervised: draft.group !== 'ordinary',
    riskGrade: draft.group === 'catering' || draft.group === 'food_sale' ? riskGrade(rng, draft.group) : null,
    address: spot
      ? addressOf(township, spot)
      : `${township.name}${village?.name}${rng.int(1, 12)}组${rng.int(1, 60)}号`,
    locationCode: spot ? spot.centre.code : village!.code,
    operator,
    point: spot ? pointOf(spot) : near(village!.anchor, 400, rng),
    registrant,
    frontage: trade.frontage,
    schoolSurroundings: byGate !== undefined,
  });
}

function requiredSpot(township: DemoTownshipPlaces, rng: SeededRandom): StreetSpot {
  const spot = streetSpot(township, rng);
  if (!spot) throw new Error(`the demo streets of ${township.name} are full`);
  return spot;
}

function shuffled<T>(items: readonly T[], rng: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
