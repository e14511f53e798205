import { useState } from 'react';
import type { MessageKey } from '../../../app/i18n/zh.ts';
import type { Position } from './reportDraft.ts';

function locationProblem(error: GeolocationPositionError | undefined): MessageKey {
  if (!error) return 'citizen.location.unsupported';
  return error.code === error.PERMISSION_DENIED ? 'citizen.location.denied' : 'citizen.location.unavailable';
}

/** Asks the phone where it is (WGS84, as phones give it); a refusal or failure becomes a message to show. */
export function useDeviceLocation(onFound: (position: Position) => void) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<MessageKey>();

  const locate = () => {
    setProblem(undefined);
    if (!('geolocation' in navigator)) {
      setProblem(locationProblem(undefined));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        onFound({ lng: coords.longitude, lat: coords.latitude, accuracyM: coords.accuracy, source: 'device' });
      },
      (error) => {
        setLocating(false);
        setProblem(locationProblem(error));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return { locating, problem, locate };
}
