import { type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { asciiXlsx } from './ascii-xlsx.ts';

/**
 * Streams the rows of an uploaded spreadsheet: the first worksheet of an .xlsx (exceljs' streaming reader) or a
 * CSV (csv-parse), one row at a time, so a 100,000-row file is never held whole. Blank rows are left out.
 */

export type SheetFormat = 'xlsx' | 'csv';

/** One row as read: cells by column position (0 = A), exceljs values or CSV strings. */
export interface SheetRow {
  rowNumber: number;
  cells: readonly unknown[];
}

/** The file is not what its bytes must be: a message code for the field error. */
export class SheetFormatError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'SheetFormatError';
  }
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE2 compound file: the Excel 97–2003 .xls (and old .doc): asked to be saved as .xlsx. */
const oleMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Files people pick by mistake, by their signatures: PDF, JPEG, GIF, RIFF (WebP), gzip, 7z, RAR, PostScript. */
const otherMagics = ['%PDF', 'ffd8ff', 'GIF8', 'RIFF', '1f8b', '377abcaf', 'Rar!', '%!PS'].map((m) =>
  /^[0-9a-f]+$/.test(m) ? Buffer.from(m, 'hex') : Buffer.from(m, 'latin1'),
);

/**
 * The format by the file's first bytes, never its name: a zip is an .xlsx candidate (the reader then needs a
 * worksheet in it), text without NUL bytes that decodes as UTF-8 or GB18030 is a CSV candidate (its header row
 * must then match the kind's template). Everything else (images, PDF, .xls, executables) is refused here.
 */
export function sniffFormat(head: Buffer): SheetFormat {
  if (head.length === 0) throw new SheetFormatError('imports.file.empty');
  if (head.subarray(0, 4).equals(zipMagic)) return 'xlsx';
  if (head.subarray(0, 8).equals(oleMagic)) throw new SheetFormatError('imports.file.legacy_xls');
  if (otherMagics.some((magic) => head.subarray(0, magic.length).equals(magic)) || head.includes(0))
    throw new SheetFormatError('imports.file.not_spreadsheet');
  const text = decoderFor(head).decode(head, { stream: true });
  // Control characters other than tab, CR and LF do not occur in a table typed by people.
  if (hasControlCharacters(text)) throw new SheetFormatError('imports.file.not_spreadsheet');
  return 'csv';
}

/** C0 controls (tab, LF and CR aside) and DEL. */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/**
 * CSV from Excel in China is usually GB18030 (GBK), elsewhere UTF-8: UTF-8 when the start decodes as UTF-8
 * (a BOM or valid sequences), else GB18030, which accepts any byte sequence Excel writes.
 */
function decoderFor(head: Buffer): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}

function decodingTransform(): Transform {
  let decoder: TextDecoder | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      decoder ??= decoderFor(chunk.subarray(0, 64 * 1024));
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder?.decode() ?? '');
    },
  });
}

function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''));
}

/** A CSV record's cells can be long text; a record over this is a broken file (an unclosed quote), not a row. */
const maxCsvRecordBytes = 256 * 1024;

async function* csvRows(source: Readable): AsyncGenerator<SheetRow> {
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: maxCsvRecordBytes });
  const decoded = source.pipe(decodingTransform());
  decoded.on('error', (error) => parser.destroy(error));
  decoded.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (!isBlankRow(record)) yield { rowNumber, cells: record };
    }
  } catch (error) {
    throw new SheetFormatError(csvErrorCode(error));
  }
}

function csvErrorCode(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('CSV_') ? 'imports.file.csv_broken' : 'imports.file.unreadable';
}

async function* xlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(asciiXlsx(source), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets += 1;
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as unknown[]).slice(1);
        if (!isBlankRow(cells)) yield { rowNumber: row.number, cells };
      }
      break; // the first worksheet only: the template's notes sheet follows it
    }
  } catch (error) {
    if (error instanceof SheetFormatError) throw error;
    throw new SheetFormatError('imports.file.unreadable');
  } finally {
    source.destroy();
  }
  if (sheets === 0) throw new SheetFormatError('imports.file.not_spreadsheet');
}

/** The rows of the file's first sheet, in order, blank rows left out. */
export function readSheetRows(source: Readable, format: SheetFormat): AsyncGenerator<SheetRow> {
  return format === 'csv' ? csvRows(source) : xlsxRows(source);
}
