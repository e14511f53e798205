import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvOf, pngBytes, xlsxOf } from './imports.test-support.ts';
import { readMergedRanges } from './merged-cells.ts';
import { readSheetRows, type SheetFormat, SheetFormatError, sniffFormat } from './sheet-reader.ts';

async function rowsOf(bytes: Buffer, format: SheetFormat) {
  const rows = [];
  for await (const row of readSheetRows(Readable.from([bytes]), format)) rows.push(row);
  return rows;
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as SheetFormatError).code;
  }
  return null;
};

describe('what a file is, by its bytes', () => {
  it('takes a zip as .xlsx and text as CSV, whatever the name', async () => {
    expect(sniffFormat(await xlsxOf({ rows: [['a']] }))).toBe('xlsx');
    expect(sniffFormat(csvOf([['用户名', '姓名']]))).toBe('csv');
    // 用户名,姓名 in GB18030, as Excel in China saves a CSV
    expect(sniffFormat(Buffer.from('d3c3bba7c3fb2cd0d5c3fb0d0a', 'hex'))).toBe('csv');
  });

  it('refuses images, PDFs, old .xls, empty and binary files', () => {
    expect(codeOf(() => sniffFormat(pngBytes))).toBe('imports.file.not_spreadsheet');
    expect(codeOf(() => sniffFormat(Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj', 'latin1')))).toBe(
      'imports.file.not_spreadsheet',
    );
    expect(codeOf(() => sniffFormat(Buffer.from('d0cf11e0a1b11ae1000000', 'hex')))).toBe('imports.file.legacy_xls');
    expect(codeOf(() => sniffFormat(Buffer.alloc(0)))).toBe('imports.file.empty');
    expect(codeOf(() => sniffFormat(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01])))).toBe(
      'imports.file.not_spreadsheet',
    );
  });
});

describe('reading rows', () => {
  it('streams the first sheet of an .xlsx written by exceljs: numbers, dates, text; blank rows left out', async () => {
    const day = new Date(Date.UTC(2026, 2, 5));
    const bytes = await xlsxOf({
      rows: [['用户名', '到期'], ['zhang', day], [], ['li', 46086], [null, null], ['wang', '2026/3/5']],
    });
    const rows = await rowsOf(bytes, 'xlsx');
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 6]);
    expect(rows[1]!.cells).toEqual(['zhang', day]);
    expect(rows[2]!.cells).toEqual(['li', 46086]);
    expect(rows[3]!.cells).toEqual(['wang', '2026/3/5']);
  });

  it('hands formulas over as formulas (refused later) and finds merged ranges in a pass of their own', async () => {
    const bytes = await xlsxOf({
      rows: [
        ['a', 'b'],
        ['x', 1],
        ['y', 2],
        ['z', 3],
      ],
      merges: ['A2:A3'],
      formulas: { B4: ['B2+B3', 3] },
    });
    const rows = await rowsOf(bytes, 'xlsx');
    expect(rows[3]!.cells[1]).toMatchObject({ formula: 'B2+B3' });
    expect(await readMergedRanges(Readable.from([bytes]))).toEqual([
      { ref: 'A2:A3', firstRow: 2, lastRow: 3, firstColumn: 0 },
    ]);
  });

  it('reads UTF-8 (with a BOM) and GB18030 CSV, quoted commas and line breaks included', async () => {
    const rows = await rowsOf(
      csvOf([
        ['用户名', '说明'],
        ['zhang', '甲,乙'],
        ['li', '第一行\n第二行'],
      ]),
      'csv',
    );
    expect(rows.map((r) => r.cells)).toEqual([
      ['用户名', '说明'],
      ['zhang', '甲,乙'],
      ['li', '第一行\n第二行'],
    ]);
    const gb = await rowsOf(Buffer.from('d3c3bba7c3fb2cd0d5c3fb0d0a7a68616e672cd5c5ceb00d0a', 'hex'), 'csv');
    expect(gb.map((r) => r.cells)).toEqual([
      ['用户名', '姓名'],
      ['zhang', '张伟'],
    ]);
  });

  it('keeps every Chinese character whole, however the XML is cut into chunks (20,000 rows)', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => [`第${i}号`, '是', `张${'伟'.repeat(i % 7)}😀`]);
    const rows = await rowsOf(await xlsxOf({ rows: names }), 'xlsx');
    expect(rows).toHaveLength(names.length);
    expect(rows.filter((row, i) => JSON.stringify(row.cells) !== JSON.stringify(names[i]))).toEqual([]);
  });

  it('refuses a zip that holds no worksheet, and a CSV with an unclosed quote', async () => {
    const { zipSync } = await import('fflate');
    const docx = Buffer.from(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') }));
    await expect(rowsOf(docx, 'xlsx')).rejects.toMatchObject({ code: 'imports.file.not_spreadsheet' });
    await expect(rowsOf(Buffer.from('a,b\r\n"x,y\r\n'), 'csv')).rejects.toBeInstanceOf(SheetFormatError);
  });
});
