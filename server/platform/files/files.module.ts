import type { ModuleManifest } from '../module.ts';
import { filesMessages } from './files.messages.ts';

/** Uploaded files and images: no routes of its own (modules take uploads); its messages explain refusals. */
export const filesManifest: ModuleManifest = {
  key: 'files',
  title: { zh: '文件与图片', en: 'Files and images' },
  messages: [filesMessages],
};
