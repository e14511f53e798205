import { createHash } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { renderError } from '../http/error-handler.ts';
import { cleanedLongestSide, inspectImage, thumbnailLongestSide } from './image.ts';
import {
  bigEndianGpsTiff,
  heicHeader,
  iptcSegmentPayload,
  noisyJpeg,
  photo,
  pngDeclaring,
  withRawApp1,
  withSegment,
} from './image.fixtures.ts';
import { metadataSegments } from './jpeg-segments.ts';

/** The AppError `inspectImage` rejects with (the test fails if it resolves or throws anything else). */
async function rejection(input: Buffer, options: Parameters<typeof inspectImage>[1] = {}): Promise<AppError> {
  const error = await inspectImage(input, options).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The rejection as the HTTP layer would render it, field problem keyed by field name. */
async function problem(input: Buffer, field = 'photos.2') {
  const error = await rejection(input, { field });
  return { status: error.status, code: error.code, ...error.fields[field] };
}

describe('inspectImage refuses what is not an accepted photo', () => {
  it('an empty upload', async () => {
    expect(await problem(Buffer.alloc(0))).toEqual({
      status: 400,
      code: 'validation_failed',
      key: 'files.not_an_image',
    });
  });

  it('a text file renamed .jpg', async () => {
    expect(await problem(Buffer.from('IMG_0001.jpg — really just some notes\n'))).toMatchObject({
      status: 400,
      key: 'files.not_an_image',
    });
  });

  it('a PDF', async () => {
    expect(await problem(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'))).toMatchObject({
      key: 'files.unsupported_type',
      vars: { type: 'PDF' },
    });
  });

  it('an SVG, which can carry scripts', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>',
    );
    expect(await problem(svg)).toMatchObject({ status: 400, key: 'files.unsupported_type', vars: { type: 'SVG' } });
  });

  it('a GIF (refused: animations and palettes are not case photos)', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f0' } })
      .gif()
      .toBuffer();
    expect(await problem(gif)).toMatchObject({ key: 'files.unsupported_type', vars: { type: 'GIF' } });
  });

  it('a HEIC, which this build of sharp cannot decode', async () => {
    expect(sharp.format.heif.input.fileSuffix).not.toContain('.heic'); // libvips here decodes AVIF only
    expect(await problem(heicHeader())).toMatchObject({ status: 400, key: 'files.heic_unsupported' });
  });

  it('a truncated JPEG', async () => {
    const whole = await noisyJpeg();
    expect(await problem(whole.subarray(0, Math.floor(whole.length * 0.6)))).toMatchObject({
      status: 400,
      key: 'files.corrupt',
    });
    expect(await problem(whole.subarray(0, 20))).toMatchObject({ key: 'files.corrupt' });
  });

  it('JPEG magic bytes in front of something else', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<?php system($_GET["c"]); ?>')]);
    expect(await problem(fake)).toMatchObject({ key: 'files.corrupt' });
  });

  it('more than 10 MiB, before looking inside (413)', async () => {
    const big = Buffer.alloc(10 * 1_048_576 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await problem(big)).toEqual({
      status: 413,
      code: 'payload_too_large',
      key: 'files.too_large',
      vars: { limitMb: '10' },
    });
  });

  it('a pixel bomb: a tiny PNG declaring 20000×20000', async () => {
    const bomb = pngDeclaring(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100);
    expect(await problem(bomb)).toEqual({
      status: 400,
      code: 'validation_failed',
      key: 'files.too_many_pixels',
      vars: { width: 20_000, height: 20_000, limitMp: '40' },
    });
  });

  it('honours the caller’s limits', async () => {
    const jpeg = await noisyJpeg(400, 300);
    expect((await rejection(jpeg, { maxBytes: jpeg.length - 1 })).status).toBe(413);
    expect((await rejection(jpeg, { maxPixels: 400 * 300 - 1 })).fields.photo).toMatchObject({
      key: 'files.too_many_pixels',
    });
    await expect(inspectImage(jpeg, { maxBytes: jpeg.length, maxPixels: 400 * 300 })).resolves.toMatchObject({
      width: 400,
    });
  });

  it('says what went wrong in Chinese by default and in English, naming the photo', async () => {
    const pdf = await rejection(Buffer.from('%PDF-1.7'), { field: 'photos.2' });
    expect(renderError(pdf, 'zh', 'r1').error.fields).toEqual({
      'photos.2': '不支持 PDF 格式，请上传 JPEG、PNG、WebP 或 AVIF 格式的照片',
    });
    expect(renderError(pdf, 'en', 'r1').error.fields).toEqual({
      'photos.2': 'PDF is not supported; please upload a JPEG, PNG, WebP or AVIF photo',
    });
    const big = await rejection(Buffer.alloc(2 * 1_048_576), { field: 'afterPhotos.0', maxBytes: 1_048_576 });
    expect(renderError(big, 'zh', 'r2').error).toEqual({
      code: 'payload_too_large',
      message: '照片过大，每张不能超过 1 MB',
      fields: { 'afterPhotos.0': '照片过大，每张不能超过 1 MB' },
    });
    expect(renderError(big, 'en', 'r2').error.fields).toEqual({
      'afterPhotos.0': 'The photo is too large; each photo may be at most 1 MB',
    });
    const bomb = await rejection(pngDeclaring(20_000, 20_000));
    expect(renderError(bomb, 'en', 'r3').error.fields).toEqual({
      photo: 'The photo is too big (20000×20000); at most 40 megapixels are allowed',
    });
  });
});

