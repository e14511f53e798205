import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, splitCsvLine } from './csv.ts';

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

describe('csv', () => {
  it('reads quoted and unquoted cells with a header', () => {
    expect(parseCsv('code,name\n430225,"炎陵县"\n430225100,"霞阳镇"\n')).toEqual([
      { code: '430225', name: '炎陵县' },
      { code: '430225100', name: '霞阳镇' },
    ]);
  });

  it('round-trips any cells written with quotes (commas, quotes, Chinese)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '镇', ' ', '1') });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        expect(splitCsvLine(cells.map(quote).join(','))).toEqual(cells);
      }),
    );
  });
});
