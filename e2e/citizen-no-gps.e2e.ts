import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { useLiveApp } from './support/live-app.ts';

const demoPassword = 'Demo#Yanling2026';
const phone = { width: 390, height: 844 };

/**
 * Issue 12, "a citizen reporting without GPS": a resident on a phone lands on `/` (the staff sign-in page),
 * follows 我要随手拍, refuses the location prompt, picks the township and types the address, adds a photo,
 * sends, and follows the case with its number and code from `/` again. One location message at a time, no error
 * before they tried to go on, nothing sideways at 390 px.
 */
describe('a citizen reports without GPS, from the sign-in page', () => {
  const live = useLiveApp();
  const base = () => live.server.url.replace('127.0.0.1', 'localhost');
  const contexts: BrowserContext[] = [];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-no-gps-e2e-'));
  const scenePhoto = path.join(workDir, 'scene.jpg');

  beforeAll(async () => {
    // A camera picture without EXIF GPS: the page has no point from the photo either.
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 120, g: 130, b: 110 } } })
      .jpeg({ quality: 80 })
      .toFile(scenePhoto);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function noSideways(page: Page) {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  }

  /** The one location message, its state, and how many messages the step shows in all. */
  async function locationNotice(page: Page) {
    const notices = page.getByTestId('location-notice');
    expect(await notices.count()).toBe(1);
    return { state: await notices.getAttribute('data-state'), text: (await notices.textContent()) ?? '' };
  }

  it('goes from / to 随手拍, reports by township and address, then tracks the case with its code', async () => {
    // No geolocation permission is granted: the browser refuses the page's request, as a citizen who taps 不允许.
    const context = await live.browser.newContext({ viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true });
    contexts.push(context);
    const citizen = await context.newPage();

    await citizen.goto(`${base()}/`);
    const residents = citizen.getByTestId('resident-links');
    await residents.waitFor();
    // Visible without scrolling on a phone, above the staff form.
    expect(await residents.boundingBox()).toMatchObject({ y: expect.any(Number) });
    expect(((await residents.boundingBox())?.y ?? 1e9) + 60).toBeLessThan(phone.height);
    await noSideways(citizen);
    await citizen.screenshot({ path: screenshotPath('citizen-sign-in-links-phone'), fullPage: true });
    await citizen.getByRole('link', { name: /我要随手拍/ }).click();
    await citizen.waitForURL(/\/report$/);

    await citizen.getByTestId('category-search').fill('摆摊');
    await citizen.getByRole('button', { name: '占道摆摊经营' }).click();
    await citizen.locator('[data-testid="report-page"][data-step="photos"]').waitFor();
    // Arriving at the photo step: no message until the citizen tries to go on.
    expect(await citizen.getByTestId('photos-error').count()).toBe(0);
    expect(await citizen.getByRole('alert').count()).toBe(0);
    await citizen.getByTestId('photo-input').setInputFiles(scenePhoto);
    await citizen.locator('[data-testid="upload-status-0"][data-status="uploaded"]').waitFor({ timeout: 30_000 });
    await citizen.getByTestId('report-next').click();

    expect((await locationNotice(citizen)).state).toBe('idle');
    await citizen.getByTestId('use-my-location').click();
    await citizen.locator('[data-testid="location-notice"][data-state="denied"]').waitFor({ timeout: 20_000 });
    const refused = await locationNotice(citizen);
    expect(refused.text).toContain('您没有允许定位');
    expect(refused.text).not.toMatch(/已获取位置|不在本县/);
    await citizen.getByTestId('township-select').selectOption({ label: '霞阳镇' });
    await citizen.getByTestId('address-input').fill('炎帝大道８８号　县人民医院对面');
    expect((await locationNotice(citizen)).state).toBe('denied');
    await noSideways(citizen);
    await citizen.screenshot({ path: screenshotPath('citizen-no-gps-location-phone'), fullPage: true });
    await citizen.getByTestId('report-next').click();

    await citizen.getByTestId('description-input').fill('水果摊占用人行道经营，行人只能走机动车道');
    await citizen.getByTestId('report-submit').click();
    await citizen.getByTestId('report-result').waitFor({ timeout: 30_000 });
    const caseNo = (await citizen.getByTestId('result-case-no').textContent()) ?? '';
    const token = (await citizen.getByTestId('result-token').textContent()) ?? '';
    expect(caseNo).toMatch(/^\d{4}-\d{8,12}$/);

    // Back at /, the other way in: 查询办理进度 with the number and the code.
    const tracker = await (async () => {
      const other = await live.browser.newContext({ viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true });
      contexts.push(other);
      return other.newPage();
    })();
    await tracker.goto(`${base()}/`);
    await tracker.getByRole('link', { name: /查询办理进度/ }).click();
    await tracker.waitForURL(/\/track$/);
    await tracker.getByTestId('track-case-no').fill(caseNo);
    await tracker.getByTestId('track-token').fill(token);
    await tracker.getByTestId('track-submit').click();
    const view = tracker.getByTestId('tracking-view');
    await view.waitFor({ timeout: 20_000 });
    expect(await view.textContent()).toContain('炎帝大道88号 县人民医院对面');
    expect(await tracker.getByTestId('tracking-status').textContent()).toMatch(/已收到/);
    await noSideways(tracker);
    await tracker.screenshot({ path: screenshotPath('citizen-no-gps-tracking-phone'), fullPage: true });

    // What the county's intake sees: the case in 霞阳镇, placed by its address, without a point.
    const desk = await (await live.browser.newContext({ locale: 'zh-CN' })).newPage();
    contexts.push(desk.context());
    await desk.goto(`${base()}/login`);
    await desk.getByLabel('用户名').fill('dispatcher');
    await desk.getByLabel('密码', { exact: true }).fill(demoPassword);
    await desk.keyboard.press('Enter');
    await desk.getByTestId('nav').waitFor();
    const detail = await desk.request.get(`${base()}/api/cases/${caseNo}`);
    expect(detail.status()).toBe(200);
    expect(await detail.json()).toMatchObject({
      channel: 'citizen',
      townshipCode: '430225100',
      lng: null,
      lat: null,
      address: '炎帝大道88号 县人民医院对面',
    });
  });
});
