import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bigEndianGpsTiff, photo } from './image.fixtures.ts';
import { gpsPosition, parseExifDateTime, readPhotoExif } from './image-exif.ts';

const exifOf = async (bytes: Buffer) => (await sharp(bytes).metadata()).exif;

describe('parseExifDateTime', () => {
  it.each<[string, unknown, unknown, string | null]>([
    ['no value', undefined, undefined, null],
    ['a number', 20260301, undefined, null],
    ['blank', '    :  :     :  :  ', undefined, null],
    ['zeroed', '0000:00:00 00:00:00', undefined, null],
    ['not a date', '2026:02:30 08:00:00', undefined, null],
    ['hour 24', '2026:03:01 24:00:00', undefined, null],
    ['ISO dashes', '2026-03-01 08:30:00', undefined, null],
    ['no offset: China Standard Time', '2026:03:01 08:30:00', undefined, '2026-03-01T00:30:00.000Z'],
    ['with its offset', '2026:03:01 08:30:00', '+09:00', '2026-02-28T23:30:00.000Z'],
    ['negative offset', '2026:03:01 08:30:00', '-05:30', '2026-03-01T14:00:00.000Z'],
    ['UTC offset', '2026:03:01 08:30:00', '+00:00', '2026-03-01T08:30:00.000Z'],
    ['nonsense offset falls back to UTC+8', '2026:03:01 08:30:00', '+99:00', '2026-03-01T00:30:00.000Z'],
    ['trailing NUL and sub-seconds ignored', '2026:03:01 08:30:00\0', undefined, '2026-03-01T00:30:00.000Z'],
  ])('%s', (_name, dateTime, offset, expected) => {
    expect(parseExifDateTime(dateTime, offset)?.toISOString() ?? null).toBe(expected);
  });

  it('never throws and never returns an invalid date', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (dateTime, offset) => {
        const parsed = parseExifDateTime(dateTime, offset ?? undefined);
        expect(parsed === null || Number.isFinite(parsed.getTime())).toBe(true);
      }),
    );
  });
});

describe('gpsPosition', () => {
  it.each<[string, unknown, unknown, { lat: number | null; lng: number | null }]>([
    ['missing', undefined, undefined, { lat: null, lng: null }],
    ['strings', '26.4', '113.7', { lat: null, lng: null }],
    ['NaN', Number.NaN, 113.7, { lat: null, lng: null }],
    ['latitude out of range', 91, 113.7, { lat: null, lng: null }],
    ['longitude out of range', 26.4, -181, { lat: null, lng: null }],
    ['no fix (0, 0)', 0, 0, { lat: null, lng: null }],
    ['Yanling', 26.490000000000002, 113.77, { lat: 26.49, lng: 113.77 }],
    ['southern and western', -33.86880001, -70.123456789, { lat: -33.8688, lng: -70.1234568 }],
  ])('%s', (_name, lat, lng, expected) => {
    expect(gpsPosition(lat, lng)).toEqual(expected);
  });
});

describe('readPhotoExif', () => {
  it('reads GPS and capture time written by a camera', async () => {
    const jpeg = await photo({ gps: { lat: 26.4898, lng: 113.7726 }, takenAt: '2026:03:01 08:30:00' });
    const exif = await readPhotoExif(await exifOf(jpeg));
    expect(exif.lat).toBeCloseTo(26.4898, 6);
    expect(exif.lng).toBeCloseTo(113.7726, 6);
    expect(exif.takenAt?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
  });

  it('applies the S and W references', async () => {
    const exif = await readPhotoExif(await exifOf(await photo({ gps: { lat: -12.5, lng: -77.25 } })));
    expect(exif).toMatchObject({ lat: -12.5, lng: -77.25, takenAt: null });
  });

  it('reads a hand-built big-endian TIFF with only a GPS IFD', async () => {
    const tiff = bigEndianGpsTiff([26, 29, 24], 'N', [113, 46, 12], 'E');
    expect(await readPhotoExif(tiff)).toEqual({ lat: 26.49, lng: 113.77, takenAt: null });
    expect(await readPhotoExif(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]))).toEqual({
      lat: 26.49,
      lng: 113.77,
      takenAt: null,
    });
  });

  it('answers "no EXIF" for a photo without it, and for damaged blocks', async () => {
    const none = { lat: null, lng: null, takenAt: null };
    expect(await readPhotoExif(undefined)).toEqual(none);
    expect(
      await readPhotoExif(
        await exifOf(
          await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
            .jpeg()
            .toBuffer(),
        ),
      ),
    ).toEqual(none);
    expect(await readPhotoExif(Buffer.from('Exif\0\0MM\0\x2a\xff\xff\xff\xff', 'latin1'))).toEqual(none);
    expect(await readPhotoExif(Buffer.from('not exif at all', 'latin1'))).toEqual(none);
  });

  it('never throws on random TIFF-looking blocks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('II*\0', 'MM\0*', 'Exif\0\0II*\0'),
        fc.uint8Array({ maxLength: 200 }),
        async (head, tail) => {
          const exif = await readPhotoExif(Buffer.concat([Buffer.from(head, 'latin1'), tail]));
          expect(exif.lat === null || Math.abs(exif.lat) <= 90).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
