import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** Issue #12's "Slow 4G": 1.6 Mbps down, 750 kbps up, 150 ms round trip (DevTools network emulation). */
export const slow4g = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 } as const;

/** A phone: what a resident scanning a poster's QR code holds. */
export const phoneViewport = { width: 390, height: 844 } as const;

/**
 * The moment a page can be used: a function run in the page on every frame, answering the page's clock
 * (`performance.now()`, ms from navigation start) once the page is usable and `false` until then. It must be
 * self-contained (no named inner functions: the bench's transpiler would wrap them in a helper the page lacks).
 */
export type UsableCheck = () => number | false;

/**
 * The residents' form is usable when the first form control in `<main>` (a field, or the button that starts the
 * step) is shown and enabled: a loading spinner or an empty frame is not usable.
 */
export const firstControlUsable: UsableCheck = () => {
  const controls = document.querySelectorAll<HTMLInputElement>(
    'main input:not([type=hidden]), main select, main textarea, main button',
  );
  const shown = [...controls].find((control) => control.checkVisibility());
  return shown !== undefined && !shown.disabled ? performance.now() : false;
};

/** The staff case list is usable when its first row of cases is shown. */
export const firstCaseRowShown: UsableCheck = () =>
  [...document.querySelectorAll('[data-testid="case-table"] tr.ant-table-row')].some((row) => row.checkVisibility())
    ? performance.now()
    : false;

export interface Transfer {
  url: string;
  type: string;
  /** Bytes on the wire (headers and the body as sent: compressed when it was). */
  bytes: number;
  encoding: string | undefined;
  status: number;
}

export interface PageLoad {
  /** Everything the page fetched until it was usable, in bytes on the wire. */
  bytes: number;
  scriptBytes: number;
  scripts: number;
  requests: number;
  /** First contentful paint, from navigation start. */
  fcpMs: number;
  /** The usable check first true, from navigation start. */
  usableMs: number;
  transfers: Transfer[];
}

export interface LoadOptions {
  url: string;
  viewport: { width: number; height: number };
  usable: UsableCheck;
  /** Network emulation (e.g. `slow4g`); none: the loopback as it is. */
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  /** A signed-in session (cookies) to start with; the HTTP cache starts empty either way. */
  storageState?: BrowserContextOptions['storageState'];
  timeoutMs?: number;
}

/**
 * Loads one page in a fresh browser context (empty cache: a first visit) and records what went over the wire
 * (Chromium's DevTools protocol: each response's encoded length and Content-Encoding), first contentful paint and
 * the time until the page is usable.
 */
export async function measurePageLoad(browser: Browser, options: LoadOptions): Promise<PageLoad> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: 'zh-CN',
    isMobile: options.viewport.width < 800,
    hasTouch: options.viewport.width < 800,
    storageState: options.storageState,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (options.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...options.network });
    const responses = new Map<string, Omit<Transfer, 'bytes'>>();
    const transfers: Transfer[] = [];
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      responses.set(event.requestId, {
        url: event.response.url,
        type: event.type ?? 'Other',
        encoding: headers['content-encoding'] as string | undefined,
        status: event.response.status,
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const response = responses.get(event.requestId);
      if (response) transfers.push({ ...response, bytes: event.encodedDataLength });
    });
    await page.goto(options.url, { waitUntil: 'commit', timeout: options.timeoutMs ?? 60_000 });
    const usableMs = await waitUsable(page, options.usable, options.timeoutMs ?? 60_000).catch(async (error) => {
      const shown = await page.evaluate(() => (document.body.textContent ?? '').slice(0, 300)).catch(() => '');
      throw new Error(
        `${options.url} never became usable (${(error as Error).message}); page: ${page.url()}\n${shown}`,
      );
    });
    const fcpMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    const scripts = transfers.filter((t) => t.type === 'Script');
    return {
      bytes: sum(transfers),
      scriptBytes: sum(scripts),
      scripts: scripts.length,
      requests: transfers.length,
      fcpMs,
      usableMs,
      transfers,
    };
  } finally {
    await context.close();
  }
}

/** Polls the check on every frame and returns the page's clock (ms since navigation start) when it first held. */
async function waitUsable(page: Page, usable: UsableCheck, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(usable, undefined, { polling: 'raf', timeout: timeoutMs });
  return Number(await handle.jsonValue());
}

const sum = (transfers: readonly Transfer[]) => transfers.reduce((total, t) => total + t.bytes, 0);
