import type { CaseStatus } from '../../casesApi.ts';
import type { TileConfig } from './mapConfig.ts';
import { markerSvg } from './statusMarkers.ts';

type Leaflet = typeof import('leaflet');

/** Leaflet and its stylesheet, fetched only by the maps that draw over tiles (the case map, the case page). */
export async function loadLeaflet(): Promise<Leaflet> {
  const [leaflet] = await Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]);
  return (leaflet as Leaflet & { default?: Leaflet }).default ?? leaflet;
}

/** A map on the configured tile service, attribution shown only when the county gave one. */
export function tiledMap(L: Leaflet, container: HTMLElement, tiles: TileConfig): import('leaflet').Map {
  const map = L.map(container, { zoomControl: true, attributionControl: tiles.attribution !== '' });
  L.tileLayer(tiles.url, { attribution: tiles.attribution, subdomains: tiles.subdomains, maxZoom: 18 }).addTo(map);
  return map;
}

/** A case's marker: its state's colour and shape (statusMarkers.ts), larger and ringed red when overdue. */
export function statusMarker(
  L: Leaflet,
  point: { lat: number; lng: number },
  status: CaseStatus,
  overdue: boolean,
  title: string,
): import('leaflet').Marker {
  const size = overdue ? 26 : 20;
  return L.marker([point.lat, point.lng], {
    icon: L.divIcon({
      html: markerSvg(status, size, overdue ? '#cf1322' : undefined),
      className: 'wm-tile-marker',
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    }),
    keyboard: true,
    title,
  });
}
