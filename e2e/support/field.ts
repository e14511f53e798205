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
