import { useEffect, useRef } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { loadLeaflet, statusMarker, tiledMap } from './leafletSetup.ts';
import type { TileConfig } from './mapConfig.ts';
import type { MapPointsProps } from './OutlineMap.tsx';

/**
 * The map over a configured tile service (leaflet, loaded only here). Points are inline-SVG markers of the
 * legend's colours and shapes (no marker images; overdue ringed red); the county's box is drawn dashed as on
 * the plain map.
 */
export function TileMap({ cases, bounds, onOpen, tiles }: MapPointsProps & { tiles: TileConfig }) {
  const t = useT();
  const container = useRef<HTMLElement>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    let disposed = false;
    let map: import('leaflet').Map | undefined;
    void loadLeaflet().then((L) => {
      if (disposed || !container.current) return;
      map = tiledMap(L, container.current, tiles);
      const box = L.latLngBounds([bounds.minLat, bounds.minLng], [bounds.maxLat, bounds.maxLng]);
      L.rectangle(box, { color: '#1656a3', weight: 2, dashArray: '6 6', fill: false, interactive: false }).addTo(map);
      const points: import('leaflet').LatLngExpression[] = [];
      for (const item of cases) {
        points.push([item.lat, item.lng]);
        const title = `${item.caseNo} · ${item.categoryName}`;
        statusMarker(L, item, item.status, item.clock.overdue, title)
          .bindTooltip(title)
          .on('click', () => open.current(item.caseNo))
          .addTo(map);
      }
      map.fitBounds(points.length > 0 ? L.latLngBounds(points).pad(0.1) : box);
    });
    return () => {
      disposed = true;
      map?.remove();
    };
  }, [cases, bounds, tiles]);

  return (
    <section
      ref={container}
      className="wm-tile-map"
      aria-label={t('cases.map.aria', { count: cases.length })}
      data-testid="case-tile-map"
    />
  );
}
