import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { PlacedCase } from '../../casesApi.ts';
import { type Bounds, graticule, type Projection, projectCounty, townshipLabels } from './countyProjection.ts';
import { placeLabels } from './labelPlacement.ts';
import { markerPath, statusMarkers } from './statusMarkers.ts';

/** The township names' size in map units (cases.css .wm-map-township), for placing them apart. */
const townshipFontSize = 34;

export interface MapPointsProps {
  /** The cases with a point (a partner's address-only report has none to draw). */
  cases: PlacedCase[];
  bounds: Bounds;
  onOpen: (caseNo: string) => void;
}

/**
 * The map without a tile service: the county's box with a 0.1° graticule, the township names at the centre
 * of their cases (placed so no two overlap), and the cases as markers whose colour and shape both tell the
 * state (statusMarkers.ts). No township outlines are drawn, because the
 * project has no licensed boundary data for Yanling's townships and an invented outline would mislead.
 */
export function OutlineMap({ cases, bounds, onOpen }: MapPointsProps) {
  const t = useT();
  const p = projectCounty(bounds);
  // Townships with more cases are named first; a name with no free place is left off rather than overprinted.
  const labels = placeLabels(
    townshipLabels(cases)
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .map((l) => ({ code: l.code, name: l.name, x: p.x(l.lng), y: p.y(l.lat) })),
    townshipFontSize,
  );
  const frame = {
    left: p.x(bounds.minLng),
    right: p.x(bounds.maxLng),
    top: p.y(bounds.maxLat),
    bottom: p.y(bounds.minLat),
  };
  return (
    <svg
      viewBox={`0 0 ${p.width} ${p.height}`}
      className="wm-outline-map"
      aria-label={t('cases.map.aria', { count: cases.length })}
      data-testid="case-outline-map"
    >
      <rect
        x={frame.left}
        y={frame.top}
        width={frame.right - frame.left}
        height={frame.bottom - frame.top}
        className="wm-map-county"
      />
      <Graticule bounds={bounds} p={p} frame={frame} />
      {cases.map((item) => (
        <CasePoint key={item.caseNo} item={item} p={p} onOpen={onOpen} />
      ))}
      {labels.map((label) => (
        <text
          key={label.code}
          x={label.tx}
          y={label.ty}
          className="wm-map-township"
          textAnchor="middle"
          data-testid={`map-township-${label.code}`}
        >
          {label.name}
        </text>
      ))}
    </svg>
  );
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The 0.1° lines and their labels: with no tiles, they are how a reader places a point. */
function Graticule({ bounds, p, frame }: { bounds: Bounds; p: Projection; frame: Frame }) {
  const t = useT();
  const grid = graticule(bounds);
  const { left, right, top, bottom } = frame;
  return (
    <>
      {grid.lngs.map((lng) => (
        <g key={`lng-${lng}`}>
          <line x1={p.x(lng)} x2={p.x(lng)} y1={top} y2={bottom} className="wm-map-grid" />
          <text x={p.x(lng)} y={bottom + 30} className="wm-map-grid-label" textAnchor="middle">
            {t('cases.map.lng', { value: lng.toFixed(1) })}
          </text>
        </g>
      ))}
      {grid.lats.map((lat) => (
        <g key={`lat-${lat}`}>
          <line x1={left} x2={right} y1={p.y(lat)} y2={p.y(lat)} className="wm-map-grid" />
          <text x={left + 6} y={p.y(lat) - 8} className="wm-map-grid-label">
            {t('cases.map.lat', { value: lat.toFixed(1) })}
          </text>
        </g>
      ))}
    </>
  );
}

/** One case as a dot (larger when overdue) inside a finger-sized target; Enter or Space opens it. */
function CasePoint({ item, p, onOpen }: { item: PlacedCase; p: Projection; onOpen: (caseNo: string) => void }) {
  const t = useT();
  const [cx, cy] = [p.x(item.lng), p.y(item.lat)];
  const label = t('cases.map.pointLabel', {
    caseNo: item.caseNo,
    category: item.categoryName,
    status: t(`cases.status.${item.status}`),
    address: item.address,
  });
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be a <button>; it behaves as one.
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      className="wm-map-point"
      onClick={() => onOpen(item.caseNo)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(item.caseNo);
        }
      }}
      data-testid={`map-point-${item.caseNo}`}
    >
      <title>{label}</title>
      {/* A finger-sized target around a small dot. */}
      <circle cx={cx} cy={cy} r={34} className="wm-map-hit" />
      <path
        d={markerPath(statusMarkers[item.status].shape, cx, cy, item.clock.overdue ? 17 : 14)}
        fill={statusMarkers[item.status].color}
        className={item.clock.overdue ? 'wm-map-dot wm-map-dot-overdue' : 'wm-map-dot'}
        data-shape={statusMarkers[item.status].shape}
      />
    </g>
  );
}
