import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { renderError } from '../http/error-handler.ts';
import { photo } from './image.fixtures.ts';
import { casePhotoCount, inspectPhotos, validatePhotoCount } from './photos.ts';

async function rejection(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('validatePhotoCount', () => {
  it('refuses too few and too many, naming the field', () => {
    expect(() => validatePhotoCount(0, casePhotoCount, 'photos')).toThrow(AppError);
    try {
      validatePhotoCount(10, casePhotoCount, 'afterPhotos');
    } catch (error) {
      expect(renderError(error as AppError, 'zh', 'r').error.fields).toEqual({ afterPhotos: '最多上传 9 张照片' });
      expect(renderError(error as AppError, 'en', 'r').error.fields).toEqual({
        afterPhotos: 'Upload at most 9 photo(s)',
      });
    }
    expect.assertions(3);
  });

  it.each([1, 5, 9])('accepts %i photos for a case', (count) => {
    expect(() => validatePhotoCount(count, casePhotoCount, 'photos')).not.toThrow();
  });
});

describe('inspectPhotos', () => {
  it('checks the count before decoding anything', async () => {
    const error = await rejection(inspectPhotos([]));
    expect(error.fields).toEqual({ photos: { key: 'files.too_few_photos', vars: { min: 1 } } });
    const ten = Array.from({ length: 10 }, () => Buffer.from('not even looked at'));
    expect((await rejection(inspectPhotos(ten))).fields.photos).toMatchObject({ key: 'files.too_many_photos' });
  });

  it('reports every bad photo at once, by index', async () => {
    const good = await photo();
    const error = await rejection(
      inspectPhotos([good, Buffer.from('%PDF-1.7'), good, Buffer.alloc(0)], { field: 'afterPhotos' }),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toEqual(['afterPhotos.1', 'afterPhotos.3']);
  });

  it('answers 413 when the only problem is size', async () => {
    const big = await sharp({
      create: {
        width: 300,
        height: 300,
        channels: 3,
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
        background: '#000',
      },
    })
      .png()
      .toBuffer();
    const error = await rejection(inspectPhotos([big, await photo(), big], { maxBytes: big.length - 1 }));
    expect(error.status).toBe(413);
    expect(Object.keys(error.fields)).toEqual(['photos.0', 'photos.2']);
    const mixed = await rejection(inspectPhotos([big, Buffer.from('text')], { maxBytes: big.length - 1 }));
    expect(mixed.status).toBe(400);
  });

  it('returns the cleaned photos in the order given', async () => {
    const photos = await Promise.all([
      photo({ width: 10, height: 10 }),
      photo({ width: 20, height: 10 }),
      photo({ width: 30, height: 10 }),
    ]);
    const inspected = await inspectPhotos(photos, { count: { min: 1, max: 3 } });
    expect(inspected.map((p) => p.width)).toEqual([10, 20, 30]);
  });
});
