import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heicHeader, pngDeclaring } from './image.fixtures.ts';
import { acceptedImageTypes, isAcceptedImageType, type SniffedType, sniffImageType } from './image-type.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImageType', () => {
  it.each<[string, Buffer, SniffedType]>([
    ['empty', Buffer.alloc(0), 'unknown'],
    ['text', bytes('hello, this is not a photo'), 'unknown'],
    ['two bytes of JPEG', bytes([0xff, 0xd8]), 'unknown'],
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'pdf'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'svg'],
    ['SVG with BOM, XML declaration and spaces', bytes([0xef, 0xbb, 0xbf], '  <?xml version="1.0"?>\n<svg/>'), 'svg'],
    ['XML that is not SVG', bytes('<?xml version="1.0"?><note/>'), 'unknown'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['TIFF little-endian', bytes('II', [0x2a, 0]), 'tiff'],
    ['TIFF big-endian', bytes('MM', [0, 0x2a]), 'tiff'],
    ['BMP', bytes('BM', [0, 0, 0, 0]), 'bmp'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['PNG', pngDeclaring(1, 1), 'png'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'unknown'],
    ['HEIC', heicHeader(), 'heic'],
    ['AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'mif1miafMA1B'), 'avif'],
    ['AVIF named only in compatible brands', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'avifmiaf'), 'avif'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2'), 'unknown'],
  ])('%s', (_name, input, expected) => {
    expect(sniffImageType(input)).toBe(expected);
  });

  it('accepts only JPEG, PNG, WebP and AVIF', () => {
    expect([...acceptedImageTypes]).toEqual(['jpeg', 'png', 'webp', 'avif']);
    for (const refused of ['heic', 'gif', 'svg', 'pdf', 'tiff', 'bmp', 'unknown'] as const) {
      expect(isAcceptedImageType(refused)).toBe(false);
    }
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        expect(typeof sniffImageType(input)).toBe('string');
      }),
    );
  });
});
