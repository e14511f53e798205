import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocumentBlock, DocumentPhoto, TableColumn } from './document-model.ts';
import { docxFonts } from './fonts.ts';

/** Twips (1/1440 in) per millimetre; the text width is 156 mm (A4 less GB/T 9704's margins). */
export const twipsPerMm = 1440 / 25.4;
export const textWidthTwips = Math.round(156 * twipsPerMm);
const pxPerMm = 96 / 25.4;

/** A run in one of the three faces; `size` in points (docx counts half-points). */
export function run(text: string, face: keyof typeof docxFonts, size: number, bold = false): TextRun {
  return new TextRun({ text, font: docxFonts[face], size: size * 2, bold });
}

export function blockOf(block: DocumentBlock, size: number): Array<Paragraph | Table> {
  if (block.type === 'paragraph') {
    const indent = block.indent ?? true;
    return [
      new Paragraph({
        children: [run(block.text, 'body', size)],
        // 首行缩进两字 (2 characters at the body size), lines at a fixed 28 pt pitch as 公文 set them.
        indent: indent ? { firstLine: size * 2 * 20 } : undefined,
        spacing: { line: 560, lineRule: 'exact' },
      }),
    ];
  }
  if (block.type === 'keyValue') return [ruledTable([1, 3], block.rows, { shadeFirstColumn: true })];
  if (block.type === 'table') return [tableOf(block.columns, block.rows)];
  return [photoTable(block.photos)];
}

function tableOf(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): Table {
  return ruledTable(
    columns.map((c) => c.weight),
    [columns.map((c) => c.title), ...rows],
    { header: true },
  );
}

function ruledTable(
  weights: readonly number[],
  rows: readonly (readonly string[])[],
  style: { header?: boolean; shadeFirstColumn?: boolean },
): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((textWidthTwips * w) / total));
  return new Table({
    width: { size: textWidthTwips, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: style.header === true && r === 0,
          cantSplit: true,
          children: cells.map((cell, c) => {
            const strong = (style.header === true && r === 0) || (style.shadeFirstColumn === true && c === 0);
            return new TableCell({
              width: { size: widths[c] ?? 0, type: WidthType.DXA },
              shading: strong ? { fill: 'F0F0F0', type: ShadingType.CLEAR, color: 'auto' } : undefined,
              margins: { top: 60, bottom: 60, left: 100, right: 100 },
              children: [new Paragraph({ children: [run(cell, strong ? 'heading' : 'body', 12)] })],
            });
          }),
        }),
    ),
  });
}

const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** Photos two to a row in a borderless table, each scaled into half the text width (at most 70 mm tall). */
function photoTable(photos: readonly DocumentPhoto[]): Table {
  const cellMm = 75;
  const rows: TableRow[] = [];
  for (let i = 0; i < photos.length; i += 2) {
    const pair = photos.slice(i, i + 2);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [0, 1].map((j) => {
          const photo = pair[j];
          return new TableCell({
            width: { size: Math.round(textWidthTwips / 2), type: WidthType.DXA },
            borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder },
            children: photo ? photoCell(photo, cellMm) : [new Paragraph('')],
          });
        }),
      }),
    );
  }
  return new Table({ width: { size: textWidthTwips, type: WidthType.DXA }, rows });
}

function photoCell(photo: DocumentPhoto, cellMm: number): Paragraph[] {
  const scale = Math.min(cellMm / photo.width, 70 / photo.height);
  const width = Math.round(photo.width * scale * pxPerMm);
  const height = Math.round(photo.height * scale * pxPerMm);
  const type = photo.content.subarray(0, 4).toString('hex') === '89504e47' ? 'png' : 'jpg';
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type, data: photo.content, transformation: { width, height } })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(photo.caption, 'body', 10.5)] }),
  ];
}
