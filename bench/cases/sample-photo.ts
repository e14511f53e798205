import sharp from 'sharp';
import { gpsTags } from '../../server/platform/files/image.fixtures.ts';

/**
 * What an inspector's phone sends after the client shrinks it: a 960×720 JPEG of a street scene of about 30 KB,
 * with the EXIF position of the spot. Smoothed noise compresses like a photo (flat colour would be a few KB and
 * decode unrealistically fast).
 */
export async function inspectorPhoto(at: { lng: number; lat: number }): Promise<Buffer> {
  const noisy = await sharp({
    create: {
      width: 120,
      height: 90,
      channels: 3,
      background: '#7a8a70',
      noise: { type: 'gaussian', mean: 120, sigma: 45 },
    },
  })
    .png()
    .toBuffer();
  return sharp(noisy)
    .resize(960, 720, { kernel: 'cubic' })
    .blur(8)
    .withExifMerge({ IFD0: { Make: 'HUAWEI', Model: 'bench' }, IFD3: gpsTags(at.lat, at.lng) })
    .jpeg({ quality: 65 })
    .toBuffer();
}
