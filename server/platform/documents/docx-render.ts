import { readFile } from 'node:fs/promises';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
} from 'docx';
import {
  bodySizeOf,
  chineseDate,
  type DocumentModel,
  type DocumentSection,
  type IssueStamp,
  typeSizes,
} from './document-model.ts';
import { blockOf, run, twipsPerMm } from './docx-blocks.ts';
import { docxFonts } from './fonts.ts';
import { qrPng } from './qr.ts';
import type { SealPlacement } from './seal.ts';
import { groupedCode } from './verification-code.ts';

const emuPerMm = 36_000;
const twips = (mm: number) => Math.round(mm * twipsPerMm);

/**
 * The same document as a Word-compatible .docx: A4 with GB/T 9704 margins, 宋体 title, 黑体 headings, 仿宋 body
 * (named, not embedded: Word and WPS carry them), tables with a repeating header row, photos, the seal floating
 * over the signature, and a footer with "第 N 页 共 M 页" (Word's PAGE and NUMPAGES fields), the QR and the code.
 */
export async function renderDocx(model: DocumentModel, stamp: IssueStamp, seal: SealPlacement): Promise<Buffer> {
  const size = bodySizeOf(model);
  const children: Array<Paragraph | Table> = [...headOf(model, size), ...sectionsOf(model.sections, size)];
  if (model.signature) children.push(...(await signatureOf(model.signature, stamp.issuedAt, seal, size)));
  // 附件 start on a page of their own, after the signed body.
  if (model.annexes?.length) children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
  children.push(...sectionsOf(model.annexes ?? [], size));
  const document = new Document({
    title: model.title,
    styles: { default: { document: { run: { font: docxFonts.body, size: size * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26), footer: twips(8) },
          },
        },
        headers: stamp.revoked ? { default: revokedHeader() } : undefined,
        footers: { default: await footerOf(stamp) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function sectionsOf(sections: readonly DocumentSection[], size: number): Array<Paragraph | Table> {
  return sections.flatMap((section) => [
    ...(section.heading ? [headingOf(section.heading, size)] : []),
    ...section.blocks.flatMap((block) => blockOf(block, size)),
  ]);
}

function headOf(model: DocumentModel, size: number): Paragraph[] {
  const lines = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(model.title, 'title', typeSizes.title, true)],
    }),
  ];
  if (model.subtitle) {
    lines.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.subtitle, 'body', size)] }));
  }
  for (const line of model.meta ?? []) lines.push(new Paragraph({ children: [run(line, 'body', typeSizes.small)] }));
  if (model.addressee)
    lines.push(new Paragraph({ spacing: { before: 200 }, children: [run(model.addressee, 'body', size)] }));
  return lines;
}

function headingOf(text: string, size: number): Paragraph {
  return new Paragraph({
    indent: { firstLine: size * 2 * 20 },
    spacing: { before: 120, after: 60 },
    keepNext: true,
    children: [run(text, 'heading', size)],
  });
}

/** Organ and date right-aligned four characters in; the seal floats centred over them, as configured. */
async function signatureOf(
  signature: NonNullable<DocumentModel['signature']>,
  issuedAt: Date,
  seal: SealPlacement,
  size: number,
): Promise<Paragraph[]> {
  const rightIndent = size * 4 * 20;
  const sealRun = signature.sealed ? [await sealImage(signature.organ, seal, size)] : [];
  return [
    new Paragraph({ spacing: { before: 600 }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: rightIndent },
      keepNext: true,
      children: [...sealRun, run(signature.organ, 'body', size)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: rightIndent },
      children: [run(chineseDate(issuedAt), 'body', size)],
    }),
  ];
}

async function sealImage(organ: string, seal: SealPlacement, size: number): Promise<ImageRun> {
  const diameterMm = seal.sizeMm;
  // The organ's name is right-aligned four characters (at `size` pt) in from the text area's right edge.
  const ptToMm = 25.4 / 72;
  const nameCentreMm = 156 - size * 4 * ptToMm - (organ.length * size * ptToMm) / 2;
  const left = nameCentreMm - diameterMm / 2 + seal.offsetMm.x;
  const top = (size * ptToMm) / 2 - diameterMm / 2 + seal.offsetMm.y;
  const pixels = Math.round((diameterMm * 96) / 25.4);
  return new ImageRun({
    type: 'png',
    data: await readFile(seal.image),
    transformation: { width: pixels, height: pixels },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.COLUMN, offset: Math.round(left * emuPerMm) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: Math.round(top * emuPerMm) },
      allowOverlap: true,
      behindDocument: false,
      wrap: { type: TextWrappingType.NONE },
    },
  });
}

async function footerOf(stamp: IssueStamp): Promise<Footer> {
  const qr = await qrPng(stamp.verifyUrl);
  const small = (text: string) => run(text, 'body', 8);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 76, height: 76 } })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
            font: docxFonts.body,
            size: typeSizes.footer * 2,
          }),
        ],
      }),
      new Paragraph({ children: [small(`验证码 ${groupedCode(stamp.code)}`)] }),
      new Paragraph({ children: [small(`核验 Verify: ${stamp.verifyUrl}`)] }),
    ],
  });
}

function revokedHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: '已作废 REVOKED', bold: true, color: 'D21F1F', size: 32, font: docxFonts.heading }),
        ],
      }),
    ],
  });
}
