import PDFDocument from 'pdfkit';
import {
  bodySizeOf,
  chineseDate,
  type DocumentModel,
  type DocumentSection,
  type DocumentSignature,
  type IssueStamp,
  mm,
  pageLabel,
  pageMargins,
  typeSizes,
} from './document-model.ts';
import { pdfFontData } from './fonts.ts';
import { drawBlock, ensureRoom, type Flow, textWidth } from './pdf-blocks.ts';
import { qrPng } from './qr.ts';
import type { SealPlacement } from './seal.ts';
import { groupedCode } from './verification-code.ts';

type Pdf = InstanceType<typeof PDFDocument>;

/**
 * The document as an A4 PDF: GB/T 9704 margins, the title in 2号 bold serif, body in 3号 (or 四号 for files),
 * headings in bold sans, the seal over the signature, and on every page the verification QR and code and
 * "第 N 页 共 M 页". Fonts are embedded as subsets (pdfkit + fontkit), so the file opens the same anywhere.
 */
export async function renderPdf(model: DocumentModel, stamp: IssueStamp, seal: SealPlacement): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: pageMargins,
    bufferPages: true,
    info: { Title: model.title, Subject: `verify ${stamp.code}`, Producer: 'wenming' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const [name, data] of Object.entries(pdfFontData())) doc.registerFont(name, data);
  const flow: Flow = { size: bodySizeOf(model), lineGap: model.density === 'compact' ? 4 : 6.8 };
  drawHead(doc, model, flow);
  drawSections(doc, model.sections, flow);
  if (model.signature) drawSignature(doc, model.signature, stamp.issuedAt, seal, flow);
  // 附件 start on a page of their own, after the signed body (GB/T 9704 §8.2: the annex follows the document).
  if (model.annexes?.length) {
    doc.addPage();
    drawSections(doc, model.annexes, flow);
  }
  await drawPageFurniture(doc, stamp);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawSections(doc: Pdf, sections: readonly DocumentSection[], flow: Flow): void {
  for (const section of sections) {
    if (section.heading) drawHeading(doc, section.heading, flow);
    for (const block of section.blocks) drawBlock(doc, block, flow);
  }
}

function drawHead(doc: Pdf, model: DocumentModel, flow: Flow): void {
  const width = textWidth(doc);
  doc.font('title').fontSize(typeSizes.title).text(model.title, { width, align: 'center', lineGap: 6 });
  if (model.subtitle) doc.font('body').fontSize(flow.size).text(model.subtitle, { width, align: 'center' });
  doc.moveDown(0.6);
  for (const line of model.meta ?? []) doc.font('body').fontSize(typeSizes.small).text(line, { width });
  if (model.meta?.length) doc.moveDown(0.5);
  if (model.addressee) doc.font('body').fontSize(flow.size).text(model.addressee, { width, lineGap: flow.lineGap });
}

function drawHeading(doc: Pdf, heading: string, flow: Flow): void {
  ensureRoom(doc, flow.size * 3);
  doc.moveDown(0.3);
  doc
    .font('heading')
    .fontSize(flow.size)
    .text(heading, doc.page.margins.left, doc.y, {
      width: textWidth(doc),
      indent: flow.size * 2,
      lineGap: flow.lineGap,
    });
}

/**
 * 落款: the organ's name and the date right-aligned, four characters in from the right (GB/T 9704 §7.3.5.1),
 * the seal centred over them as configured. Moves to a new page whole when it does not fit.
 */
function drawSignature(doc: Pdf, signature: DocumentSignature, issuedAt: Date, seal: SealPlacement, flow: Flow) {
  ensureRoom(doc, mm(seal.sizeMm) + flow.size * 2);
  doc.moveDown(2);
  const right = doc.page.margins.left + textWidth(doc) - flow.size * 4;
  const date = chineseDate(issuedAt);
  doc.font('body').fontSize(flow.size);
  const width = Math.max(doc.widthOfString(signature.organ), doc.widthOfString(date));
  const top = doc.y;
  doc.text(signature.organ, right - width, top, { width, align: 'center', lineBreak: false });
  doc.text(date, right - width, top + flow.size + flow.lineGap, { width, align: 'center', lineBreak: false });
  if (signature.sealed) {
    const size = mm(seal.sizeMm);
    const cx = right - width / 2 + mm(seal.offsetMm.x);
    const cy = top + flow.size / 2 + mm(seal.offsetMm.y);
    // Seal ink over the text: slightly translucent, so the organ's name and the date stay legible through it.
    doc.save().opacity(0.85);
    doc.image(seal.image, cx - size / 2, cy - size / 2, { width: size, height: size });
    doc.restore();
  }
  doc.x = doc.page.margins.left;
  const sealBottom = signature.sealed ? top + flow.size / 2 + mm(seal.offsetMm.y) + mm(seal.sizeMm) / 2 : 0;
  doc.y = Math.max(top + 2 * (flow.size + flow.lineGap), sealBottom) + flow.size;
}

/** On each page: the page count centred, the QR of the verification URL and the code in the bottom margin. */
async function drawPageFurniture(doc: Pdf, stamp: IssueStamp): Promise<void> {
  const qr = await qrPng(stamp.verifyUrl);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // text in the margin must not start a new page
    const { width, height } = doc.page;
    const size = mm(20);
    const left = doc.page.margins.left;
    doc.image(qr, width - doc.page.margins.right - size, height - mm(31), { width: size, height: size });
    doc.font('body').fontSize(typeSizes.footer).fillColor('black');
    doc.text(pageLabel(i - range.start + 1, range.count), left, height - mm(22), {
      width: textWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.fontSize(8).text(`验证码 ${groupedCode(stamp.code)}`, left, height - mm(14), { lineBreak: false });
    doc.text(`核验 Verify: ${stamp.verifyUrl}`, left, height - mm(10), { lineBreak: false });
    if (stamp.revoked) drawRevoked(doc);
    doc.page.margins.bottom = bottomMargin;
  }
}

function drawRevoked(doc: Pdf): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.font('heading').fontSize(96).fillColor('#d21f1f').opacity(0.35);
  doc.text('已作废', 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.opacity(1).fillColor('black');
}
