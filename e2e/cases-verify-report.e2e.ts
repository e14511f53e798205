import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { deskPage, inXiayang, phoneAt, sendHotlineCall, sidewaysOverflow, useScenePhoto } from './support/field.ts';
import { useLiveApp } from './support/live-app.ts';
import { signInOn } from './support/sign-in.ts';

/**
 * Issue 12, "a hotline intake, then 核实": the dispatcher takes in a 12345 call; the case waits in 待核实; the
 * township's inspector, on a phone, opens the 待核实 queue, checks the spot with a photo and the phone's
 * position and confirms it; the intake registers it.
 */
describe('核实: a hotline call checked on site before 立案', () => {
  const live = useLiveApp();
  const spotPhoto = useScenePhoto({ r: 120, g: 110, b: 90 });

  const statusOf = async (page: Page, caseNo: string) => {
    const res = await page.request.get(`${live.origin}/api/cases/${caseNo}`);
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { status: string }).status;
  };

  it('the call lands in 待核实, the inspector confirms it on a phone, the intake registers it', async () => {
    // ---- the hotline desk takes in the call (the 12345 form) ----
    const desk = await signInOn(await deskPage(live.browser), live.origin, 'dispatcher');
    await desk.goto(`${live.origin}/m/cases/report`);
    await desk.getByTestId('hotline-intake-form').waitFor({ timeout: 60_000 });
    await sendHotlineCall(desk, {
      ticketNo: `HX${Date.now().toString().slice(-8)}`,
      phone: '139 0733 5678',
      address: '霞阳镇炎帝大道 66 号门前',
      description: '来电反映早餐摊占用人行道（核实端到端测试）',
    });
    await desk.getByTestId('staff-report-caseno').waitFor({ timeout: 30_000 });
    const caseNo = (await desk.getByTestId('staff-report-caseno').textContent())?.trim() ?? '';
    expect(caseNo).toMatch(/^\d{4}-\d{8}$/);
    expect(await statusOf(desk, caseNo)).toBe('verifying');

    // ---- the inspector, on a phone, opens 待核实 and checks the spot ----
    const page = await signInOn(await phoneAt(live.browser, inXiayang, 12), live.origin, 'inspector.xiayang');
    await page.goto(`${live.origin}/m/cases?tab=verify_report`);
    await page.getByTestId(`case-link-${caseNo}`).first().click();
    await page.getByTestId('case-header').waitFor();
    expect(await page.getByTestId('case-status').first().textContent()).toBe('待核实');
    await page.getByTestId('case-action-verifyReport').click();
    const dialog = page.getByTestId('action-dialog-verifyReport');
    // The modal's root has no box of its own: wait for its form.
    await dialog.getByTestId('action-form').waitFor();
    await dialog.getByText('属实，交受理员立案').click();
    await dialog.getByTestId('photo-input').setInputFiles(spotPhoto);
    await dialog.locator('[data-testid="upload-status-0"][data-status="uploaded"]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => dialog.getByTestId('verify-position').textContent()).toContain('12');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('cases-verify-report-phone'), fullPage: true });
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await statusOf(page, caseNo)).toBe('reported');
    const detail = (await (await page.request.get(`${live.origin}/api/cases/${caseNo}`)).json()) as {
      photos: Array<{ stage: string }>;
      events: Array<{ action: string; details: { distanceFromCaseM?: number | null } }>;
    };
    expect(detail.photos.map((p) => p.stage)).toContain('verify_report');
    expect(detail.events.at(-1)?.action).toBe('confirm_report');

    // ---- the intake registers the confirmed report ----
    await desk.goto(`${live.origin}/m/cases/${caseNo}`);
    await desk.getByTestId('case-action-register').click();
    await desk.getByTestId('action-dialog-register').getByTestId('action-submit').click();
    await desk.getByTestId('action-dialog-register').waitFor({ state: 'detached' });
    expect(await statusOf(desk, caseNo)).toBe('registered');
  }, 180_000);
});
