import { useEffect, useState } from 'react';

export type DevicePosition =
  | { status: 'off' }
  | { status: 'locating' }
  | { status: 'found'; lng: number; lat: number; accuracyM: number }
  | { status: 'unavailable' };

/**
 * The phone's position for 核查 on site (the server records how far it was from the case). Asked once when
 * the form opens; refused, unsupported or slow (20 s) simply means the check is sent without it.
 */
export function useDevicePosition(wanted: boolean): DevicePosition {
  const [position, setPosition] = useState<DevicePosition>({ status: 'off' });
  useEffect(() => {
    if (!wanted) return;
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      setPosition({ status: 'unavailable' });
      return;
    }
    let active = true;
    setPosition({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (found) => {
        if (active)
          setPosition({
            status: 'found',
            lng: found.coords.longitude,
            lat: found.coords.latitude,
            accuracyM: Math.round(found.coords.accuracy),
          });
      },
      () => {
        if (active) setPosition({ status: 'unavailable' });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
    return () => {
      active = false;
    };
  }, [wanted]);
  return position;
}
