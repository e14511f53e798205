import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './content-hash.ts';
import type { DocumentModel } from './document-model.ts';

const model = (text: string, photo = Buffer.from([1, 2, 3])): DocumentModel => ({
  title: '整改通知书',
  sections: [
    { blocks: [{ type: 'paragraph', text }] },
    { blocks: [{ type: 'photos', photos: [{ caption: '现场', content: photo, width: 4, height: 3 }] }] },
  ],
});

describe('content hash', () => {
  it('is the same for the same content, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(contentHash('k', model('同一内容'))).toBe(contentHash('k', model('同一内容')));
    expect(contentHash('k', model('同一内容'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with a word, a photo byte or the kind', () => {
    const base = contentHash('k', model('内容'));
    expect(contentHash('k', model('内容。'))).not.toBe(base);
    expect(contentHash('k', model('内容', Buffer.from([1, 2, 4])))).not.toBe(base);
    expect(contentHash('other', model('内容'))).not.toBe(base);
  });

  it('covers photos by their digest, not their bytes inline', () => {
    expect(canonicalJson(Buffer.from('abc'))).toBe(
      '"sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"',
    );
  });
});
