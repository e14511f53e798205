import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../server/platform/auth/demo-accounts.ts';
import { expectedMenus } from '../web/src/test/expectedMenus.ts';
import { useLiveApp } from './support/live-app.ts';

/**
 * Issue #12: each demo account signs in, its menu shows only what it can open, and opening every item it is
 * shown writes no `access.denied` to the audit trail (checked at the end as the audit administrator).
 */
describe('menus by role', () => {
  const live = useLiveApp();

  const menuOf = (page: Page) => page.getByTestId('nav').getByRole('menuitem').allTextContents();

  it('every demo role sees only what it can open, and opening it is never refused', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const checked: string[] = [];
    for (const account of demoAccounts.filter((a) => a.role !== 'audit_admin')) {
      const page = await live.signIn(account.loginId);
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

    const auditor = await live.signIn('auditadmin');
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
