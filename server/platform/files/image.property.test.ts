import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { inspectImage } from './image.ts';
import { metadataSegments } from './jpeg-segments.ts';

/** What inspectImage did with the input: the photo, or the AppError status it refused with. Anything else throws. */
async function outcome(input: Buffer): Promise<number> {
  try {
    await inspectImage(input);
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

const magic = fc.constantFrom(
  [],
  [0xff, 0xd8, 0xff],
  [0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0x52, 0x49, 0x46, 0x46, 0x00, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50],
  [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66, 0, 0, 0, 0, 0x6d, 0x69, 0x66, 0x31],
);

describe('inspectImage on arbitrary bytes', () => {
  it('refuses random bytes — even behind real magic numbers — with a 4xx AppError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(magic, fc.uint8Array({ maxLength: 2048 }), async (head, tail) => {
        const status = await outcome(Buffer.concat([Buffer.from(head), tail]));
        expect([400, 413]).toContain(status);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a real photo with random bytes flipped, or accepts it cleaned — never a crash', async () => {
    const original = await sharp({
      create: {
        width: 48,
        height: 32,
        channels: 3,
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
        background: '#000',
      },
    })
      .jpeg()
      .toBuffer();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (flips) => {
          const damaged = Buffer.from(original);
          for (const [at, value] of flips) damaged[at] = value;
          expect([200, 400]).toContain(await outcome(damaged));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('inspectImage on photos of any small size', () => {
  it('round-trips: same size (or capped), upright, JPEG, no metadata', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('jpeg', 'png', 'webp') as fc.Arbitrary<'jpeg' | 'png' | 'webp'>,
        async (width, height, orientation, format) => {
          let image = sharp({ create: { width, height, channels: 3, background: '#808080' } });
          image = image.withMetadata({ orientation }).withExifMerge({ IFD0: { Artist: 'someone' } });
          const inspected = await inspectImage(await image.toFormat(format).toBuffer());
          const swapped = orientation >= 5; // orientations 5–8 are transposed (EXIF 2.32 §4.6.4 A, Orientation)
          expect([inspected.width, inspected.height]).toEqual(swapped ? [height, width] : [width, height]);
          expect(Math.max(inspected.thumbnail.width, inspected.thumbnail.height)).toBeLessThanOrEqual(320);
          for (const jpeg of [inspected.bytes, inspected.thumbnail.bytes]) {
            expect(metadataSegments(jpeg)).toEqual([]);
            const header = await sharp(jpeg).metadata();
            expect([header.format, header.exif, header.orientation]).toEqual(['jpeg', undefined, undefined]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
