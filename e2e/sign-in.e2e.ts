import { describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { useLiveApp } from './support/live-app.ts';
import { enterDemoCode, enterPassword } from './support/sign-in.ts';

/** The demo county's accounts signing in through the real pages: password, TOTP, their own pages only. */
describe('signing in as the demo county’s staff', () => {
  const live = useLiveApp();

  it('the campaign office signs in with a password, sees its work, the business modules and no administration', async () => {
    const page = await live.signIn('chuangwenban');
    const nav = page.getByTestId('nav');
    // The home page is work, not system facts: the cases card with its queues and the way to 综合评价.
    await page.getByTestId('cases-work').getByTestId('work-evaluation').waitFor();
    const menu = (await nav.textContent()) ?? '';
    expect(menu).toContain('市容案件');
    expect(menu).not.toContain('审计管理');
    await page.screenshot({ path: screenshotPath('home-zh') });
    await page.close();
  });

  it('the audit administrator gives a TOTP code, searches the trail and verifies the chain', async () => {
    const page = await live.open('/login');
    await enterPassword(page, 'auditadmin');
    await page.getByTestId('code-form').waitFor();
    await enterDemoCode(page);
    const nav = page.getByTestId('nav');
    await nav.waitFor();
    const menu = (await nav.textContent()) ?? '';
    expect(menu).toContain('审计管理');
    expect(menu).not.toContain('市容案件');
    await page.goto(page.url().replace(/\/[^/]*$/, '/admin/audit'));
    // The sign-ins of this run are in the trail (the table fills after its request answers).
    await page.getByTestId('audit-results').getByText('登录').first().waitFor();
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-result').waitFor();
    await page.screenshot({ path: screenshotPath('audit-zh') });
    await page.close();
  });

  it('a wrong password shows the one generic message, on a phone', async () => {
    const page = await live.open('/login', 360);
    await enterPassword(page, 'inspector.xiayang', 'Wrong#Password1');
    await page.getByTestId('login-error').getByText('用户名或密码错误', { exact: false }).waitFor();
    await page.close();
  });

  it('signing out ends the session: the home page asks for sign-in again', async () => {
    const page = await live.signIn('inspector.xiayang', 375);
    const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: sessionStorage.length }));
    expect(Object.keys(storage.local).filter((k) => k !== 'wenming.lang')).toEqual([]);
    await page.screenshot({ path: screenshotPath('home-phone') });
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.getByTestId('login-form').waitFor();
    // The old session is gone on the server: opening the home page again asks for sign-in.
    await page.goto(new URL('/', page.url()).toString());
    await page.getByTestId('login-form').waitFor();
    await page.close();
  });
});
