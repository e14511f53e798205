import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { sidewaysOverflow } from './support/field.ts';
import { useLiveApp } from './support/live-app.ts';

/** The first figure of a column (not the total's) that counts some cases: its test id and its number. */
async function someFigure(page: Page, column: string): Promise<{ testId: string; n: number }> {
  const found = await page.evaluate((suffix) => {
    const buttons = [
      ...document.querySelectorAll<HTMLElement>(`[data-testid^="eval-fig-"][data-testid$="-${suffix}"]`),
    ];
    const hit = buttons.find((b) => !b.dataset.testid?.startsWith('eval-fig-total-') && Number(b.textContent) > 0);
    return hit ? { testId: hit.dataset.testid ?? '', n: Number(hit.textContent) } : undefined;
  }, column);
  expect(found, `a ${column} figure above 0`).toBeDefined();
  return found!;
}

/** 综合评价 in the real app: the campaign office (创文办) on a phone, from sign-in to one case behind a figure. */
describe('cases: the campaign office reads 综合评价 and drills down', () => {
  const live = useLiveApp();

  it('lands on the evaluation, picks a period and a dimension, opens the cases behind a figure and one of them (390 px)', async () => {
    const page = await live.signIn('chuangwenban', 390);

    // 市容案件 opens on 综合评价 for the campaign office.
    await page.goto(new URL('/m/cases', page.url()).toString());
    await page.waitForURL(/\/m\/cases\/evaluation/);
    await page.getByTestId('eval-table').waitFor();

    // This year, by department, clicked in quick succession: the second change keeps the first.
    await page.getByTestId('eval-period-thisYear').click();
    await page.getByTestId('eval-dim-department').click();
    await page.waitForURL(/groupBy=department/);
    expect(page.url()).toContain('period=thisYear');
    await page.getByTestId('eval-fig-total-reported').waitFor();
    expect(await page.getByTestId('eval-period-text').textContent()).toMatch(/^\d{4}-01-01 至/);
    expect(await page.getByTestId('eval-table').textContent()).toContain('未派遣');
    // The ranking chart is drawn (ECharts, loaded with this page only).
    await page.getByTestId('eval-chart-ranking').locator('canvas').first().waitFor();
    expect(await sidewaysOverflow(page), 'the table scrolls inside its card, not the page').toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('cases-evaluation-phone'), fullPage: true });

    // A department's 结案: the drawer says as many cases as the figure, and lists them.
    const figure = await someFigure(page, 'closed');
    await page.getByTestId(figure.testId).click();
    await page.waitForURL(/measure=closed/);
    const drawer = page.getByTestId('eval-drill');
    expect(await drawer.getByTestId('eval-drill-total').textContent()).toContain(`共 ${figure.n} 件`);
    const links = drawer.locator('[data-testid^="case-link-"]');
    await links.first().waitFor();
    expect(await links.count()).toBe(Math.min(figure.n, 20));
    await page.screenshot({ path: screenshotPath('cases-evaluation-drill-phone') });

    const caseNo = ((await links.first().getAttribute('data-testid')) ?? '').replace('case-link-', '');
    await links.first().click();
    await page.waitForURL(new RegExp(`/m/cases/${caseNo}$`));
    await page.getByTestId('case-header').getByText(caseNo).waitFor();

    // Back returns to the same view with the drawer open.
    await page.goBack();
    await page.waitForURL(/measure=closed/);
    await page.getByTestId('eval-drill').waitFor();

    // A bar opens its cases too: the best 结案率 (the top bar) opens that department's 结案.
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.search.includes('measure='));
    const chart = page.getByTestId('eval-chart-ranking').locator('canvas').first();
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const bars = await page.getByTestId('eval-chart-ranking').getAttribute('data-bars');
    const band = (box.height - 16) / Number(bars);
    await page.mouse.click(box.x + box.width * 0.45, box.y + 8 + band / 2);
    await page.waitForURL(/measure=closed/);
    expect(new URL(page.url()).searchParams.get('group')).toBe(
      await page.getByTestId('eval-chart-ranking').getAttribute('data-first'),
    );
    await page.getByTestId('eval-drill').getByTestId('eval-drill-total').waitFor();
    await page.close();
  });

  it('by month on a desktop: the trend, and the total’s 超期未结 listing exactly its count', async () => {
    const page = await live.signIn('chuangwenban', 1280);
    await page.goto(new URL('/m/cases/evaluation?period=thisYear&groupBy=month', page.url()).toString());
    await page.getByTestId('eval-chart-trend').locator('canvas').first().waitFor();
    const overdue = Number(await page.getByTestId('eval-fig-total-overdueOpen').textContent());
    await page.getByTestId('eval-fig-total-overdueOpen').click();
    const drawer = page.getByTestId('eval-drill');
    expect(await drawer.getByTestId('eval-drill-total').textContent()).toContain(`共 ${overdue} 件`);
    if (overdue > 0) await drawer.locator('[data-testid^="case-link-"]').first().waitFor();
    await page.screenshot({ path: screenshotPath('cases-evaluation-month-desktop') });
    await page.close();
  });
});
