import { useEffect, useRef } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CaseDetail } from '../casesApi.ts';
import { loadLeaflet, statusMarker, tiledMap } from './map/leafletSetup.ts';
import type { TileConfig } from './map/mapConfig.ts';

/** Close enough to see the street and the buildings around the point. */
const streetZoom = 16;

/**
 * The case's point on the county's tile service, in its state's marker (the case map's leaflet setup).
 * Loaded lazily by the case page, and only where tiles are configured, so leaflet never weighs on its first load.
 */
export default function CaseLocationMap({
  detail,
  point,
  tiles,
}: {
  detail: Pick<CaseDetail, 'caseNo' | 'categoryName' | 'status' | 'clock'>;
  point: { lng: number; lat: number };
  tiles: TileConfig;
}) {
  const t = useT();
  const container = useRef<HTMLElement>(null);
  const { caseNo, categoryName, status } = detail;
  const overdue = detail.clock.overdue;
  const { lng, lat } = point;

  useEffect(() => {
    let disposed = false;
    let map: import('leaflet').Map | undefined;
    void loadLeaflet().then((L) => {
      if (disposed || !container.current) return;
      map = tiledMap(L, container.current, tiles);
      statusMarker(L, { lng, lat }, status, overdue, `${caseNo} · ${categoryName}`).addTo(map);
      map.setView([lat, lng], streetZoom);
    });
    return () => {
      disposed = true;
      map?.remove();
    };
  }, [tiles, lng, lat, status, overdue, caseNo, categoryName]);

  return (
    <section
      ref={container}
      className="wm-tile-map wm-case-point-map"
      aria-label={t('cases.fact.pointMap', { caseNo })}
      data-testid="case-point-map"
    />
  );
}
