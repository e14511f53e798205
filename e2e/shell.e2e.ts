import { describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { useLiveApp } from './support/live-app.ts';

/** The web shell served by the real server: language switch, the county from the database, phone layout. */
describe('web shell', () => {
  const live = useLiveApp();
  const openPage = (path: string, width?: number) => live.open(path, width);

  it('shows the login page in Chinese, switches to English, and keeps the choice', async () => {
    const page = await openPage('/login');
    const form = page.getByTestId('login-form');
    await form.waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await form.textContent()).toContain('用户名');
    await page.screenshot({ path: screenshotPath('login-zh') });

    await page.getByTestId('lang-switch').getByText('English').click();
    await page.getByText('Sign in', { exact: false }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: screenshotPath('login-en') });

    await page.reload();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('login-form').textContent()).not.toContain('用户名');
    await page.close();
  });

  it('focuses the login id first and submits with Enter (keyboard-only use)', async () => {
    const page = await openPage('/login');
    await page.getByTestId('login-form').waitFor();
    const focusedAutocomplete = await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'));
    expect(focusedAutocomplete).toBe('username');
    await page.close();
  });

  it('works at phone width without horizontal scrolling', async () => {
    const page = await openPage('/login', 360);
    await page.getByTestId('login-form').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('login-phone') });
    await page.close();
  });
});
