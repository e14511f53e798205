import { describe, expect, it } from 'vitest';
import { pageLabel } from './document-model.ts';
import { docxParts, docxText, inkShare, pdfPages, pdfToPngs, qrOnPage } from './document-files.test-support.ts';
import { sampleModel, sampleStamp } from './document.fixtures.ts';
import { renderDocx } from './docx-render.ts';
import { renderPdf } from './pdf-render.ts';
import { demoSeal } from './seal.ts';

const grouped = 'abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567';

describe('PDF rendering', () => {
  it('prints the Chinese title, tables, page numbers and the code on every page, in embedded subset fonts', async () => {
    const pdf = await renderPdf(await sampleModel(), sampleStamp, demoSeal);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Three 10–15 MB faces are embedded as subsets: the whole file stays small.
    expect(pdf.length).toBeLessThan(400_000);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('市容案件案卷');
    expect(pages[0]).toContain('一、基本情况');
    expect(pages[0]).toContain('430225-20261207-0001');
    pages.forEach((text, i) => {
      expect(text).toContain(pageLabel(i + 1, 3));
      expect(text).toContain(`验证码 ${grouped}`);
    });
    // The table runs onto the next pages with its header row again.
    expect(pages[1]).toContain('处置人员20');
    expect(pages[1]?.startsWith('时间 环节 经办 说明')).toBe(true);
    expect(pages[2]).toContain('攸县城市管理局（演示）');
    expect(pages[2]).toContain('2026年12月7日');
  });

  it('carries a QR code of the verification URL on every page, readable from the rendered page', async () => {
    const pdf = await renderPdf(await sampleModel(), sampleStamp, demoSeal);
    const pngs = await pdfToPngs(pdf, 150);
    expect(pngs).toHaveLength(3);
    for (const png of pngs) {
      expect(await qrOnPage(png)).toBe(sampleStamp.verifyUrl);
      expect(await inkShare(png)).toBeGreaterThan(0.01);
    }
  });

  it('prints 附件 after the signature, on a page of their own', async () => {
    const model = {
      title: '整改通知书',
      sections: [{ blocks: [{ type: 'paragraph' as const, text: '特此通知。' }] }],
      signature: { organ: '演示机关', sealed: true },
      annexes: [
        { heading: '附：问题情况', blocks: [{ type: 'keyValue' as const, rows: [['案件编号', '2026-1']] as const }] },
      ],
    };
    const pages = await pdfPages(await renderPdf(model, sampleStamp, demoSeal));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('演示机关');
    expect(pages[0]).not.toContain('附：问题情况');
    expect(pages[1]).toContain('附：问题情况');
    const xml = docxText(await renderDocx(model, sampleStamp, demoSeal), 'word/document.xml');
    expect(xml.indexOf('w:pageBreakBefore')).toBeGreaterThan(xml.indexOf('演示机关'));
    expect(xml.indexOf('附：问题情况')).toBeGreaterThan(xml.indexOf('w:pageBreakBefore'));
  });

  it('marks every page of a revoked document 已作废', async () => {
    const pdf = await renderPdf(await sampleModel(), { ...sampleStamp, revoked: true }, demoSeal);
    for (const text of await pdfPages(pdf)) expect(text).toContain('已作废');
    const live = await renderPdf(await sampleModel(), sampleStamp, demoSeal);
    for (const text of await pdfPages(live)) expect(text).not.toContain('已作废');
  });

  it('places the seal (a red image) over the signature only when the model asks for it', async () => {
    const model = await sampleModel();
    const redOn = async (sealed: boolean) => {
      const pdf = await renderPdf(
        { ...model, sections: [], signature: { organ: '演示机关', sealed } },
        sampleStamp,
        demoSeal,
      );
      const [png] = await pdfToPngs(pdf, 50);
      const sharp = (await import('sharp')).default;
      const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      let red = 0;
      for (let i = 0; i < data.length; i += 3) if ((data[i] ?? 0) > 180 && (data[i + 1] ?? 255) < 90) red += 1;
      return red;
    };
    expect(await redOn(true)).toBeGreaterThan(300);
    expect(await redOn(false)).toBe(0);
  });
});

describe('.docx rendering', () => {
  it('writes the title, sections, tables and photos into word/document.xml, A4 with GB/T 9704 margins', async () => {
    const docx = await renderDocx(await sampleModel(), sampleStamp, demoSeal);
    const xml = docxText(docx, 'word/document.xml');
    expect(xml).toContain('市容案件案卷');
    expect(xml).toContain('一、基本情况');
    expect(xml).toContain('处置人员24');
    expect(xml).toContain('w:tblHeader');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('2026年12月7日');
    // Two photos and the seal (floating over the signature) and the QR in the footer.
    const media = Object.keys(docxParts(docx)).filter((p) => p.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(4);
    expect(xml).toContain('<wp:anchor');
  });

  it('numbers pages "第 N 页 共 M 页" with Word fields and prints the code and URL in the footer', async () => {
    const docx = await renderDocx(await sampleModel(), sampleStamp, demoSeal);
    const footer = docxText(docx, 'word/footer1.xml');
    expect(footer).toMatch(/第 .*PAGE.* 页 共 .*NUMPAGES.* 页/s);
    expect(footer).toContain(`验证码 ${grouped}`);
    expect(footer).toContain(sampleStamp.verifyUrl);
  });

  it('heads a revoked document 已作废', async () => {
    const docx = await renderDocx(await sampleModel(), { ...sampleStamp, revoked: true }, demoSeal);
    expect(docxText(docx, 'word/header1.xml')).toContain('已作废');
  });
});