/** Every way metadata could survive: EXIF/XMP/ICC/IPTC/comment segments, tags exifr finds, or the raw strings. */
async function expectNoMetadata(jpeg: Buffer): Promise<void> {
  expect(metadataSegments(jpeg)).toEqual([]);
  const header = await sharp(jpeg).metadata();
  expect([header.exif, header.xmp, header.iptc, header.icc, header.orientation]).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  expect(
    await exifr.parse(jpeg, { tiff: true, xmp: true, iptc: true, icc: true, jfif: false, gps: true }),
  ).toBeUndefined();
  expect(await exifr.gps(jpeg)).toBeUndefined();
  const text = jpeg.toString('latin1');
  for (const leak of ['Exif', 'wenming-test', 'secret-app', 'ns.adobe.com', 'Photoshop', 'ICC_PROFILE', 'GPS'])
    expect(text).not.toContain(leak);
}

describe('inspectImage cleans an accepted photo', () => {
  it('reads GPS and capture time, then strips every byte of metadata', async () => {
    const original = await photo({
      gps: { lat: 26.4898, lng: 113.7726 },
      takenAt: '2026:03:01 08:30:00',
      offset: '+08:00',
    });
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(26.4898, 6) }); // the fixture really has GPS
    const inspected = await inspectImage(original);
    expect(inspected.exif.lat).toBeCloseTo(26.4898, 6);
    expect(inspected.exif.lng).toBeCloseTo(113.7726, 6);
    expect(inspected.exif.takenAt?.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(inspected).toMatchObject({ contentType: 'image/jpeg', originalType: 'jpeg', width: 64, height: 48 });
    await expectNoMetadata(inspected.bytes);
    await expectNoMetadata(inspected.thumbnail.bytes);
  });

  it('strips XMP, an ICC profile, IPTC, comments and a hand-built EXIF block too', async () => {
    const withXmpAndIcc = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#123456' } })
      .withIccProfile('p3')
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
      )
      .jpeg()
      .toBuffer();
    let original = withSegment(withXmpAndIcc, 0xed, iptcSegmentPayload('secret-app caption'));
    original = withSegment(original, 0xfe, Buffer.from('wenming-test comment'));
    original = withRawApp1(original, bigEndianGpsTiff([26, 29, 24], 'N', [113, 46, 12], 'E'));
    expect(metadataSegments(original).map((s) => s.identifier)).toEqual(
      expect.arrayContaining(['Exif', 'http://ns.adobe.com/xap/1.0/', 'ICC_PROFILE', 'Photoshop 3.0']),
    );
    const inspected = await inspectImage(original);
    expect(inspected.exif).toEqual({ lat: 26.49, lng: 113.77, takenAt: null });
    await expectNoMetadata(inspected.bytes);
  });

  it('turns an EXIF orientation 6 photo upright: width and height swap', async () => {
    const original = await photo({ width: 60, height: 20, orientation: 6 });
    expect(await sharp(original).metadata()).toMatchObject({ width: 60, height: 20, orientation: 6 });
    const inspected = await inspectImage(original);
    expect([inspected.width, inspected.height]).toEqual([20, 60]);
    expect([inspected.thumbnail.width, inspected.thumbnail.height]).toEqual([20, 60]);
    const cleaned = await sharp(inspected.bytes).metadata();
    expect([cleaned.width, cleaned.height, cleaned.orientation]).toEqual([20, 60, undefined]);
  });

  it('caps the longest side at 2560 and the thumbnail at 320, keeping the aspect ratio', async () => {
    const original = await photo({ width: 3000, height: 2000, orientation: 6 });
    const inspected = await inspectImage(original);
    expect([inspected.width, inspected.height]).toEqual([1707, cleanedLongestSide]);
    expect([inspected.thumbnail.width, inspected.thumbnail.height]).toEqual([213, thumbnailLongestSide]);
    expect(await sharp(inspected.thumbnail.bytes).metadata()).toMatchObject({
      format: 'jpeg',
      width: 213,
      height: 320,
    });
  });

  it('never enlarges a small photo', async () => {
    const inspected = await inspectImage(await photo({ width: 7, height: 5 }));
    expect([inspected.width, inspected.height, inspected.thumbnail.width, inspected.thumbnail.height]).toEqual([
      7, 5, 7, 5,
    ]);
  });

  it.each(['png', 'webp', 'avif'] as const)('accepts %s, reads its EXIF, and re-encodes it as JPEG', async (format) => {
    const original = await photo({ format, alpha: format !== 'avif', gps: { lat: 26.49, lng: 113.77 } });
    const inspected = await inspectImage(original);
    expect(inspected).toMatchObject({ originalType: format, contentType: 'image/jpeg', width: 64, height: 48 });
    expect(inspected.exif).toMatchObject({ lat: 26.49, lng: 113.77 });
    expect((await sharp(inspected.bytes).metadata()).format).toBe('jpeg');
    await expectNoMetadata(inspected.bytes);
  });

  it('flattens transparency onto white', async () => {
    const clear = await sharp({
      create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const { data } = await sharp((await inspectImage(clear)).bytes)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBeGreaterThan(245);
  });

  it('converts CMYK and 16-bit photos to 8-bit sRGB', async () => {
    const base = () => sharp({ create: { width: 30, height: 20, channels: 3, background: '#00aaff' } });
    for (const original of [
      await base().toColourspace('cmyk').jpeg().toBuffer(),
      await base().toColourspace('rgb16').png().toBuffer(),
    ]) {
      const header = await sharp((await inspectImage(original)).bytes).metadata();
      expect(header).toMatchObject({ space: 'srgb', depth: 'uchar', channels: 3 });
    }
  });

  it('drops anything appended after the image (polyglot files)', async () => {
    const polyglot = Buffer.concat([await noisyJpeg(40, 30), Buffer.from('<script>alert(1)</script>PK\x03\x04')]);
    const inspected = await inspectImage(polyglot);
    expect(inspected.bytes.toString('latin1')).not.toContain('<script>');
  });

  it('hashes the cleaned bytes, so the same photo always gives the same address', async () => {
    const original = await photo({ gps: { lat: 26.49, lng: 113.77 } });
    const [a, b] = [await inspectImage(original), await inspectImage(original)];
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toBe(createHash('sha256').update(a.bytes).digest('hex'));
  });

  it('keeps a photo whose EXIF block is damaged, with no EXIF facts', async () => {
    const damaged = withRawApp1(await noisyJpeg(40, 30), Buffer.from('MM\0\x2a\xff\xff\xff\xffgarbage', 'latin1'));
    expect(await inspectImage(damaged)).toMatchObject({
      width: 40,
      height: 30,
      exif: { lat: null, lng: null, takenAt: null },
    });
  });
});
