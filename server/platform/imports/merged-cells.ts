import type { Readable } from 'node:stream';
import { Unzip, UnzipInflate } from 'fflate';

/**
 * Merged ranges of an .xlsx's first worksheet. exceljs' streaming reader skips `<mergeCell>` (it only keeps
 * rows), and a merged cell in a registry means one value stood for several rows (a department written once for
 * five people): each of those rows must be refused, not read as blank. So the worksheet's XML is streamed once
 * more through fflate and the ranges collected; they sit after the rows in the XML, hence a pass of their own.
 */

export interface MergedRange {
  /** As written: 'B3:B7'. */
  ref: string;
  firstRow: number;
  lastRow: number;
  /** 0 = column A. */
  firstColumn: number;
}

/** More ranges than this and the file is not a registry one can fix cell by cell: the first ones are reported. */
export const maxMergedRanges = 1000;

const worksheetEntry = /^xl\/worksheets\/sheet\d+\.xml$/;
const mergeCellPattern = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

export function columnIndexOf(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function rangeOf(match: RegExpExecArray): MergedRange {
  const [, fromColumn, fromRow, toColumn, toRow] = match as unknown as [string, string, string, string, string];
  return {
    ref: `${fromColumn}${fromRow}:${toColumn}${toRow}`,
    firstRow: Math.min(Number(fromRow), Number(toRow)),
    lastRow: Math.max(Number(fromRow), Number(toRow)),
    firstColumn: Math.min(columnIndexOf(fromColumn), columnIndexOf(toColumn)),
  };
}

/** Collects `<mergeCell ref>` of the first worksheet entry, a chunk at a time (a tag may straddle two chunks). */
function mergeCollector() {
  const ranges: MergedRange[] = [];
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  const scan = (text: string, final: boolean) => {
    const window = carry + text;
    mergeCellPattern.lastIndex = 0;
    let consumed = 0;
    for (let match = mergeCellPattern.exec(window); match; match = mergeCellPattern.exec(window)) {
      if (ranges.length < maxMergedRanges) ranges.push(rangeOf(match));
      consumed = match.index + match[0].length;
    }
    // Keep what an unfinished tag could still need; a tag is far shorter than 200 characters.
    carry = final ? '' : window.slice(Math.max(consumed, window.length - 200));
  };
  return {
    ranges,
    push(data: Uint8Array, final: boolean) {
      scan(decoder.decode(data, { stream: !final }), final);
    },
  };
}

/** The merged ranges of the first worksheet of the .xlsx read from `source` (at most `maxMergedRanges`). */
export async function readMergedRanges(source: Readable): Promise<MergedRange[]> {
  const collector = mergeCollector();
  let taken = false;
  const unzip = new Unzip((file) => {
    if (taken || !worksheetEntry.test(file.name)) return;
    taken = true;
    file.ondata = (error, data, final) => {
      if (!error) collector.push(data, final);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of source) unzip.push(chunk as Uint8Array);
    unzip.push(new Uint8Array(0), true);
  } catch {
    // A broken zip: the row reader refuses it with a message of its own.
  } finally {
    source.destroy();
  }
  return collector.ranges;
}
