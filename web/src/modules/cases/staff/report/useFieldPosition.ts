import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldPoint } from './staffReportBody.ts';

export type FieldPosition =
  | { status: 'locating' }
  | ({ status: 'found' } & FieldPoint)
  | { status: 'denied' }
  | { status: 'unavailable' };

/**
 * The inspector's position, asked for as the form opens (they are standing at the problem) and again on
 * "重新定位". Refused, missing or slow (20 s) leaves the report to the township and the address in words.
 */
export function useFieldPosition() {
  const [position, setPosition] = useState<FieldPosition>({ status: 'locating' });
  const attempt = useRef(0);

  const locate = useCallback(() => {
    const mine = ++attempt.current;
    const geolocation: Geolocation | undefined = globalThis.navigator?.geolocation ?? undefined;
    if (!geolocation) {
      setPosition({ status: 'unavailable' });
      return;
    }
    setPosition({ status: 'locating' });
    geolocation.getCurrentPosition(
      ({ coords }) => {
        if (mine === attempt.current)
          setPosition({
            status: 'found',
            lng: coords.longitude,
            lat: coords.latitude,
            accuracyM: Math.round(coords.accuracy),
          });
      },
      (error) => {
        if (mine === attempt.current)
          setPosition({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }, []);

  useEffect(() => {
    locate();
    return () => {
      attempt.current += 1;
    };
  }, [locate]);

  return { position, locate };
}

/** Inside the county's box (the server checks the same box, case-policy.ts). */
export function insideBounds(
  point: { lng: number; lat: number },
  b: { minLng: number; maxLng: number; minLat: number; maxLat: number },
): boolean {
  return point.lng >= b.minLng && point.lng <= b.maxLng && point.lat >= b.minLat && point.lat <= b.maxLat;
}
