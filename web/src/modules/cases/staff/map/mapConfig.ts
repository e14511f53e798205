/**
 * The base map is optional: a county with a licensed tile service (天地图 with its key, an intranet tile
 * server) sets `VITE_MAP_TILE_URL` when building the web app, e.g.
 * `https://t{s}.tianditu.gov.cn/vec_w/wmts?…&tk=KEY` or `https://tiles.example.gov.cn/{z}/{x}/{y}.png`. The
 * tiles must be Web Mercator on WGS84 (case coordinates are WGS84; GCJ-02 tiles would shift points by
 * hundreds of metres). Without it the map draws the county on its own (OutlineMap).
 */
export interface TileConfig {
  url: string;
  attribution: string;
  subdomains: string;
}

export function tileConfig(env: Record<string, unknown> = import.meta.env): TileConfig | undefined {
  const url = typeof env.VITE_MAP_TILE_URL === 'string' ? env.VITE_MAP_TILE_URL.trim() : '';
  if (url === '') return undefined;
  return {
    url,
    attribution: typeof env.VITE_MAP_TILE_ATTRIBUTION === 'string' ? env.VITE_MAP_TILE_ATTRIBUTION : '',
    subdomains:
      typeof env.VITE_MAP_TILE_SUBDOMAINS === 'string' && env.VITE_MAP_TILE_SUBDOMAINS !== ''
        ? env.VITE_MAP_TILE_SUBDOMAINS
        : 'abc',
  };
}
