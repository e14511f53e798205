import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import { phoneViewport } from './page-load.ts';

/** A street in 霞阳镇 (430225100), the township the demo inspector.xiayang covers. */
export const inXiayang = { latitude: 26.4893, longitude: 113.7724 };

/** A page on a phone standing at a place: touch, the position allowed, reported with that accuracy (metres). */
export async function phoneAt(
  browser: Browser,
  place: { latitude: number; longitude: number },
  accuracy: number,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: phoneViewport,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
    geolocation: { ...place, accuracy },
    permissions: ['geolocation'],
  });
  return context.newPage();
}

/** A page on a desk's screen, in its own context (its own session), in Chinese. */
export async function deskPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  return context.newPage();
}

/**
 * A camera-sized JPEG (1600×1200, one colour) written before the file's tests and removed after them: what a
 * test hands the page's file chooser. Returns the file's path.
 */
export function useScenePhoto(background: { r: number; g: number; b: number }): string {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-e2e-photo-'));
  const photo = path.join(workDir, 'scene.jpg');
  beforeAll(async () => {
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background } })
      .jpeg({ quality: 80 })
      .toFile(photo);
  });
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));
  return photo;
}

/** The horizontal overflow of the page: > 0 means a phone would have to scroll sideways. */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A 12345 call as the desk keys it into 热线受理: 霞阳镇, 占道经营 (09006), the caller's fields when given. */
export interface HotlineCall {
  ticketNo: string;
  callerName?: string;
  phone?: string;
  smsConsent?: boolean;
  address: string;
  description: string;
}

/** Fills the 热线受理 form (already shown) with the call and sends it. */
export async function sendHotlineCall(page: Page, call: HotlineCall): Promise<void> {
  await page.getByTestId('staff-ticketNo').fill(call.ticketNo);
  if (call.callerName) await page.getByTestId('staff-callerName').fill(call.callerName);
  if (call.phone) await page.getByTestId('staff-phone').fill(call.phone);
  if (call.smsConsent) await page.getByTestId('staff-sms-consent').check();
  await page.getByTestId('staff-township').click();
  await page.getByTitle('霞阳镇', { exact: true }).click();
  await page.getByTestId('staff-address').fill(call.address);
  await page.getByTestId('staff-category-search').fill('09006');
  await page.getByTestId('staff-category-09006').click();
  await page.getByTestId('staff-description').fill(call.description);
  await page.getByTestId('staff-report-submit').click();
}
