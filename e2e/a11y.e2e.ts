import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, blocking, describeViolations } from './support/axe.ts';
import { useLiveApp } from './support/live-app.ts';
import { phoneViewport } from './support/page-load.ts';

const demoPassword = 'Demo#Yanling2026';

/**
 * Issue #12: axe-core on the residents' pages and the staff case page, as users meet them (a phone for the
 * residents, a desktop for the dispatcher). Serious and critical violations fail the test; the rest are printed.
 */
describe('accessibility (axe-core)', () => {
  const live = useLiveApp();
  const origin = () => live.server.url.replace('127.0.0.1', 'localhost');

  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await live.browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin()}${path}`);
    return page;
  }

  async function expectNoBlockingViolations(page: Page, name: string): Promise<void> {
    const violations = await axeViolations(page);
    const minor = violations.filter((v) => !blocking([v]).length);
    if (minor.length > 0) console.info(`${name}: minor or moderate\n${describeViolations(minor)}`);
    expect(blocking(violations), `${name}\n${describeViolations(blocking(violations))}`).toEqual([]);
  }

  it('the report form, first step and after choosing a category, on a phone', async () => {
    const page = await open('/report', phoneViewport);
    await page.getByTestId('category-search').waitFor();
    await expectNoBlockingViolations(page, '/report (category)');
    await page.getByTestId('category-search').fill('摆摊');
    await page.getByRole('button', { name: '占道摆摊经营' }).click();
    await page.getByTestId('photo-input').waitFor({ state: 'attached' });
    await expectNoBlockingViolations(page, '/report (photos)');
    await page.context().close();
  });

  it('the tracking page, on a phone', async () => {
    const page = await open('/track', phoneViewport);
    await page.locator('main input').first().waitFor();
    await expectNoBlockingViolations(page, '/track');
    // Sent empty: each field says what is wrong, and the first one has the focus.
    await page.getByTestId('track-submit').click();
    await page.locator('#track-case-no[aria-invalid="true"]:focus').waitFor();
    await expectNoBlockingViolations(page, '/track (field errors)');
    await page.context().close();
  });

  it("the staff case list and a case's page, on a desktop", async () => {
    const page = await open('/login', { width: 1280, height: 800 });
    await page.getByLabel('用户名').fill('dispatcher');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.keyboard.press('Enter');
    await page.getByTestId('nav').waitFor();
    await page.goto(`${origin()}/m/cases`);
    const firstCase = page.getByTestId('case-table').locator('tr.ant-table-row a').first();
    await firstCase.waitFor();
    await expectNoBlockingViolations(page, '/m/cases');
    await firstCase.click();
    await page.waitForURL(/\/m\/cases\/[^/?]+/);
    await page.getByTestId('case-timeline').or(page.locator('main h1, main h2').first()).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoBlockingViolations(page, page.url().replace(origin(), ''));
    await page.context().close();
  });
});
