import { useRegionName } from './useRegionName.ts';

/** A region shown by name (the code until the name arrives). */
export function RegionName({ code }: { code: string }) {
  return <>{useRegionName(code)}</>;
}
