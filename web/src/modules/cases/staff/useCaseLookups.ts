import { useCallback } from 'react';
import { useLanguage } from '../../../app/i18n/I18nProvider.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { type Catalogue, type CountyPlaces, casesApi } from '../casesApi.ts';

export interface CaseLookups {
  catalogue: Catalogue;
  places: CountyPlaces;
}

/** Bounds the server checks reports against (case-policy.ts); used until the form answers. */
export const countyBounds = { minLng: 113.58, maxLng: 114.14, minLat: 26.01, maxLat: 26.8 };

/** A lookup that fails is replaced by an empty one, but a cancelled read must stay cancelled. */
function unlessAborted<T>(signal: AbortSignal, fallback: T): (error: unknown) => T {
  return (error) => {
    if (signal.aborted) throw error;
    return fallback;
  };
}

const emptyCatalogue: Catalogue = { categories: [], tags: [] };

/**
 * What the filters and the map need besides the cases: categories and campaign tags (the catalogue), the
 * townships (the public report form lists them with their villages). A role that may not read the
 * catalogue still gets a working list, just without those two filters.
 */
export function useCaseLookups() {
  const { language } = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: township and department names follow the UI language.
  const load = useCallback(
    async (signal: AbortSignal): Promise<CaseLookups> => {
      const [catalogue, places] = await Promise.all([
        casesApi.catalogue(signal).catch(unlessAborted(signal, emptyCatalogue)),
        casesApi.places(signal).catch(unlessAborted<CountyPlaces>(signal, { townships: [], bounds: countyBounds })),
      ]);
      return { catalogue, places };
    },
    [language],
  );
  return useLoad(load);
}
