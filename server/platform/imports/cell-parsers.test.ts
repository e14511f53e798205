import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldCode,
  parseBoolean,
  parseCell,
  parseCode,
  parseDate,
  parseInteger,
  parseList,
  parseText,
  rawCellOf,
} from './cell-parsers.ts';
import type { ImportColumn } from './import-kind.ts';

const fullWidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const column = (type: ImportColumn['type'], extra: Partial<ImportColumn> = {}): ImportColumn => ({
  key: 'x',
  header: { zh: 'x', en: 'x' },
  type,
  example: '',
  ...extra,
});

describe('cells as exceljs reads them', () => {
  it('refuses formulas (whatever their cached result) and error cells, flattens rich text and links', () => {
    expect(rawCellOf({ formula: 'A1+1', result: 3 })).toEqual({ ok: false, code: 'imports.cell.formula' });
    expect(rawCellOf({ sharedFormula: 'B2', result: 'x' })).toEqual({ ok: false, code: 'imports.cell.formula' });
    expect(rawCellOf({ error: '#N/A' })).toEqual({ ok: false, code: 'imports.cell.error', params: { value: '#N/A' } });
    expect(rawCellOf({ richText: [{ text: '张' }, { text: '伟' }] })).toEqual({ ok: true, value: '张伟' });
    expect(rawCellOf({ text: 'link', hyperlink: 'http://x' })).toEqual({ ok: true, value: 'link' });
    expect(rawCellOf(undefined)).toEqual({ ok: true, value: null });
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.03.05', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026-03-05 14:30', '2026-03-05'],
    [' 2026-3-5 ', '2026-03-05'],
    ['46086', '2026-03-05'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it('reads Excel serial numbers and date cells', () => {
    expect(parseDate(46086)).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(parseDate(new Date(Date.UTC(2026, 2, 5)))).toEqual({ ok: true, value: '2026-03-05' });
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '3/5/2026', '', '0', -5, 0, 1e9, Number.NaN])(
    'refuses %s',
    (input) => {
      expect(parseDate(input as string | number).ok).toBe(false);
    },
  );

  it('reads any real date written as YYYY-M-D, YYYY/MM/DD, YYYY年M月D日, its serial number or in full width', () => {
    const day = fc.date({
      min: new Date('1900-03-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, dd] = iso.split('-').map(Number) as [number, number, number];
        const serial = Math.floor((Date.UTC(y, m - 1, dd) - Date.UTC(1899, 11, 30)) / 86_400_000);
        for (const written of [
          `${y}-${m}-${dd}`,
          iso.replaceAll('-', '/'),
          `${y}年${m}月${dd}日`,
          fullWidth(iso),
          serial,
        ])
          expect(parseDate(written)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('integers, booleans, codes, lists, text', () => {
  it('reads whole numbers typed as numbers, text, with thousands commas or in full width', () => {
    expect(parseInteger(42)).toEqual({ ok: true, value: 42 });
    expect(parseInteger('１２')).toEqual({ ok: true, value: 12 });
    expect(parseInteger('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseInteger(' -7 ')).toEqual({ ok: true, value: -7 });
    for (const bad of [1.5, '1.5', 'abc', '', '1e3']) expect(parseInteger(bad).ok).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseInteger(String(n))).toEqual({ ok: true, value: n });
        expect(parseInteger(fullWidth(String(n)).replace('-', '－'))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('reads yes and no the ways people write them', () => {
    for (const yes of ['是', 'Yes', 'TRUE', '1', 'y', true])
      expect(parseBoolean(yes)).toEqual({ ok: true, value: true });
    for (const no of ['否', 'no', 'False', '0', 0, false]) expect(parseBoolean(no)).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });

  it('folds codes to half width without spaces, and keeps a phone typed as a number whole', () => {
    expect(parseCode('１３９ １２３４ ５６７８')).toEqual({ ok: true, value: '13912345678' });
    expect(parseCode(13912345678)).toEqual({ ok: true, value: '13912345678' });
    expect(parseCode('ｚｈａｎｇ')).toEqual({ ok: true, value: 'zhang' });
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z]{1,20}$/), (code) => {
        expect(foldCode(fullWidth(code))).toBe(code);
      }),
    );
  });

  it('splits lists on commas, 、, semicolons and spaces, once each', () => {
    expect(parseList('dispatcher、inspector，dispatcher; department')).toEqual({
      ok: true,
      value: ['dispatcher', 'inspector', 'department'],
    });
  });

  it('trims text (ideographic spaces too) and counts length in characters', () => {
    expect(parseText('\u3000张伟 ')).toEqual({ ok: true, value: '张伟' });
    expect(parseText('张'.repeat(41), 40)).toEqual({ ok: false, code: 'imports.cell.too_long', params: { max: 40 } });
    expect(parseText('😀'.repeat(40), 40).ok).toBe(true);
  });

  it('a blank cell is null, or refused when the column is required', () => {
    expect(parseCell('  ', column('text'))).toEqual({ ok: true, value: null });
    expect(parseCell('\u3000', column('text', { required: true }))).toEqual({
      ok: false,
      code: 'imports.cell.required',
    });
    expect(parseCell(null, column('date', { required: true })).ok).toBe(false);
  });

  it('never throws, whatever the cell holds', () => {
    const anyCell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.date());
    const types = ['text', 'code', 'integer', 'date', 'boolean', 'list'] as const;
    fc.assert(
      fc.property(anyCell, fc.constantFrom(...types), fc.boolean(), (raw, type, required) => {
        const parsed = parseCell(raw, column(type, { required, maxLength: 10 }));
        expect(typeof parsed.ok).toBe('boolean');
        if (!parsed.ok) expect(parsed.code).toMatch(/^imports\.cell\./);
      }),
    );
  });
});
