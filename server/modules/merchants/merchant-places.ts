import type { Ctx } from '../../platform/context.ts';
import { foldCode } from '../../platform/imports/cell-parsers.ts';
import { listSubtreeLevel, type Region } from '../../platform/regions/regions.store.ts';

/**
 * The county's places as a spreadsheet names them (所在乡镇或村): a region code (9-digit township, 12-digit
 * village), a township or village name, or "乡镇/村" when a village name repeats across townships. Read once per
 * import pass and per export; the export writes the label this resolves back to the same code (round trip).
 */
export interface MerchantPlaces {
  countyCode: string;
  /** The county, its townships and villages by code. */
  byCode: ReadonlyMap<string, Pick<Region, 'code' | 'name' | 'level' | 'parentCode'>>;
  /** Names and "township/village" paths (normalised) → code, or null when two places answer to it. */
  byName: ReadonlyMap<string, string | null>;
}

export type PlaceLookup = { ok: true; code: string } | { ok: false; code: string; params?: Record<string, string> };

/** How a name is compared: half-width, no spaces, no separator between township and village. */
function nameKey(text: string): string {
  return foldCode(text).replace(/[/\\|·-]/g, '');
}

export function placesOf(countyCode: string, regions: readonly Region[]): MerchantPlaces {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, string | null>();
  const add = (name: string, code: string) => {
    const key = nameKey(name);
    byName.set(key, byName.has(key) && byName.get(key) !== code ? null : code);
  };
  for (const place of regions) {
    if (place.level === 'township') add(place.name, place.code);
    if (place.level !== 'village') continue;
    add(place.name, place.code);
    const township = place.parentCode === null ? undefined : byCode.get(place.parentCode);
    if (township) add(`${township.name}${place.name}`, place.code);
  }
  return { countyCode, byCode, byName };
}

export async function loadMerchantPlaces(ctx: Ctx): Promise<MerchantPlaces> {
  const county = ctx.countyCode;
  const regions = [
    ...(await listSubtreeLevel(ctx.db, county, 'county')),
    ...(await listSubtreeLevel(ctx.db, county, 'township')),
    ...(await listSubtreeLevel(ctx.db, county, 'village')),
  ];
  return placesOf(county, regions);
}

/** The code a cell names: digits are a code (checked later against the county), anything else a name. */
export function lookUpPlace(places: MerchantPlaces, text: string): PlaceLookup {
  const folded = foldCode(text);
  if (/^\d+$/.test(folded)) return { ok: true, code: folded };
  const code = places.byName.get(nameKey(text));
  if (code === undefined) return { ok: false, code: 'merchants.region_unknown' };
  if (code === null) return { ok: false, code: 'merchants.import.region_ambiguous', params: { region: text } };
  return { ok: true, code };
}

/**
 * The label an export writes for a place: the township's name, "乡镇/村" for a village, or the code when that
 * label would not resolve back to this place alone.
 */
export function placeLabel(places: MerchantPlaces, code: string): string {
  const place = places.byCode.get(code);
  if (!place) return code;
  const township = place.level === 'village' && place.parentCode ? places.byCode.get(place.parentCode) : undefined;
  const label = township ? `${township.name}/${place.name}` : place.name;
  return places.byName.get(nameKey(label)) === code ? label : code;
}
