import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';
import { signInOn } from './sign-in.ts';

export interface LiveApp {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Where pages open the app: the server's address on localhost. */
  readonly origin: string;
  /** Opens a page of the app at a phone (≤ 800) or desktop width, in Chinese. */
  open(path: string, width?: number): Promise<Page>;
  /** A page at that width with a demo account signed in (support/sign-in.ts), on its home page. */
  signIn(loginId: string, width?: number): Promise<Page>;
}

/**
 * The real server (demo county, temporary data folder) and a Chromium, for one test file. Pages use
 * localhost, not 127.0.0.1: browsers accept the Secure __Host- cookie over plain HTTP only on localhost.
 */
export function useLiveApp(): LiveApp {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const origin = () => server!.url.replace('127.0.0.1', 'localhost');
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    get origin() {
      return origin();
    },
    async open(path, width = 1280) {
      const page = await newPage(browser!, width);
      await page.goto(`${origin()}${path}`);
      return page;
    },
    async signIn(loginId, width = 1280) {
      return signInOn(await newPage(browser!, width), origin(), loginId);
    },
  };
}

const newPage = (browser: Browser, width: number) =>
  browser.newPage({ viewport: { width, height: width > 800 ? 800 : 740 }, locale: 'zh-CN' });
