/** A name to place on the plain map near a point (a township's centre of cases), in map units. */
export interface LabelCandidate {
  code: string;
  name: string;
  x: number;
  y: number;
}

export interface PlacedLabel extends LabelCandidate {
  /** Where the text's centre baseline goes. */
  tx: number;
  ty: number;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Greedy collision avoidance (the usual cartographic approach, cf. Imhof's label placement): each name tries a
 * few positions around its point — above, below, right, left, then further out — and takes the first that
 * overlaps no name placed before it; a name with no free position is left off (its points still say it). Names
 * are placed in the order given, so put the more important first (more cases). Widths are estimated from the
 * character count: CJK glyphs are about one em wide.
 */
export function placeLabels(candidates: readonly LabelCandidate[], fontSize: number): PlacedLabel[] {
  const placed: Array<PlacedLabel & { box: Box }> = [];
  for (const label of candidates) {
    const width = [...label.name].length * fontSize * 1.02;
    const height = fontSize * 1.2;
    const gap = fontSize * 0.9;
    const offsets: Array<[number, number]> = [
      [0, -gap],
      [0, gap + height],
      [width / 2 + gap, height / 3],
      [-(width / 2 + gap), height / 3],
      [0, -gap - height],
      [0, 2 * (gap + height)],
    ];
    for (const [dx, dy] of offsets) {
      const tx = label.x + dx;
      const ty = label.y + dy;
      const box = { left: tx - width / 2, right: tx + width / 2, top: ty - height * 0.85, bottom: ty + height * 0.15 };
      if (placed.some((other) => overlaps(other.box, box))) continue;
      placed.push({ ...label, tx, ty, box });
      break;
    }
  }
  return placed.map(({ box: _box, ...label }) => label);
}
