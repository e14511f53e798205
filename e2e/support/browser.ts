import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser), with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const artifacts = path.resolve(import.meta.dirname, '..', '.artifacts');

/** Where a test's screenshot goes: e2e/.artifacts (ignored), or docs/screenshots when asked to refresh them. */
export function screenshotPath(name: string): string {
  const dir = process.env.WENMING_UPDATE_SCREENSHOTS
    ? path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots')
    : artifacts;
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
