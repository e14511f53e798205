import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import jsQRModule from 'jsqr';
import sharp from 'sharp';

const run = promisify(execFile);

type QrDecoder = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsQR's CommonJS export is the function itself; its types declare an ES default, which Node's interop hides. */
const jsQR = ((jsQRModule as unknown as { default?: QrDecoder }).default ?? jsQRModule) as unknown as QrDecoder;

/** The text of each page, as pdf.js (legacy build, for Node) extracts it: what a reader's copy-paste gives. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await document.destroy();
  return pages;
}

/** The files of a .docx (a zip), by path. */
export function docxParts(docx: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(docx));
}

export function docxText(docx: Buffer, path: string): string {
  const part = docxParts(docx)[path];
  if (!part) throw new Error(`${path} is not in the .docx`);
  return Buffer.from(part).toString('utf8');
}

/** The pages as PNG files, rendered by poppler's pdftoppm (Debian poppler-utils) at `dpi`. */
export async function pdfToPngs(pdf: Buffer, dpi = 100): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'wenming-pdf-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    return Promise.all(names.map((n) => readFile(join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Decodes the QR code found on a rendered page (jsQR over its pixels); null when there is none. */
export async function qrOnPage(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

/** Share of a page's pixels that are not white: 0 for a blank page. */
export async function inkShare(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (const value of data) if (value < 200) ink += 1;
  return ink / (info.width * info.height);
}
