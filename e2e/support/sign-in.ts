import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { demoAccounts, demoPassword, demoTotpSecret } from '../../server/platform/auth/demo-accounts.ts';

/** The demo accounts' authenticator: the second step of the roles that require MFA (三员, settlement roles). */
export const demoTotp = new TOTP({ secret: Secret.fromBase32(demoTotpSecret) });

/** The first step on the sign-in page the page shows: name and password, sent with Enter. */
export async function enterPassword(page: Page, loginId: string, password = demoPassword): Promise<void> {
  await page.getByLabel('用户名').fill(loginId);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
}

/** The second step: the demo authenticator's current code. */
export async function enterDemoCode(page: Page): Promise<void> {
  const code = page.locator('input[autocomplete="one-time-code"]');
  await code.waitFor();
  await code.fill(demoTotp.generate());
  await page.keyboard.press('Enter');
}

/** Below antd's `md` breakpoint the shell's menu sits behind a button (web/src/app/layout/AppLayout.tsx). */
const phoneWidth = 768;

/**
 * Signs a demo account in on this page as a person would — /login on the app's origin, the password, the
 * one-time code when the account's role requires MFA — and waits for the shell: the side menu on a desktop,
 * its button on a phone. The session cookie is then the page's context's.
 */
export async function signInOn(page: Page, origin: string, loginId: string): Promise<Page> {
  await page.goto(`${origin}/login`);
  await enterPassword(page, loginId);
  if (demoAccounts.find((account) => account.loginId === loginId)?.mfa) await enterDemoCode(page);
  const phone = (page.viewportSize()?.width ?? 1280) < phoneWidth;
  await page.getByTestId(phone ? 'nav-open' : 'nav').waitFor({ timeout: 30_000 });
  return page;
}
