import type { RiskGrade } from '../../../db/schema/merchants.ts';
import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { CheckedMerchant } from '../merchant-input.ts';
import { drawCreditCode, type Registrant } from './demo-merchant-codes.ts';
import { type DemoOperator, drawOperator } from './demo-merchant-people.ts';
import {
  type DemoPlace,
  type DemoStreet,
  type DemoTownshipPlaces,
  type Point,
  pointOnStreet,
  takeNumber,
} from './demo-merchant-places.ts';
import { riskWeights, type Trade, tradeNames } from './demo-merchant-trades.ts';

/** A merchant of the demo registry: its checked fields (operator in clear, sealed when stored), id and date. */
export interface PlannedMerchant extends CheckedMerchant {
  id: string;
  createdAt: Date;
}

/** A street number taken on a township's street, and the community it is registered in. */
export interface StreetSpot {
  street: DemoStreet;
  no: number;
  centre: DemoPlace;
}

/** The registry was built over the campaign's two years before the seed's "now" (markets first). */
const registryDays = 730;

/**
 * What every part of the plan draws from: the ids (a random stream of their own, so adding a draw elsewhere does
 * not change them) and the credit codes, phones and names already given, so each stays unique in the county.
 */
export class PlanDraws {
  readonly codes = new Set<string>();
  readonly phones = new Set<string>();
  readonly names = new Set<string>();
  readonly merchants: PlannedMerchant[] = [];

  constructor(
    readonly county: string,
    readonly now: Date,
    private readonly ids: SeededRandom,
  ) {}

  /** A version-4-shaped UUID from the seed, so the same seed gives the same ids. */
  id(): string {
    const hex = Array.from({ length: 32 }, () => this.ids.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  creditCode(registrant: Registrant, rng: SeededRandom): string {
    return drawCreditCode(registrant, this.county, rng, this.codes);
  }

  operator(rng: SeededRandom): DemoOperator {
    return drawOperator(rng, this.phones);
  }

  /** The first of `candidates` no merchant has yet, or `fallback` (numbered if need be) when all are taken. */
  uniqueName(candidates: readonly string[], fallback: string): string {
    let name = candidates.find((candidate) => !this.names.has(candidate)) ?? fallback;
    for (let n = 2; this.names.has(name); n++) name = `${fallback}${n}`;
    this.names.add(name);
    return name;
  }

  /** When a merchant was registered: within the registry's two years, or before them (`early`, the markets). */
  registeredAt(rng: SeededRandom, early = false): Date {
    const minutesBack = early ? (registryDays + rng.int(1, 30)) * 1440 : rng.int(0, registryDays * 1440);
    const minute = Math.floor(this.now.getTime() / 60_000);
    return new Date((minute - minutesBack) * 60_000);
  }

  add(merchant: PlannedMerchant): PlannedMerchant {
    this.merchants.push(merchant);
    return merchant;
  }
}

/** The fields every planned merchant has from its place, person and code. */
export function merchantAt(
  draws: PlanDraws,
  rng: SeededRandom,
  fields: Pick<CheckedMerchant, 'name' | 'kind' | 'supervised' | 'address' | 'locationCode'> & {
    operator: DemoOperator;
    point: Point;
    registrant: Registrant;
    frontage: readonly [number, number];
    riskGrade?: RiskGrade | null;
    market?: PlannedMerchant;
    schoolSurroundings?: boolean;
    early?: boolean;
  },
): PlannedMerchant {
  const { operator } = fields;
  const [min, max] = fields.frontage;
  return draws.add({
    id: draws.id(),
    name: fields.name,
    creditCode: draws.creditCode(fields.registrant, rng),
    licenceNo: null,
    kind: fields.kind,
    marketStall: fields.market !== undefined,
    marketId: fields.market?.id ?? null,
    schoolSurroundings: fields.schoolSurroundings ?? false,
    supervised: fields.supervised,
    riskGrade: fields.riskGrade ?? null,
    address: fields.address,
    locationCode: fields.locationCode,
    townshipCode: fields.locationCode.slice(0, 9),
    gridCode: null,
    lng: fields.point.lng,
    lat: fields.point.lat,
    operatorName: operator.name,
    operatorPhone: operator.phone,
    frontageDm: Math.round(10 * (min + rng.next() * (max - min))),
    createdAt: draws.registeredAt(rng, fields.early),
  });
}

/** A free number on one of the township's streets (near `spot` for a shop by a school gate). */
export function streetSpot(township: DemoTownshipPlaces, rng: SeededRandom, near?: StreetSpot): StreetSpot | undefined {
  const street = near?.street ?? rng.pick(township.streets);
  const no = takeNumber(street, rng, near?.no);
  if (no === undefined) return undefined;
  const index = township.streets.indexOf(street);
  return { street, no, centre: township.centres[index % township.centres.length]! };
}

export function addressOf(township: DemoTownshipPlaces, spot: StreetSpot): string {
  return `${township.name}${spot.street.name}${spot.no}号`;
}

export function pointOf(spot: StreetSpot): Point {
  return pointOnStreet(spot.street, spot.no);
}

export function riskGrade(rng: SeededRandom, of: keyof typeof riskWeights): RiskGrade {
  return weighted(rng, ['A', 'B', 'C', 'D'] as const, riskWeights[of]);
}

export function weighted<T>(rng: SeededRandom, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    roll -= weights[i] ?? 0;
    if (roll < 0) return items[i]!;
  }
  return items.at(-1)!;
}

export function pickTrade(rng: SeededRandom, list: readonly Trade[]): Trade {
  return weighted(
    rng,
    list,
    list.map((t) => t.weight),
  );
}

/** `total` split in proportion to `weights`, whole numbers that add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const short = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < short; k++) counts[order[k % order.length]!.i]! += 1;
  return counts;
}

/** 字号 names for a shop: 老王粉店, 李记粉店, 炎陵县鑫源超市, 霞阳镇好又多便利店, 鑫源超市, … in the draw's order. */
export function shopNames(trade: Trade, township: DemoTownshipPlaces, surname: string, rng: SeededRandom): string[] {
  return Array.from({ length: 12 }, () => {
    const brand = rng.pick(tradeNames);
    const roll = rng.next();
    if (trade.owner && roll < 0.3) return `${rng.pick([`老${surname}`, `${surname}记`, `${surname}家`])}${trade.noun}`;
    // A farm's or bureau's name is no shop's prefix: 炎陵县 stands for them.
    const prefix = township.level !== 'other' && rng.chance(0.5) ? township.name : '炎陵县';
    if (roll < 0.6) return `${prefix}${brand}${trade.noun}`;
    return `${brand}${trade.noun}`;
  });
}

/** A company's names: 炎陵县鑫源商贸有限公司. */
export function companyNames(trade: Trade, rng: SeededRandom): string[] {
  return Array.from({ length: 12 }, () => `炎陵县${rng.pick(tradeNames)}${trade.company}有限公司`);
}
