import type { MessageCatalogue } from '../../../platform/module.ts';

/** Messages of the one-by-one photo uploads. Declared in the manifest; en is typed against zh's keys. */
const zh = {
  'cases.photo_upload_missing': '照片未找到或已过期，请重新上传',
  'cases.photo_one_source': '每张照片只能提供 data 或 uploadId 中的一项',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cases.photo_upload_missing': 'Photo not found or expired; please upload it again',
  'cases.photo_one_source': 'Give each photo either data or uploadId, not both',
};

export const uploadsMessages = { zh, en } satisfies MessageCatalogue;
