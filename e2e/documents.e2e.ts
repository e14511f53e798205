import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inkShare, pdfPages, pdfToPngs, qrOnPage } from '../server/platform/documents/document-files.test-support.ts';
import { screenshotPath } from './support/browser.ts';
import { useLiveApp } from './support/live-app.ts';

/** The case file printed from the case page, its pages looked at, then its QR followed to the verification page. */
describe('documents: the case file and its verification page', () => {
  const live = useLiveApp();
  let caseNo = '';
  let verifyUrl = '';

  /** A fresh case through the staff API (the session's CSRF token), so the test does not depend on demo data. */
  async function reportCase(page: Page): Promise<string> {
    const origin = new URL(page.url()).origin;
    const me = await (await page.request.get(`${origin}/api/auth/me`)).json();
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c87a3c' } })
      .jpeg()
      .toBuffer();
    const response = await page.request.post(`${origin}/api/cases`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        categoryCode: '09006',
        lng: 113.7724,
        lat: 26.4893,
        address: '霞阳镇炎帝大道 96 号门前',
        regionCode: '430225100',
        description: '水果摊占用人行道经营（文书端到端测试）',
        photos: [{ data: photo.toString('base64') }],
      },
    });
    expect(response.status()).toBe(201);
    return (await response.json()).caseNo;
  }

  async function printCaseFile(page: Page): Promise<Buffer> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('print-case-file-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`case-file-${caseNo}.pdf`);
    return readFile(await download.path());
  }

  it('prints the case file from the case page: real A4 pages with text, page numbers and a QR', async () => {
    const page = await live.signIn('dispatcher');
    caseNo = await reportCase(page);
    await page.goto(new URL(`/m/cases/${caseNo}`, page.url()).toString());
    const card = page.getByTestId('case-documents');
    await card.waitFor();
    expect(await page.getByTestId('print-rectification-notice-pdf').isDisabled()).toBe(true);

    const pdf = await printCaseFile(page);
    const text = (await pdfPages(pdf)).join('\n');
    expect(text).toContain('市容案件案卷');
    expect(text).toContain(caseNo);
    expect(text).toMatch(/第 1 页 共 \d+ 页/);

    const pngs = await pdfToPngs(pdf, 100);
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const png of pngs) {
      const { width, height } = await sharp(png).metadata();
      // A4 at 100 dpi: 827 × 1169 px.
      expect(Math.abs((width ?? 0) - 827)).toBeLessThanOrEqual(2);
      expect(Math.abs((height ?? 0) - 1169)).toBeLessThanOrEqual(2);
      expect(await inkShare(png)).toBeGreaterThan(0.01);
    }
    await sharp(pngs[0]).toFile(screenshotPath('documents-case-file-page-1'));
    const qr = await qrOnPage((await pdfToPngs(pdf, 150))[0] as Buffer);
    expect(qr).toMatch(/\/verify\/[a-z2-7]{32}$/);
    verifyUrl = qr as string;

    // The issued list shows it, its code linking to the verification page.
    const issued = card.getByTestId('issued-document');
    await issued.first().waitFor();
    expect(await issued.first().textContent()).toContain('市容案件案卷');
    await page.close();
  });

  it('opens the verification page from the QR on a phone and sees the document', async () => {
    const phone = await live.open(new URL(verifyUrl).pathname, 390);
    await phone.getByTestId('verify-status-valid').waitFor();
    const result = await phone.getByTestId('verify-result').textContent();
    expect(result).toContain('市容案件案卷');
    expect(result).toContain('数字化城市管理监督指挥中心');
    expect(result).not.toContain('水果摊');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: screenshotPath('documents-verify-phone'), fullPage: true });
    await phone.close();
  });

  it('after revocation from the case page the verification page shows it revoked, with the reason', async () => {
    const page = await live.signIn('dispatcher');
    await page.goto(new URL(`/m/cases/${caseNo}`, page.url()).toString());
    await page.getByTestId('document-revoke').first().click();
    const dialog = page.getByTestId('document-revoke-dialog');
    await dialog.getByTestId('document-revoke-reason').fill('案件信息有误，重新出具');
    await dialog.getByTestId('document-revoke-dialog-ok').click();
    await page.getByTestId('case-documents').getByText('已作废').waitFor();
    await page.close();

    const phone = await live.open(new URL(verifyUrl).pathname, 390);
    const revoked = phone.getByTestId('verify-status-revoked');
    await revoked.waitFor();
    expect(await revoked.textContent()).toContain('案件信息有误，重新出具');
    await phone.screenshot({ path: screenshotPath('documents-verify-revoked-phone'), fullPage: true });
    await phone.close();
  });
});
