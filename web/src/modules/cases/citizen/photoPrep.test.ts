import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSendAsIs, fitWithin, maxPhotoEdge } from './photoPrep.ts';

describe('fitWithin', () => {
  it('shrinks a phone photo to 2560 px on its longest side, keeping the shape', () => {
    expect(fitWithin({ width: 4032, height: 3024 })).toEqual({ width: 2560, height: 1920 });
    expect(fitWithin({ width: 3024, height: 4032 })).toEqual({ width: 1920, height: 2560 });
    expect(fitWithin({ width: 8000, height: 1000 })).toEqual({ width: 2560, height: 320 });
  });

  it('never enlarges a small picture', () => {
    expect(fitWithin({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 2560, height: 2560 })).toEqual({ width: 2560, height: 2560 });
  });

  it('always fits, keeps at least one pixel and the aspect ratio to within rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (width, height) => {
        const out = fitWithin({ width, height });
        expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(maxPhotoEdge);
        expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(1);
        expect(out.width).toBeLessThanOrEqual(width);
        expect(out.height).toBeLessThanOrEqual(height);
        if (Math.min(out.width, out.height) > 50)
          expect(Math.abs(out.width / out.height - width / height) / (width / height)).toBeLessThan(0.02);
      }),
    );
  });
});

describe('canSendAsIs', () => {
  const small = { width: 1600, height: 1200 };
  it('passes a small JPEG through untouched', () => {
    expect(canSendAsIs({ type: 'image/jpeg', size: 900_000 }, small)).toBe(true);
  });

  it('re-encodes anything large, oversized or not a JPEG', () => {
    expect(canSendAsIs({ type: 'image/jpeg', size: 5_000_000 }, small)).toBe(false);
    expect(canSendAsIs({ type: 'image/jpeg', size: 900_000 }, { width: 4032, height: 3024 })).toBe(false);
    expect(canSendAsIs({ type: 'image/heic', size: 900_000 }, small)).toBe(false);
    expect(canSendAsIs({ type: 'image/png', size: 900_000 }, small)).toBe(false);
  });
});
