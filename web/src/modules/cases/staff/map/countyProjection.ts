import type { PlacedCase } from '../../casesApi.ts';

export interface Bounds {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

export interface Projection {
  width: number;
  height: number;
  x: (lng: number) => number;
  y: (lat: number) => number;
}

/**
 * An equirectangular projection of the county's box, a degree of longitude shortened by cos(latitude) so the
 * county keeps its shape. At 0.8° across, the error against a real map projection is far below a point's size.
 */
export function projectCounty(bounds: Bounds, width = 1000, margin = 40): Projection {
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const spanX = (bounds.maxLng - bounds.minLng) * Math.cos(midLat);
  const spanY = bounds.maxLat - bounds.minLat;
  const scale = (width - 2 * margin) / spanX;
  const height = Math.round(spanY * scale + 2 * margin);
  return {
    width,
    height,
    x: (lng) => margin + (lng - bounds.minLng) * Math.cos(midLat) * scale,
    y: (lat) => margin + (bounds.maxLat - lat) * scale,
  };
}

/** Graticule lines every `step` degrees inside the box (0.1° ≈ 10 km here). */
export function graticule(bounds: Bounds, step = 0.1): { lngs: number[]; lats: number[] } {
  const lines = (from: number, to: number) => {
    const out: number[] = [];
    for (let v = Math.ceil(from / step - 1e-9) * step; v <= to + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
    return out;
  };
  return { lngs: lines(bounds.minLng, bounds.maxLng), lats: lines(bounds.minLat, bounds.maxLat) };
}

export interface TownshipLabel {
  code: string;
  name: string;
  lng: number;
  lat: number;
  count: number;
}

/**
 * Where to write each township's name without its outline: the centre of its cases on the map. Honest about
 * what it is (a label of the cases, not a boundary), and it lands where the township's streets are.
 */
export function townshipLabels(
  cases: readonly Pick<PlacedCase, 'townshipCode' | 'townshipName' | 'lng' | 'lat'>[],
): TownshipLabel[] {
  const groups = new Map<string, TownshipLabel>();
  for (const item of cases) {
    const group = groups.get(item.townshipCode) ?? {
      code: item.townshipCode,
      name: item.townshipName,
      lng: 0,
      lat: 0,
      count: 0,
    };
    group.lng += item.lng;
    group.lat += item.lat;
    group.count += 1;
    groups.set(item.townshipCode, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, lng: g.lng / g.count, lat: g.lat / g.count }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
