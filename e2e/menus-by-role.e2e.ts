import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword, demoTotpSecret } from '../server/platform/auth/demo-accounts.ts';
import { useLiveApp } from './support/live-app.ts';

const demoTotp = new TOTP({ secret: Secret.fromBase32(demoTotpSecret) });

/** What each demo role's menu offers against the real server: the modules it opens, then those planned for it. */
const expectedMenus: Record<string, readonly string[]> = {
  sys_admin: ['系统管理'],
  sec_admin: ['安全管理'],
  audit_admin: ['审计管理'],
  coordinator: ['市容案件', '数据看板', '商户与门前三包', '市场监管检查', '志愿服务', '最美庭院', '示范园区'],
  dispatcher: ['市容案件'],
  inspector: ['市容案件'],
  department: ['市容案件'],
  market_inspector: ['商户与门前三包', '市场监管检查'],
  volunteer_admin: ['志愿服务'],
  volunteer: ['市容案件', '志愿服务'],
  village_cadre: ['市容案件', '最美庭院'],
  service_clerk: ['特殊群体服务专区'],
  insurance_clerk: ['医保两病与异地结算'],
  institution_operator: ['医保两病与异地结算'],
};

/**
 * Issue #12: each demo account signs in, its menu shows only what it can open, and opening every item it is
 * shown writes no `access.denied` to the audit trail (checked at the end as the audit administrator).
 */
describe('menus by role', () => {
  const live = useLiveApp();

  async function signIn(loginId: string, mfa: boolean): Promise<Page> {
    const page = await live.open('/login');
    await page.getByLabel('用户名').fill(loginId);
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.keyboard.press('Enter');
    if (mfa) {
      const code = page.locator('input[autocomplete="one-time-code"]');
      await code.waitFor();
      await code.fill(demoTotp.generate());
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('nav').waitFor({ timeout: 30_000 });
    return page;
  }

  const menuOf = (page: Page) => page.getByTestId('nav').getByRole('menuitem').allTextContents();

  it('every demo role sees only what it can open, and opening it is never refused', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const checked: string[] = [];
    for (const account of demoAccounts.filter((a) => a.role !== 'audit_admin')) {
      const page = await signIn(account.loginId, account.mfa === true);
      const menu = await menuOf(page);
      expect(menu, account.loginId).toEqual(expectedMenus[account.role]);
      if (menu.includes('市容案件')) await page.getByTestId('cases-work').waitFor();
      for (const item of menu) {
        await page.getByTestId('nav').getByRole('menuitem', { name: item }).click();
        await page.waitForLoadState('networkidle');
        expect(await page.getByTestId('forbidden').count(), `${account.loginId} → ${item}`).toBe(0);
      }
      checked.push(account.loginId);
      await page.close();
    }
    expect(checked.length).toBe(demoAccounts.length - 1);

    const auditor = await signIn('auditadmin', true);
    expect(await menuOf(auditor)).toEqual(expectedMenus.audit_admin);
    const origin = new URL(auditor.url()).origin;
    const denied = await auditor.request.get(
      `${origin}/api/audit/events?eventType=access.denied&from=${encodeURIComponent(started)}`,
    );
    expect(denied.status()).toBe(200);
    const body = (await denied.json()) as { total: number; items: { actorName: string; objectId: string }[] };
    expect(body.items.map((i) => `${i.actorName} ${i.objectId}`)).toEqual([]);
    expect(body.total).toBe(0);
    await auditor.close();
  }, 600_000);
});
