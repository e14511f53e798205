import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n/translate.ts';
import { filesMessages } from './files.messages.ts';
import type { PhotoProblem } from './image-errors.ts';
import { acceptedImageLabels } from './image-type.ts';

const problems: PhotoProblem[] = [
  'not_an_image',
  'unsupported_type',
  'heic_unsupported',
  'too_large',
  'too_many_pixels',
  'corrupt',
  'too_few_photos',
  'too_many_photos',
];

describe('files messages', () => {
  it('exist for every photo problem, in Chinese and in English', () => {
    for (const problem of problems) {
      const key = `files.${problem}` as keyof typeof filesMessages.zh;
      expect(hasMessage(key), key).toBe(true);
      expect(filesMessages.zh[key]).toMatch(/[\u4e00-\u9fff]/);
      expect(filesMessages.en[key]).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keep placeholders consistent between languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(filesMessages.zh) as Array<keyof typeof filesMessages.zh>) {
      expect(placeholders(filesMessages.en[key]), key).toEqual(placeholders(filesMessages.zh[key]));
    }
  });

  it('name every accepted format where they tell the user what to upload', () => {
    for (const key of ['files.not_an_image', 'files.unsupported_type'] as const) {
      for (const label of Object.values(acceptedImageLabels)) {
        expect(filesMessages.zh[key]).toContain(label);
        expect(filesMessages.en[key]).toContain(label);
      }
    }
  });
});
