import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, blocking, describeViolations } from './support/axe.ts';
import { screenshotPath } from './support/browser.ts';
import { inXiayang, sidewaysOverflow } from './support/field.ts';
import { useLiveApp } from './support/live-app.ts';
import { phoneViewport } from './support/page-load.ts';
import { signInOn } from './support/sign-in.ts';

/**
 * Issue #14, the registry's web pages: the county's market inspector (market.group1), standing in a market with a
 * phone, registers a merchant, finds it by search in the card list, opens it, reveals its operator into the edit
 * form and edits it. Then the registry on a desk's screen and its export (operators masked, or in clear after a
 * reason). axe-core on each page as it is met.
 */
describe('merchant registry: the market inspector on a phone, and at a desk', () => {
  const live = useLiveApp();
  // One run's merchant: a name and a licence number no other run or demo merchant has.
  const suffix = String(Date.now()).slice(-9);
  const name = `老街米粉店${suffix}`;
  const licenceNo = `430225${suffix}`;

  async function expectNoBlockingViolations(page: Page, what: string): Promise<void> {
    const violations = await axeViolations(page);
    expect(blocking(violations), `${what}\n${describeViolations(blocking(violations))}`).toEqual([]);
  }

  /** A phone standing in 霞阳镇 with the position allowed; axe's script allowed past the app's CSP. */
  async function inspectorsPhone(): Promise<Page> {
    const context = await live.browser.newContext({
      viewport: phoneViewport,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      geolocation: { ...inXiayang, accuracy: 15 },
      permissions: ['geolocation'],
      bypassCSP: true,
    });
    return signInOn(await context.newPage(), live.origin, 'market.group1');
  }

  /** The cells of the first sheet of the workbook the page downloads when `start` runs, as text. */
  async function downloadedCells(page: Page, start: () => Promise<void>): Promise<string[]> {
    const [download] = await Promise.all([page.waitForEvent('download'), start()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((sheetRow) => {
      sheetRow.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    return cells;
  }

  /** Picks an option of the antd Select whose test id is given. */
  async function choose(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }

  it('registers a merchant, finds it by search, opens it and edits it', async () => {
    const page = await inspectorsPhone();
    // Through the menu, as the inspector would.
    await page.getByTestId('nav-open').click();
    await page.getByRole('menuitem', { name: '商户与门前三包' }).click();
    await page.getByTestId('merchant-filters').waitFor();
    await page.getByTestId('merchant-register-open').click();

    const form = page.getByTestId('merchant-form');
    await form.waitFor();
    await page.getByTestId('merchant-field-name').fill(name);
    await page.getByTestId('merchant-field-licenceNo').fill(licenceNo);
    await choose(page, 'merchant-field-kind', '餐饮服务');
    await choose(page, 'merchant-field-riskGrade', 'B 级');
    expect(await page.getByTestId('merchant-field-supervised').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('merchant-field-schoolSurroundings').click();
    // The county-wide inspector picks the township: the county, then 霞阳镇 under it.
    await form.getByTestId('region-picker').click();
    await page.locator('.ant-cascader-menu-item[title="炎陵县"]').click();
    await page.locator('.ant-cascader-menu-item[title="霞阳镇"]').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('merchant-field-address').fill('霞阳镇炎帝大道 88 号');
    await page.getByTestId('merchant-locate').click();
    await page.getByTestId('merchant-located').getByText('已定位，误差约 15 米').waitFor();
    await page.getByTestId('merchant-field-operatorName').fill('张三');
    await page.getByTestId('merchant-field-operatorPhone').fill('13907331234');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoBlockingViolations(page, '/m/merchants/new');
    await page.screenshot({ path: screenshotPath('merchants-register-phone'), fullPage: true });
    await page.getByTestId('merchant-submit').click();

    // Registered: its page, the operator masked.
    await page.waitForURL(/\/m\/merchants\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const header = page.getByTestId('merchant-header');
    await header.getByRole('heading', { name }).waitFor();
    const facts = page.getByTestId('merchant-facts');
    expect(await facts.getByTestId('reveal-operatorName').textContent()).toContain('张*');
    expect(await facts.getByTestId('reveal-operatorPhone').textContent()).toContain('139****1234');
    expect(await facts.textContent()).toContain('霞阳镇');
    expect(await facts.textContent()).toMatch(/113\.77\d+, 26\.48\d+/);
    await page.waitForLoadState('networkidle');
    await expectNoBlockingViolations(page, '/m/merchants/:id');

    // Found by search in the card list.
    await page.getByTestId('merchant-back').click();
    await page.getByTestId('merchant-filter-q').fill(name);
    await page.getByTestId('merchant-filter-submit').click();
    const cards = page.getByTestId('merchant-cards');
    const card = cards.getByTestId(`merchant-link-${id}`);
    await card.waitFor();
    expect(await cards.locator('li').count()).toBe(1);
    expect(await card.textContent()).toContain('餐饮服务 · 霞阳镇');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoBlockingViolations(page, '/m/merchants?q=…');
    await page.screenshot({ path: screenshotPath('merchants-list-phone'), fullPage: true });

    // Opened and edited: the operator revealed into the form with a reason, the address and the state changed.
    await card.click();
    await page.getByTestId('merchant-edit-open').click();
    await form.waitFor();
    await page.getByTestId('merchant-operator-reveal').click();
    const reason = page.getByTestId('reveal-dialog-form');
    await reason.getByLabel('查看原因').fill('修改商户档案：迁址');
    await page.getByTestId('reveal-dialog-ok').click();
    await expect.poll(() => page.getByTestId('merchant-field-operatorPhone').inputValue()).toBe('13907331234');
    expect(await page.getByTestId('merchant-field-operatorName').inputValue()).toBe('张三');
    await page.getByTestId('merchant-field-address').fill('霞阳镇炎帝大道 90 号');
    await choose(page, 'merchant-field-status', '停业');
    await page.screenshot({ path: screenshotPath('merchants-edit-phone'), fullPage: true });
    await page.getByTestId('merchant-submit').click();

    await page.waitForURL(new RegExp(`/m/merchants/${id}$`));
    await facts.getByText('霞阳镇炎帝大道 90 号').waitFor();
    expect(await header.getByTestId('merchant-status').textContent()).toBe('停业');
    await page.screenshot({ path: screenshotPath('merchants-detail-phone'), fullPage: true });

    // What the server keeps: the edit on the record, the operator unchanged behind the mask.
    const stored = await (await page.request.get(`${live.origin}/api/merchants/${id}`)).json();
    expect(stored).toMatchObject({
      name,
      licenceNo,
      kind: 'catering',
      riskGrade: 'B',
      supervised: true,
      schoolSurroundings: true,
      status: 'suspended',
      address: '霞阳镇炎帝大道 90 号',
      townshipCode: '430225100',
      operatorName: '张*',
      operatorPhone: '139****1234',
      revision: 1,
    });
    expect(stored.lng).toBeCloseTo(inXiayang.longitude, 4);
    await page.context().close();
  });

  it('at a desk: the registry as a table, its export, the merchant page', async () => {
    const context = await live.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      bypassCSP: true,
      acceptDownloads: true,
    });
    const page = await signInOn(await context.newPage(), live.origin, 'market.group1');
    await page.goto(`${live.origin}/m/merchants?q=${encodeURIComponent(name)}`);
    const row = page.getByTestId('merchant-table').locator('tr.ant-table-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(name);
    await expectNoBlockingViolations(page, '/m/merchants (desktop)');

    // The export of exactly this search: the operator masked; in clear only after a reason.
    const masked = await downloadedCells(page, () => page.getByTestId('merchant-export').click());
    expect(masked).toEqual(expect.arrayContaining([name, licenceNo, '张*', '139****1234']));
    expect(masked).not.toContain('13907331234');
    const clear = await downloadedCells(page, async () => {
      await page.getByTestId('merchant-export-clear').click();
      await page.getByTestId('merchant-export-clear-dialog-form').getByLabel('查看原因').fill('续签责任书电话通知');
      await page.getByTestId('merchant-export-clear-dialog-ok').click();
    });
    expect(clear).toEqual(expect.arrayContaining([name, '张三', '13907331234']));

    await page.goto(`${live.origin}/m/merchants`);
    await row.first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: screenshotPath('merchants-list-desktop') });
    await page.getByTestId('merchant-table').getByRole('link').first().click();
    await page.getByTestId('merchant-facts').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoBlockingViolations(page, '/m/merchants/:id (desktop)');
    await page.screenshot({ path: screenshotPath('merchants-detail-desktop') });
    await context.close();
  });
});
