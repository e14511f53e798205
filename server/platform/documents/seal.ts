import { fileURLToPath } from 'node:url';

/**
 * Where the seal goes and what it looks like: an image file (PNG with transparency) and its placement relative to
 * the signature block — by custom (GB/T 9704 §7.3.5.1) the seal straddles the organ's name and the date, centred
 * over them. A county configures its own image; the default is the checked-in demo seal, which names no organ
 * and says 演示专用 / DEMO on its face.
 */
export interface SealPlacement {
  /** Path of a PNG (or JPEG) file. */
  image: string;
  /** The seal's diameter on paper; official seals are 40–45 mm. */
  sizeMm: number;
  /** Offset of the seal's centre from the centre of the organ's name line: right and down are positive. */
  offsetMm: { x: number; y: number };
}

export const demoSealImage = fileURLToPath(new URL('./assets/demo-seal.png', import.meta.url));

export const demoSeal: SealPlacement = { image: demoSealImage, sizeMm: 42, offsetMm: { x: 0, y: 4 } };
