import { useCallback } from 'react';
import type { LocationEvent } from './locationState.ts';

/**
 * Asks the phone where it is (WGS84, as phones give it), only when the citizen taps for it — never on arrival.
 * Each outcome is an event of the location state (locationState.ts): asking, a point, refused or unavailable
 * (no geolocation at all counts as unavailable).
 */
export function useDeviceLocation(onEvent: (event: LocationEvent) => void) {
  const locate = useCallback(() => {
    onEvent({ type: 'locate' });
    // Missing on old browsers and some in-app web views; present but refusing on pages not served over HTTPS.
    const geolocation: Geolocation | undefined = navigator.geolocation ?? undefined;
    if (!geolocation) {
      onEvent({ type: 'failed', reason: 'unavailable' });
      return;
    }
    geolocation.getCurrentPosition(
      ({ coords }) =>
        onEvent({
          type: 'found',
          position: { lng: coords.longitude, lat: coords.latitude, accuracyM: coords.accuracy, source: 'device' },
        }),
      (error) => onEvent({ type: 'failed', reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }, [onEvent]);
  return { locate };
}
