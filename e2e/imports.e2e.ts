import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { useLiveApp } from './support/live-app.ts';
import { enterPassword } from './support/sign-in.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-import-e2e-'));

async function saved(download: Download, name: string): Promise<string> {
  const file = path.join(work, name);
  await download.saveAs(file);
  return file;
}

/** The downloaded template with rows written under its header row, as an administrator fills it in Excel. */
async function filledTemplate(template: string, rows: unknown[][], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.worksheets[0]!;
  rows.forEach((row, i) => {
    sheet.getRow(i + 2).values = row as ExcelJS.CellValue[];
  });
  const file = path.join(work, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The system administrator imports staff accounts: template, a broken row seen and fixed, re-import, commit. */
describe('imports: staff accounts from a spreadsheet', () => {
  const live = useLiveApp();
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  async function upload(page: Page, file: string): Promise<void> {
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(file);
  }

  it('downloads the template, sees the broken row, fixes it, re-imports and commits; the account exists', async () => {
    const page = await live.signIn('sysadmin', 1280);
    await page.goto(new URL('/admin/system', page.url()).toString());
    await page.getByTestId('import-users-link').click();
    await page.getByText('批量导入 · 账号').waitFor();

    const [templateDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-template').click(),
    ]);
    const template = await saved(templateDownload, 'template.xlsx');
    const good = ['e2e.zhao', '赵一', '13912340001', '霞阳镇', '城管局'];
    const broken = await filledTemplate(template, [good, ['e2e.qian', '钱二', '12345', '霞阳镇']], 'broken.xlsx');

    await upload(page, broken);
    await page
      .locator('[data-testid="import-run"][data-status="checked"]')
      .waitFor({ timeout: 60_000 })
      .catch(async (error) => {
        const origin = new URL(page.url()).origin;
        // What the page and the server said, for a failure on a loaded machine.
        console.log('DEBUG', await page.getByTestId('import-page').textContent());
        console.log('DEBUG runs', await (await page.request.get(`${origin}/api/imports/auth.accounts/runs`)).text());
        throw error;
      });
    const errors = page.getByTestId('import-errors');
    const firstError = errors.locator('.ant-table-row').first();
    await firstError.waitFor();
    expect(await firstError.locator('td').first().textContent()).toBe('3');
    expect(await firstError.locator('td').nth(1).textContent()).toBe('手机号');
    expect(await page.getByTestId('import-commit-all').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('imports-dry-run-zh') });

    const fixed = await filledTemplate(template, [good, ['e2e.qian', '钱二', '13912340002', '霞阳镇']], 'fixed.xlsx');
    await upload(page, fixed);
    await page
      .locator('[data-testid="import-run"][data-status="checked"]', { hasText: 'fixed.xlsx' })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await page.getByTestId('import-commit-all').click();
    await page.locator('[data-testid="import-run"][data-status="committed"]').waitFor({ timeout: 60_000 });

    const [passwordsDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-handouts').click(),
    ]);
    const passwords = new ExcelJS.Workbook();
    await passwords.xlsx.readFile(await saved(passwordsDownload, 'passwords.xlsx'));
    const sheet = passwords.worksheets[0]!;
    expect([sheet.getRow(2).getCell(2).value, sheet.getRow(3).getCell(2).value]).toEqual(['e2e.zhao', 'e2e.qian']);
    const initial = String(sheet.getRow(2).getCell(3).value);
    await page.getByTestId('import-handouts').waitFor({ state: 'detached' });

    const origin = new URL(page.url()).origin;
    const users = await (await page.request.get(`${origin}/api/admin/users?q=e2e.`)).json();
    expect(users.items.map((u: { loginId: string }) => u.loginId).sort()).toEqual(['e2e.qian', 'e2e.zhao']);
    expect(users.items.find((u: { loginId: string }) => u.loginId === 'e2e.zhao').phone).toBe('139****0001');

    // On a phone (390 px) the page, with its result, scrolls only vertically.
    await page.setViewportSize({ width: 390, height: 740 });
    await page.reload();
    await page.locator('[data-testid="import-run"][data-status="committed"]').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('imports-phone-zh'), fullPage: true });
    await page.close();

    // The new account signs in with its initial password and is asked to change it.
    const first = await live.open('/login', 1280);
    await enterPassword(first, 'e2e.zhao', initial);
    await first.waitForURL(/\/login\/password/);
    await first.close();
  }, 240_000);
});
