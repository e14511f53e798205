import ExcelJS from 'exceljs';

/** Real spreadsheet files for tests, written by exceljs as Excel would save them. */

export interface SheetSpec {
  rows: unknown[][];
  /** Ranges to merge ('B3:B5'). */
  merges?: string[];
  /** Cells given a formula instead of a value: address → [formula, cached result]. */
  formulas?: Record<string, [string, unknown]>;
  /** Cells formatted as dates ('C2'), the value being a Date. */
  sheetName?: string;
}

/** An .xlsx as bytes: one data sheet (the first), and a second sheet the reader must ignore. */
export async function xlsxOf(spec: SheetSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName ?? 'data');
  spec.rows.forEach((row, i) => {
    const added = sheet.getRow(i + 1);
    row.forEach((value, j) => {
      const cell = added.getCell(j + 1);
      cell.value = value as ExcelJS.CellValue;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  });
  for (const range of spec.merges ?? []) sheet.mergeCells(range);
  for (const [address, [formula, result]] of Object.entries(spec.formulas ?? {}))
    sheet.getCell(address).value = { formula, result } as ExcelJS.CellFormulaValue;
  workbook.addWorksheet('notes').addRow(['说明', '这一页不是数据']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV as Excel writes it: CRLF, quoted where needed, UTF-8 with a BOM unless asked otherwise. */
export function csvOf(rows: unknown[][], bom = true): Buffer {
  const quote = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const text = rows.map((row) => row.map(quote).join(',')).join('\r\n');
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/** A tiny real PNG (1×1): a file that is not a spreadsheet whatever it is called. */
export const pngBytes = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
