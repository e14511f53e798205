import { useEffect, useRef } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { markerSvg } from './statusMarkers.ts';
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
    void Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]).then(([leaflet]) => {
      const L = leaflet.default ?? leaflet;
      if (disposed || !container.current) return;
      map = L.map(container.current, { zoomControl: true, attributionControl: tiles.attribution !== '' });
      L.tileLayer(tiles.url, { attribution: tiles.attribution, subdomains: tiles.subdomains, maxZoom: 18 }).addTo(map);
      const box = L.latLngBounds([bounds.minLat, bounds.minLng], [bounds.maxLat, bounds.maxLng]);
      L.rectangle(box, { color: '#1656a3', weight: 2, dashArray: '6 6', fill: false, interactive: false }).addTo(map);
      const points: import('leaflet').LatLngExpression[] = [];
      for (const item of cases) {
        points.push([item.lat, item.lng]);
        const size = item.clock.overdue ? 26 : 20;
        L.marker([item.lat, item.lng], {
          icon: L.divIcon({
            html: markerSvg(item.status, size, item.clock.overdue ? '#cf1322' : undefined),
            className: 'wm-tile-marker',
            iconSize: [size, size],
            iconAnchor: [size / 2, size / 2],
          }),
          keyboard: true,
          title: `${item.caseNo} · ${item.categoryName}`,
        })
          .bindTooltip(`${item.caseNo} · ${item.categoryName}`)
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
