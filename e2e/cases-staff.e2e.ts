import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { useLiveApp } from './support/live-app.ts';

/** A small real JPEG, as a phone would send after shrinking (the server checks type by content). */
async function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .jpeg()
    .toBuffer();
}

async function jpegBase64(): Promise<string> {
  return (await jpeg(320, 240)).toString('base64');
}

/** The horizontal overflow of the page: > 0 means a phone would have to scroll sideways. */
const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The staff side of the case loop in the real app: the dispatcher's queues, a case from intake, register, dispatch. */
describe('cases: the dispatcher works the intake queue', () => {
  const live = useLiveApp();
  let caseNo = '';

  /** A fresh report through the staff API with the session's CSRF token, so the test does not depend on demo data. */
  async function reportCase(page: Page): Promise<string> {
    const origin = new URL(page.url()).origin;
    const me = await (await page.request.get(`${origin}/api/auth/me`)).json();
    const response = await page.request.post(`${origin}/api/cases`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        categoryCode: '09006',
        lng: 113.7724,
        lat: 26.4893,
        address: '霞阳镇炎帝大道 96 号门前',
        regionCode: '430225100',
        description: '水果摊占用人行道经营（端到端测试）',
        photos: [{ data: await jpegBase64() }],
      },
    });
    expect(response.status()).toBe(201);
    return (await response.json()).caseNo;
  }

  it('registers and dispatches a case from the intake queue (desktop)', async () => {
    const page = await live.signIn('dispatcher', 1280);
    caseNo = await reportCase(page);

    await page.goto(new URL('/m/cases', page.url()).toString());
    const queues = page.getByTestId('case-queues');
    await queues.waitFor();
    expect(await queues.getByTestId('case-queue-intake').textContent()).toContain('待受理');
    await queues.getByTestId('case-queue-department').waitFor({ state: 'detached' });
    await page.getByTestId('case-table').locator('tr.ant-table-row').first().waitFor();

    // Find it by number, as a clerk would after a phone call.
    await page.getByTestId('case-filter-q').fill(caseNo);
    await page.getByTestId('case-filter-submit').click();
    await page.waitForURL(/q=/);
    const link = page.getByTestId(`case-link-${caseNo}`);
    await link.waitFor();
    await page.screenshot({ path: screenshotPath('cases-queues-desktop') });
    await link.click();

    const header = page.getByTestId('case-header');
    await header.getByText(caseNo).waitFor();
    await header.getByText('待受理').waitFor();
    await page.getByTestId('case-photos-report').locator('img').first().waitFor();
    expect(await page.getByTestId('case-timeline').textContent()).toContain('上报');

    await page.getByTestId('case-action-register').click();
    const register = page.getByTestId('action-dialog-register');
    await register.getByTestId('action-field-note').fill('属实，予以立案');
    await register.getByTestId('action-submit').click();
    await header.getByText('已立案待派遣').waitFor();

    await page.getByTestId('case-action-dispatch').click();
    const dispatch = page.getByTestId('action-dialog-dispatch');
    await dispatch.getByRole('combobox').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '县城市管理和综合执法局' }).click();
    await dispatch.getByTestId('action-submit').click();
    await header.getByText('已派遣').waitFor();
    const timeline = (await page.getByTestId('case-timeline').textContent()) ?? '';
    expect(timeline).toContain('立案');
    expect(timeline).toContain('属实，予以立案');
    expect(timeline).toContain('县城市管理和综合执法局');
    expect(await page.getByTestId('case-facts').textContent()).toContain('县城市管理和综合执法局');
    await page.screenshot({ path: screenshotPath('cases-case-desktop'), fullPage: true });

    await page.getByTestId('case-back').click();
    await page.getByTestId('case-open-map').click();
    await page.getByTestId('case-outline-map').waitFor();
    await page.getByTestId('map-no-outline').waitFor();
    await page.screenshot({ path: screenshotPath('cases-map-desktop') });
    await page.close();
  });

  it('works on a 390 px phone: cards, the case page and the map', async () => {
    const page = await live.signIn('dispatcher', 390);
    await page.goto(new URL('/m/cases?tab=all', page.url()).toString());
    const cards = page.getByTestId('case-cards');
    await cards.waitFor();
    await cards.locator('.wm-case-card').first().waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('cases-queues-phone') });

    await page.goto(new URL(`/m/cases/${caseNo}`, page.url()).toString());
    await page.getByTestId('case-header').getByText('已派遣').waitFor();
    await page.getByTestId('case-timeline').waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('cases-case-phone'), fullPage: true });

    await page.goto(new URL('/m/cases/map?tab=all', page.url()).toString());
    const map = page.getByTestId('case-outline-map');
    await map.waitFor();
    await map.locator(`[data-testid="map-point-${caseNo}"]`).waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('cases-map-phone'), fullPage: true });
    // Points in the county seat overlap; the keyboard reaches exactly this one.
    await map.locator(`[data-testid="map-point-${caseNo}"]`).press('Enter');
    await page.waitForURL(new RegExp(`/m/cases/${caseNo}$`));
    await page.close();
  });

  it('the department accepts and reports back with a phone-sized photo, shrunk in the browser', async () => {
    const page = await live.signIn('dept.chengguan', 390);
    await page.goto(new URL(`/m/cases/${caseNo}`, page.url()).toString());
    const header = page.getByTestId('case-header');
    await header.getByText('已派遣').waitFor();
    await page.getByTestId('case-action-accept').click();
    await page.getByTestId('action-dialog-accept').getByTestId('action-submit').click();
    await header.getByText('处置中').waitFor();

    await page.getByTestId('case-action-feedback').click();
    const feedback = page.getByTestId('action-dialog-feedback');
    await feedback.getByTestId('action-field-result').fill('已劝离摊贩，恢复人行道通行');
    // A 12 MP photo straight from a phone camera: sent at 2560 px on its long side.
    await feedback
      .getByTestId('photo-input')
      .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await jpeg(4000, 3000) });
    await feedback.getByRole('img', { name: '已选第 1 张照片' }).waitFor();
    await page.screenshot({ path: screenshotPath('cases-feedback-phone') });
    await feedback.getByTestId('action-submit').click();
    await header.getByText('待核查').waitFor();
    await page.getByTestId('case-photos-handle').locator('img').first().waitFor();

    const detail = await (await page.request.get(new URL(`/api/cases/${caseNo}`, page.url()).toString())).json();
    const handled = detail.photos.filter((photo: { stage: string }) => photo.stage === 'handle');
    expect(handled.map((photo: { width: number; height: number }) => [photo.width, photo.height])).toEqual([
      [2560, 1920],
    ]);
    await page.close();
  });
});
