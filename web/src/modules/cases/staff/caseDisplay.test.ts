import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../app/i18n/translate.ts';
import { scaleToFit } from './actions/photoPrep.ts';
import { formatDuration } from './caseDisplay.tsx';

const zh = translatorFor('zh');
const en = translatorFor('en');
const minutes = (n: number) => n * 60_000;

describe('formatDuration', () => {
  it('gives the two largest units, for time left and time overdue alike', () => {
    expect(formatDuration(minutes(3 * 1440 + 4 * 60 + 20), zh)).toBe('3天4小时');
    expect(formatDuration(-minutes(5 * 60 + 12), zh)).toBe('5小时12分');
    expect(formatDuration(minutes(40), en)).toBe('40 min');
    expect(formatDuration(0, en)).toBe('0 min');
  });
});

describe('scaleToFit', () => {
  it('brings the long side down to 2560 px and never enlarges', () => {
    expect(scaleToFit(4000, 3000)).toBe(2560 / 4000);
    expect(scaleToFit(3000, 4000)).toBe(2560 / 4000);
    expect(scaleToFit(2560, 1440)).toBe(1);
    expect(scaleToFit(800, 600)).toBe(1);
  });
});
