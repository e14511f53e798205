import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './support/browser.ts';
import { runJobsAt } from './support/run-jobs.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { signInOn } from './support/sign-in.ts';

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The first user of notifications end to end: a case dispatched to 城管 comes near its handling deadline (the
 * real reminder and notifier jobs, run at that instant on the stopped server's data), and the handler sees it.
 */
describe('notifications: a handler is reminded before a deadline', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-e2e-notify-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ WENMING_DATA_DIR: dataDir }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(loginId: string, width: number): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width, height: 800 }, locale: 'zh-CN' });
    return signInOn(page, server!.url.replace('127.0.0.1', 'localhost'), loginId);
  }

  /** A case reported, registered and dispatched to 城管 through the API; its handling deadline. */
  async function dispatchedCase(): Promise<{ caseNo: string; dueAt: Date }> {
    const page = await signIn('dispatcher', 1280);
    const origin = new URL(page.url()).origin;
    const { csrfToken } = await (await page.request.get(`${origin}/api/auth/me`)).json();
    const call = async (url: string, data: object) => {
      const res = await page.request.post(`${origin}${url}`, { headers: { 'x-csrf-token': csrfToken }, data });
      expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c87a3c' } })
      .jpeg()
      .toBuffer();
    const { caseNo } = await call('/api/cases', {
      categoryCode: '09006',
      lng: 113.7724,
      lat: 26.4893,
      address: '霞阳镇炎帝大道 96 号门前',
      regionCode: '430225100',
      description: '水果摊占用人行道经营（通知端到端测试）',
      photos: [{ data: photo.toString('base64') }],
    });
    let view = await (await page.request.get(`${origin}/api/cases/${caseNo}`)).json();
    view = await call(`/api/cases/${caseNo}/register`, { revision: view.revision, note: '立案' });
    view = await call(`/api/cases/${caseNo}/dispatch`, { revision: view.revision, department: 'chengguan' });
    await page.close();
    return { caseNo, dueAt: new Date(view.clock.dueAt) };
  }

  it('shows the reminder on the bell and in the inbox, and leads to the case (phone, 390 px)', async () => {
    const started = Date.now();
    const took = (step: string) => console.log(`${step}: ${Math.round((Date.now() - started) / 1000)} s`);
    const { caseNo, dueAt } = await dispatchedCase();
    took('case dispatched');
    await server!.stop();
    // Half an hour before the deadline: within its last working hour whatever the calendar says.
    const output = await runJobsAt(dataDir, new Date(dueAt.getTime() - 30 * 60_000), [
      'cases.deadline-reminders',
      'notify.outbox',
    ]);
    expect(output).toContain('"job":"notify.outbox"');
    took(`jobs run ${output.trim()}`);
    server = await startServer({ WENMING_DATA_DIR: dataDir });
    took('server restarted');

    const page = await signIn('dept.chengguan', 390);
    const badge = page.getByTestId('inbox-badge');
    await expect.poll(async () => Number((await badge.textContent())?.trim() || 0)).toBeGreaterThan(0);
    await page.getByTestId('inbox-bell').click();
    await page.getByTestId('inbox-page').waitFor();
    const reminder = page.getByTestId('inbox-item').filter({ hasText: caseNo });
    await page.getByTestId('inbox-item').first().waitFor();
    // Other demo cases near a deadline at that instant are reminded too: page on until this one shows.
    while ((await reminder.count()) === 0) {
      await page.getByTitle('下一页').click();
      await page.getByTestId('inbox-item').first().waitFor();
    }
    await expect.poll(() => reminder.textContent()).toContain('处置时限');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('inbox-phone') });
    await reminder.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(`**/m/cases/${caseNo}`);
    await page.getByText(caseNo).first().waitFor();
    // A server restart and the jobs' own start on the PGlite folder take most of the time.
  }, 300_000);
});
