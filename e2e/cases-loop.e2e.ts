import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { useLiveApp } from './support/live-app.ts';
import { signInOn } from './support/sign-in.ts';

/** A street in 霞阳镇 (430225100), the township inspector.xiayang covers. */
const inXiayang = { longitude: 113.772, latitude: 26.489 };
const phone = { width: 390, height: 844 };

/** A staff member signed in through the real login page; API calls carry the session cookie and the CSRF token. */
interface Staff {
  page: Page;
  get<T>(url: string): Promise<T>;
  post<T>(url: string, data: unknown): Promise<T>;
}

interface CaseDetail {
  status: string;
  revision: number;
  department: string | null;
  satisfaction: number | null;
  reporter: { kind: string; phone: string | null };
  photos: Array<{ stage: string; width: number; height: number }>;
}

/**
 * The "done when": a citizen reports from a phone through /report, an inspector confirms it on site (核实),
 * intake registers and dispatches in
 * the staff pages, the department handles with a photo, an inspector who is not the handler verifies, the case
 * closes, the citizen sees 已结案 and rates it, and the figures count it.
 */
interface Figures {
  rows: Array<{ key: string | null; closed: number }>;
  total: { closed: number; closedOnTime: number };
}

describe('the case loop, from a citizen’s phone to the figures', () => {
  const live = useLiveApp();
  const base = () => live.server.url.replace('127.0.0.1', 'localhost');
  const contexts: BrowserContext[] = [];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-cases-e2e-'));
  const scenePhoto = path.join(workDir, 'scene.jpg');
  let resultPhoto = '';

  beforeAll(async () => {
    // A phone-sized camera picture, larger than the 2560 px the page shrinks to, with texture like a real scene.
    await sharp({
      create: {
        width: 3200,
        height: 2400,
        channels: 3,
        background: { r: 128, g: 140, b: 120 },
        noise: { type: 'gaussian', mean: 120, sigma: 12 },
      },
    })
      .jpeg({ quality: 85 })
      .toFile(scenePhoto);
    resultPhoto = (
      await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 160, b: 90 } } })
        .jpeg()
        .toBuffer()
    ).toString('base64');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function signIn(loginId: string): Promise<Staff> {
    const context = await live.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await signInOn(await context.newPage(), base(), loginId);
    // The same token the web app keeps in memory (web/src/app/api.ts), read the way it reads it on a reload.
    const me = await page.request.get(`${base()}/api/auth/me`);
    expect(me.status(), await me.text()).toBe(200);
    const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
    const answer = async <T>(response: Awaited<ReturnType<Page['request']['get']>>, url: string): Promise<T> => {
      expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
      return (await response.json()) as T;
    };
    return {
      page,
      get: async (url) => answer(await page.request.get(`${base()}${url}`), url),
      post: async (url, data) =>
        answer(await page.request.post(`${base()}${url}`, { data, headers: { 'x-csrf-token': csrf } }), url),
    };
  }

  async function noSideways(page: Page) {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  }

  it('runs report → register → dispatch → handle → verify → close → rate, and the figures count it', async () => {
    const dispatcher = await signIn('dispatcher');
    const closedBefore = (await dispatcher.get<{ total: number }>('/api/cases?status=closed')).total;
    // 综合评价 for today (Asia/Shanghai): the case will settle today, closed before its deadline.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const figuresUrl = `/api/cases/evaluation?from=${today}&to=${today}&groupBy=township`;
    const xiayangClosed = (figures: Figures) => figures.rows.find((r) => r.key === '430225100')?.closed ?? 0;
    const figuresBefore = await dispatcher.get<Figures>(figuresUrl);

    // ---- a citizen reports from a phone, with no account ----
    const citizenContext = await live.browser.newContext({
      viewport: phone,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      geolocation: { ...inXiayang, accuracy: 15 },
      permissions: ['geolocation'],
    });
    contexts.push(citizenContext);
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${base()}/report`);
    await citizen.getByTestId('category-search').fill('摆摊');
    await citizen.getByRole('button', { name: '占道摆摊经营' }).click();
    await citizen.getByTestId('photo-input').setInputFiles(scenePhoto);
    await citizen.getByTestId('photo-list').getByRole('listitem').first().waitFor();
    // The photo goes up on its own as soon as it is picked; the report will carry only its upload id.
    await citizen.locator('[data-testid="upload-status-0"][data-status="uploaded"]').waitFor({ timeout: 30_000 });
    await noSideways(citizen);
    await citizen.screenshot({ path: screenshotPath('cases-report-photos-phone'), fullPage: true });
    await citizen.getByTestId('report-next').click();
    await citizen.getByTestId('use-my-location').click();
    await citizen.locator('[data-testid="location-notice"][data-state="located"]').waitFor();
    await citizen.getByTestId('township-select').selectOption({ label: '霞阳镇' });
    await citizen.getByTestId('address-input').fill('霞阳镇炎帝大道 88 号门前');
    await noSideways(citizen);
    await citizen.screenshot({ path: screenshotPath('cases-report-phone'), fullPage: true });
    await citizen.getByTestId('report-next').click();
    await citizen.getByTestId('description-input').fill('水果摊占用人行道经营，行人只能走机动车道');
    await citizen.getByTestId('phone-input').fill('13907331234');
    await citizen.getByTestId('report-submit').click();
    // The demo county may already have an open case of this kind close by: the citizen says it is another one.
    const outcome = citizen.getByTestId('report-result').or(citizen.getByTestId('nearby-notice'));
    await outcome.first().waitFor({ timeout: 30_000 });
    if (await citizen.getByTestId('nearby-notice').isVisible()) await citizen.getByTestId('report-anyway').click();
    const caseNo = (await citizen.getByTestId('result-case-no').textContent()) ?? '';
    const token = (await citizen.getByTestId('result-token').textContent()) ?? '';
    expect(caseNo).toMatch(/^\d{4}-\d{8,12}$/);
    expect(token.length).toBeGreaterThanOrEqual(16);
    await noSideways(citizen);
    await citizen.screenshot({ path: screenshotPath('cases-report-result-phone'), fullPage: true });

    // The photo was shrunk in the browser (3200 → 2560 px), the phone kept encrypted and shown masked.
    const reported = await dispatcher.get<CaseDetail>(`/api/cases/${caseNo}`);
    expect(reported).toMatchObject({
      status: 'verifying',
      reporter: { kind: 'citizen', phone: expect.stringMatching(/^139\*+1234$/) },
    });
    expect(reported.photos.map((p) => [p.stage, Math.max(p.width, p.height)])).toEqual([['report', 2560]]);

    // ---- 核实: a citizen's report goes first to an inspector of the township, who confirms it on site ----
    const inspector = await signIn('inspector.xiayang');
    const waiting = await inspector.get<CaseDetail>(`/api/cases/${caseNo}`);
    const confirmed = await inspector.post<CaseDetail>(`/api/cases/${caseNo}/verify-report`, {
      revision: waiting.revision,
      confirmed: true,
      photos: [{ data: resultPhoto }],
      lng: inXiayang.longitude,
      lat: inXiayang.latitude,
    });
    expect(confirmed.status).toBe('reported');

    // ---- intake registers and dispatches in the staff pages ----
    const desk = dispatcher.page;
    await desk.goto(`${base()}/m/cases/${caseNo}`);
    await desk.getByTestId('case-action-register').click();
    await desk.getByTestId('action-dialog-register').getByTestId('action-submit').click();
    await desk.getByTestId('case-action-dispatch').click();
    const dispatchDialog = desk.getByTestId('action-dialog-dispatch');
    // The demo's routing rule for 占道摆摊经营 is preselected (派遣建议); the dispatcher sends it as it stands.
    await dispatchDialog.getByText('派遣建议：按派遣规则应派“县城市管理和综合执法局”，可改选其他部门').waitFor();
    await dispatchDialog.getByTestId('action-submit').click();
    await dispatchDialog.waitFor({ state: 'detached' });
    expect(await dispatcher.get<CaseDetail>(`/api/cases/${caseNo}`)).toMatchObject({
      status: 'dispatched',
      department: 'chengguan',
    });

    // ---- the department accepts and reports back with an "after" photo ----
    const handler = await signIn('dept.chengguan');
    let view = await handler.get<CaseDetail>(`/api/cases/${caseNo}`);
    view = await handler.post<CaseDetail>(`/api/cases/${caseNo}/accept`, { revision: view.revision });
    view = await handler.post<CaseDetail>(`/api/cases/${caseNo}/feedback`, {
      revision: view.revision,
      result: '已劝离摊主并清理现场',
      photos: [{ data: resultPhoto }],
    });
    expect(view.status).toBe('handled');

    // ---- an inspector of the township, not the handler, verifies on site: the case closes ----
    view = await inspector.get<CaseDetail>(`/api/cases/${caseNo}`);
    view = await inspector.post<CaseDetail>(`/api/cases/${caseNo}/verify`, {
      revision: view.revision,
      passed: true,
      note: '现场已恢复通行',
    });
    expect(view.status).toBe('closed');

    // ---- the citizen follows the case from 我的举报 and rates it ----
    await citizen.getByTestId('result-track').click();
    const tracking = citizen.getByTestId('tracking-view');
    await tracking.waitFor();
    expect(await tracking.getByTestId('tracking-status').textContent()).toBe('已结案');
    const after = tracking.getByRole('img', { name: '处理结果照片 1' });
    await after.waitFor();
    await expect.poll(() => after.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const rating = tracking.getByTestId('rating-form');
    await rating.getByRole('radio').nth(4).click();
    await rating.getByRole('textbox').fill('处理很及时，谢谢');
    await rating.getByTestId('rating-submit').click();
    await citizen.getByTestId('rating-thanks').waitFor();
    await noSideways(citizen);
    await citizen.screenshot({ path: screenshotPath('cases-track-phone'), fullPage: true });
    expect((await dispatcher.get<CaseDetail>(`/api/cases/${caseNo}`)).satisfaction).toBe(5);

    // ---- the figures update ----
    expect((await dispatcher.get<{ total: number }>('/api/cases?status=closed')).total).toBe(closedBefore + 1);
    const figuresAfter = await dispatcher.get<Figures>(figuresUrl);
    expect(xiayangClosed(figuresAfter)).toBe(xiayangClosed(figuresBefore) + 1);
    expect(figuresAfter.total.closed).toBe(figuresBefore.total.closed + 1);
    expect(figuresAfter.total.closedOnTime).toBe(figuresBefore.total.closedOnTime + 1);
    // Four people and a server in one test: a generous limit for a busy CI machine.
  }, 180_000);
});
