import { describe, expect, it } from 'vitest';
import { validationMessages } from './messages.ts';
import { validationReasons } from './result.ts';

describe('validationMessages', () => {
  it.each(validationReasons)('translates %s in both languages', (reason) => {
    const zh = validationMessages.zh[reason];
    const en = validationMessages.en[reason];
    expect(zh?.trim()).toBeTruthy();
    expect(en?.trim()).toBeTruthy();
    expect(zh).toMatch(/[\u4e00-\u9fff]/); // the Chinese text is Chinese…
    expect(en).not.toMatch(/[\u4e00-\u9fff]/); // …and the English text has none left in it
    expect(en).not.toBe(reason);
  });

  it('has no message for a reason that does not exist', () => {
    expect(Object.keys(validationMessages.zh).sort()).toEqual([...validationReasons].sort());
    expect(Object.keys(validationMessages.en).sort()).toEqual([...validationReasons].sort());
  });

  it('lists every reason once', () => {
    expect(new Set(validationReasons).size).toBe(validationReasons.length);
  });
});
