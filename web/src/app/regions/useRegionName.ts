import { useEffect, useState } from 'react';
import { fetchRegion } from './regions.ts';

/** A region's name for display (`430225100` → 霞阳镇); the code itself until (or unless) the name arrives. */
export function useRegionName(code: string | undefined): string | undefined {
  const [name, setName] = useState<{ code: string; name: string }>();
  useEffect(() => {
    if (!code) return;
    const controller = new AbortController();
    fetchRegion(code, controller.signal)
      .then((detail) => setName({ code, name: detail.region.name }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [code]);
  if (!code) return undefined;
  return name?.code === code ? name.name : code;
}
