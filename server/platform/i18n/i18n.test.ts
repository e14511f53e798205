import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locale.ts';
import { en } from './messages.en.ts';
import { zh } from './messages.zh.ts';
import { catalogueKeys, translate } from './translate.ts';

describe('resolveLocale', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.2, zh;q=0.8', 'zh'],
    ['en;q=0', 'zh'],
    ['de', 'zh'],
  ])('%s → %s', (header, expected) => {
    expect(resolveLocale(header)).toBe(expected);
  });

  it('never throws and always answers a supported locale', () => {
    fc.assert(fc.property(fc.string(), (header) => ['zh', 'en'].includes(resolveLocale(header))));
  });
});

describe('message catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(catalogueKeys('en').sort()).toEqual(catalogueKeys('zh').sort());
  });

  it('fill variables, and translate a variable that is itself a message key', () => {
    expect(translate('zh', 'error.not_found', { what: 'what.region' })).toBe('未找到行政区划');
    expect(translate('en', 'error.not_found', { what: 'what.region' })).toBe('Region not found');
    expect(translate('en', 'field.min_length', { limit: 3 })).toBe('At least 3 characters');
  });

  it('keep placeholders consistent between languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });
});
