import type { MessageCatalogue } from '../module.ts';

/**
 * Photo upload messages. Declared in the manifest; en is typed against zh's keys. The accepted formats are written
 * out in both languages; a test checks every label in `acceptedImageLabels` appears in both.
 */
const zh = {
  'files.not_an_image': '不是图片文件，请上传 JPEG、PNG、WebP 或 AVIF 格式的照片',
  'files.unsupported_type': '不支持 {type} 格式，请上传 JPEG、PNG、WebP 或 AVIF 格式的照片',
  'files.heic_unsupported': '暂不支持 HEIC/HEIF 格式，请在相机设置中选择“兼容性最佳”，或转换为 JPEG 后上传',
  'files.too_large': '照片过大，每张不能超过 {limitMb} MB',
  'files.too_many_pixels': '照片尺寸过大（{width}×{height}），不能超过 {limitMp} 百万像素',
  'files.corrupt': '照片已损坏或不完整，无法读取，请重新拍摄或选择',
  'files.too_few_photos': '至少上传 {min} 张照片',
  'files.too_many_photos': '最多上传 {max} 张照片',
  'files.busy': '照片处理繁忙，请稍后重试',
} as const;

const en: Record<keyof typeof zh, string> = {
  'files.not_an_image': 'Not an image; please upload a JPEG, PNG, WebP or AVIF photo',
  'files.unsupported_type': '{type} is not supported; please upload a JPEG, PNG, WebP or AVIF photo',
  'files.heic_unsupported':
    'HEIC/HEIF photos are not supported yet; set the camera to "Most Compatible" or convert the photo to JPEG',
  'files.too_large': 'The photo is too large; each photo may be at most {limitMb} MB',
  'files.too_many_pixels': 'The photo is too big ({width}×{height}); at most {limitMp} megapixels are allowed',
  'files.corrupt': 'The photo is damaged or incomplete and cannot be read; please take or choose it again',
  'files.too_few_photos': 'Upload at least {min} photo(s)',
  'files.too_many_photos': 'Upload at most {max} photo(s)',
  'files.busy': 'Too many photos are being processed right now; please try again shortly',
};

export const filesMessages = { zh, en } satisfies MessageCatalogue;
