import type { CaseStatus } from '../../casesApi.ts';

/**
 * How the maps tell a case's state: a colour from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
 * Design": distinguishable with protanopia, deuteranopia and tritanopia) and, because colour alone never
 * suffices (WCAG 2.2 SC 1.4.1), a shape of its own. The legend draws the same shapes.
 */
export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'triangleDown' | 'hexagon' | 'star' | 'cross';

export const statusMarkers: Record<CaseStatus, { color: string; shape: MarkerShape }> = {
  reported: { color: '#E69F00', shape: 'circle' },
  verifying: { color: '#CC79A7', shape: 'diamond' },
  registered: { color: '#56B4E9', shape: 'square' },
  dispatched: { color: '#0072B2', shape: 'triangle' },
  handling: { color: '#D55E00', shape: 'triangleDown' },
  handled: { color: '#F0E442', shape: 'hexagon' },
  closed: { color: '#009E73', shape: 'star' },
  rejected: { color: '#999999', shape: 'cross' },
  duplicate: { color: '#555555', shape: 'cross' },
};

const polygon = (cx: number, cy: number, r: number, corners: number, turn: number, inner?: number): string => {
  const points: string[] = [];
  const steps = inner === undefined ? corners : corners * 2;
  for (let i = 0; i < steps; i += 1) {
    const radius = inner !== undefined && i % 2 === 1 ? inner : r;
    const angle = turn + (i * 2 * Math.PI) / steps;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return `M${points.join('L')}Z`;
};

/** The SVG path of a marker of radius `r` centred on (cx, cy): the same for the plain map, tiles and legend. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const up = -Math.PI / 2;
  switch (shape) {
    case 'circle':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'diamond':
      return polygon(cx, cy, r * 1.2, 4, up);
    case 'square':
      return polygon(cx, cy, r * 1.2, 4, Math.PI / 4);
    case 'triangle':
      return polygon(cx, cy, r * 1.3, 3, up);
    case 'triangleDown':
      return polygon(cx, cy, r * 1.3, 3, Math.PI / 2);
    case 'hexagon':
      return polygon(cx, cy, r * 1.1, 6, 0);
    case 'star':
      return polygon(cx, cy, r * 1.35, 5, up, r * 0.6);
    case 'cross': {
      const a = r * 0.4;
      const b = r * 1.1;
      return `M${cx - a},${cy - b}h${2 * a}v${b - a}h${b - a}v${2 * a}h${a - b}v${b - a}h${-2 * a}v${a - b}h${a - b}v${-2 * a}h${b - a}Z`;
    }
  }
}

/** A small standalone SVG of a marker (legend swatches, leaflet's div icons). */
export function markerSvg(status: CaseStatus, size: number, ring?: string): string {
  const { color, shape } = statusMarkers[status];
  const c = size / 2;
  const stroke = ring ?? '#fff';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true"><path d="${markerPath(shape, c, c, size * 0.32)}" fill="${color}" stroke="${stroke}" stroke-width="${ring ? 2.5 : 1.5}" stroke-linejoin="round"/></svg>`;
}
