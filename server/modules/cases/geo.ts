import type { CasesPolicy } from './case-policy.ts';

const earthRadiusM = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine; at county scale the error is far below GPS error). */
export function distanceM(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function insideCounty(point: { lng: number; lat: number }, bounds: CasesPolicy['bounds']): boolean {
  return (
    point.lng >= bounds.minLng && point.lng <= bounds.maxLng && point.lat >= bounds.minLat && point.lat <= bounds.maxLat
  );
}

/** A box around a point that contains the circle of `radiusM`: the index-friendly prefilter before the distance. */
export function boxAround(
  point: { lng: number; lat: number },
  radiusM: number,
): { minLng: number; maxLng: number; minLat: number; maxLat: number } {
  const dLat = (radiusM / earthRadiusM) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos(rad(point.lat)));
  return { minLng: point.lng - dLng, maxLng: point.lng + dLng, minLat: point.lat - dLat, maxLat: point.lat + dLat };
}
