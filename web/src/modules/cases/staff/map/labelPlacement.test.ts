import { describe, expect, it } from 'vitest';
import { placeLabels } from './labelPlacement.ts';
import { markerPath, statusMarkers } from './statusMarkers.ts';

const box = (l: { tx: number; ty: number; name: string }, size: number) => ({
  left: l.tx - ([...l.name].length * size * 1.02) / 2,
  right: l.tx + ([...l.name].length * size * 1.02) / 2,
  top: l.ty - size * 1.02,
  bottom: l.ty + size * 0.18,
});

describe('township names on the plain map', () => {
  it('never overprint: 船形乡 and 炎陵县大院农场 at nearly the same point are set apart', () => {
    const placed = placeLabels(
      [
        { code: '430225104', name: '船形乡', x: 500, y: 500 },
        { code: '430225401', name: '炎陵县大院农场', x: 520, y: 505 },
      ],
      34,
    );
    expect(placed.map((l) => l.code)).toEqual(['430225104', '430225401']);
    const [a, b] = placed.map((l) => box(l, 34));
    expect(a!.right <= b!.left || b!.right <= a!.left || a!.bottom <= b!.top || b!.bottom <= a!.top).toBe(true);
  });

  it('leaves a name off when every place around its point is taken, instead of overprinting', () => {
    const crowd = Array.from({ length: 12 }, (_, i) => ({ code: `c${i}`, name: '某某乡镇名称', x: 500, y: 500 }));
    const placed = placeLabels(crowd, 34);
    expect(placed.length).toBeLessThan(crowd.length);
    expect(placed.length).toBeGreaterThan(1);
  });
});

describe('state markers', () => {
  it('give every state its own colour, and no two open states one shape', () => {
    const open = ['reported', 'verifying', 'registered', 'dispatched', 'handling', 'handled', 'closed'] as const;
    expect(new Set(Object.values(statusMarkers).map((m) => m.color)).size).toBe(Object.keys(statusMarkers).length);
    expect(new Set(open.map((s) => statusMarkers[s].shape)).size).toBe(open.length);
    for (const { shape } of Object.values(statusMarkers)) expect(markerPath(shape, 10, 10, 5)).toMatch(/^M.*Z$/);
  });
});
