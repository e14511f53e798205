import type PDFDocument from 'pdfkit';
import { type DocumentBlock, type DocumentPhoto, mm, type TableColumn, typeSizes } from './document-model.ts';

type Pdf = InstanceType<typeof PDFDocument>;

/** What a block needs besides itself: the body size and the line gap the document uses. */
export interface Flow {
  size: number;
  lineGap: number;
}

const cellPadding = 4;
const ruleColour = '#444444';
const keyShade = '#f0f0f0';

export const textWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
export function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

export function drawBlock(doc: Pdf, block: DocumentBlock, flow: Flow): void {
  switch (block.type) {
    case 'paragraph':
      drawParagraph(doc, block.text, block.indent ?? true, flow);
      break;
    case 'keyValue':
      drawKeyValue(doc, block.rows);
      break;
    case 'table':
      drawTable(doc, block.columns, block.rows);
      break;
    case 'photos':
      drawPhotos(doc, block.photos);
      break;
  }
}

/**
 * A paragraph, its first line indented two characters (公文 body text). pdfkit breaks lines by UAX #14, which
 * allows a break between any two ideographs and keeps closing punctuation off a line's start (避头).
 */
function drawParagraph(doc: Pdf, text: string, indent: boolean, flow: Flow): void {
  doc.font('body').fontSize(flow.size);
  ensureRoom(doc, flow.size + flow.lineGap);
  doc.text(text, doc.page.margins.left, doc.y, {
    width: textWidth(doc),
    indent: indent ? flow.size * 2 : 0,
    lineGap: flow.lineGap,
  });
  doc.moveDown(0.2);
}

function drawKeyValue(doc: Pdf, rows: readonly (readonly [string, string])[]): void {
  const columns = [
    { title: '', weight: 1 },
    { title: '', weight: 3 },
  ];
  drawRows(doc, widthsOf(doc, columns), rows, { shadeFirstColumn: true });
  doc.moveDown(0.5);
}

function drawTable(doc: Pdf, columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
  const widths = widthsOf(doc, columns);
  const header = columns.map((c) => c.title);
  drawRows(doc, widths, [header, ...rows], { header });
  doc.moveDown(0.5);
}

function widthsOf(doc: Pdf, columns: readonly TableColumn[]): number[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  return columns.map((c) => (textWidth(doc) * c.weight) / total);
}

interface RowStyle {
  /** Repeated at the top of each new page the table runs onto. */
  header?: readonly string[];
  shadeFirstColumn?: boolean;
}

/** Rows of ruled cells in 小四; a row that does not fit moves whole to the next page (with the header again). */
function drawRows(doc: Pdf, widths: readonly number[], rows: readonly (readonly string[])[], style: RowStyle): void {
  doc.font('body').fontSize(typeSizes.small);
  rows.forEach((cells, index) => {
    const height = rowHeight(doc, widths, cells);
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      if (style.header && index > 0) drawRow(doc, widths, style.header, rowHeight(doc, widths, style.header), true);
    }
    drawRow(doc, widths, cells, height, index === 0 && style.header !== undefined, style.shadeFirstColumn);
  });
}

function rowHeight(doc: Pdf, widths: readonly number[], cells: readonly string[]): number {
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * cellPadding }),
  );
  return Math.max(...heights) + 2 * cellPadding;
}

function drawRow(
  doc: Pdf,
  widths: readonly number[],
  cells: readonly string[],
  height: number,
  bold: boolean,
  shade = false,
) {
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    if (bold || (shade && i === 0)) doc.rect(x, top, width, height).fill(keyShade);
    doc.lineWidth(0.5).strokeColor(ruleColour).rect(x, top, width, height).stroke();
    doc
      .fillColor('black')
      .font(bold ? 'heading' : 'body')
      .fontSize(typeSizes.small);
    doc.text(cell, x + cellPadding, top + cellPadding, { width: width - 2 * cellPadding, lineBreak: true });
    x += width;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/** Photos two to a row, each scaled into half the text width (at most 70 mm tall), its caption under it. */
function drawPhotos(doc: Pdf, photos: readonly DocumentPhoto[]): void {
  const gap = mm(6);
  const cell = (textWidth(doc) - gap) / 2;
  for (let i = 0; i < photos.length; i += 2) {
    const pair = photos.slice(i, i + 2);
    const heights = pair.map((p) => Math.min(mm(70), (cell * p.height) / Math.max(1, p.width)));
    const rowHeight = Math.max(...heights) + typeSizes.footer * 2 + 6;
    ensureRoom(doc, rowHeight);
    const top = doc.y;
    pair.forEach((photo, j) => {
      const x = doc.page.margins.left + j * (cell + gap);
      doc.image(photo.content, x, top, { fit: [cell, heights[j] ?? cell], align: 'center' });
      doc.font('body').fontSize(typeSizes.footer).fillColor('black');
      doc.text(photo.caption, x, top + (heights[j] ?? 0) + 3, { width: cell, align: 'center' });
    });
    doc.x = doc.page.margins.left;
    doc.y = top + rowHeight;
  }
}
