import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { TileConfig } from '../staff/map/mapConfig.ts';
import type { CountyBounds } from './citizenApi.ts';
import type { Position } from './locationState.ts';

interface Props {
  tiles: TileConfig;
  bounds: CountyBounds;
  /** The point already chosen, if any: the map opens on it. */
  start: Position | undefined;
  onPick: (position: Position) => void;
  onCancel: () => void;
}

type Point = { lng: number; lat: number };

/**
 * A pin on the county's base map (leaflet, as the staff map; loaded with this component only, which the step
 * loads only when a tile service is configured). Tap to place or move the pin, then confirm. The pin is a circle
 * marker, so no marker images are needed; the county's box is drawn dashed, as on the staff map.
 */
export default function PinMap({ tiles, bounds, start, onPick, onCancel }: Props) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const [pin, setPin] = useState<Point | undefined>(start);

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
      const marker = L.circleMarker([0, 0], {
        radius: 10,
        color: '#fff',
        weight: 3,
        fillColor: '#d4380d',
        fillOpacity: 1,
      });
      const place = (point: Point) => {
        marker.setLatLng([point.lat, point.lng]);
        if (map && !map.hasLayer(marker)) marker.addTo(map);
        setPin(point);
      };
      if (start) {
        place(start);
        map.setView([start.lat, start.lng], 17);
      } else map.fitBounds(box);
      map.on('click', (event: import('leaflet').LeafletMouseEvent) =>
        place({ lng: event.latlng.lng, lat: event.latlng.lat }),
      );
    });
    return () => {
      disposed = true;
      map?.remove();
    };
  }, [tiles, bounds, start]);

  return (
    <div className="wm-pin-map" data-testid="pin-map">
      <div
        ref={container}
        className="wm-pin-map-canvas"
        role="application"
        aria-label={t('citizen.location.pinHelp')}
      />
      <p className="wm-pin-map-help">{t('citizen.location.pinHelp')}</p>
      <div className="wm-pin-map-actions">
        <button type="button" className="wm-button" onClick={onCancel}>
          {t('citizen.location.pinCancel')}
        </button>
        <button
          type="button"
          className="wm-button wm-button-primary"
          disabled={pin === undefined}
          onClick={() => pin && onPick({ lng: pin.lng, lat: pin.lat, source: 'pin' })}
          data-testid="pin-apply"
        >
          {t('citizen.location.pinApply')}
        </button>
      </div>
    </div>
  );
}
