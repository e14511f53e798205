import { useCallback, useEffect, useRef, useState } from 'react';

export type MyLocation =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'found'; lng: number; lat: number; accuracyM: number }
  | { status: 'denied' }
  | { status: 'unavailable' };

/**
 * The phone's position, asked for only when the inspector presses "use my location" (they may be registering a
 * shop they are not standing in). Refused, missing or slow (20 s) leaves the point to be typed or left out.
 */
export function useMyLocation(onFound: (point: { lng: number; lat: number }) => void) {
  const [location, setLocation] = useState<MyLocation>({ status: 'idle' });
  const attempt = useRef(0);
  const found = useRef(onFound);
  found.current = onFound;

  useEffect(
    () => () => {
      // A position arriving after the form has gone is dropped.
      attempt.current += 1;
    },
    [],
  );

  const locate = useCallback(() => {
    const mine = ++attempt.current;
    const geolocation: Geolocation | undefined = globalThis.navigator?.geolocation ?? undefined;
    if (!geolocation) return setLocation({ status: 'unavailable' });
    setLocation({ status: 'locating' });
    geolocation.getCurrentPosition(
      ({ coords }) => {
        if (mine !== attempt.current) return;
        const point = { lng: round6(coords.longitude), lat: round6(coords.latitude) };
        setLocation({ status: 'found', ...point, accuracyM: Math.round(coords.accuracy) });
        found.current(point);
      },
      (error) => {
        if (mine === attempt.current)
          setLocation({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }, []);

  return { location, locate };
}

/** Six decimals are about 0.1 m: more than a phone's fix, and what the record shows. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
