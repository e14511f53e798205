import { describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import { deskPage, inXiayang, phoneAt, sendHotlineCall, sidewaysOverflow, useScenePhoto } from './support/field.ts';
import { useLiveApp } from './support/live-app.ts';
import { phoneViewport } from './support/page-load.ts';
import { signInOn } from './support/sign-in.ts';

/**
 * Issue 12, "staff cannot create a case": an inspector reports on a phone-sized page (photo, position, category
 * search, one button) and finds the case in 我的上报; the dispatcher takes in a 12345 call with the caller's phone
 * and sees it masked on the case page.
 */
describe('staff report: the inspector on a phone, the hotline desk', () => {
  const live = useLiveApp();
  const scenePhoto = useScenePhoto({ r: 90, g: 140, b: 120 });

  it('an inspector takes a photo, is located, searches a category, sends, and finds the case in 我的上报', async () => {
    const page = await signInOn(await phoneAt(live.browser, inXiayang, 15), live.origin, 'inspector.xiayang');

    await page.goto(`${live.origin}/m/cases?tab=mine`);
    await page.getByTestId('case-report-open').click();
    const form = page.getByTestId('field-report-form');
    await form.waitFor();
    await page.getByText(/已定位，误差约 15 米/).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('staff-township-fixed').textContent()).toBe('霞阳镇');
    // Nothing to correct before the inspector has tried to send.
    expect(await form.getByRole('alert').count()).toBe(0);

    await page.getByTestId('staff-photo-input').setInputFiles(scenePhoto);
    await page.locator('[data-testid="upload-status-0"][data-status="uploaded"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('staff-category-search').fill('09006');
    await page.getByTestId('staff-category-09006').click();
    await page.getByTestId('staff-category-chosen').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // The send button is on screen, at the bottom, where the thumb is.
    const submit = page.getByTestId('staff-report-submit');
    const box = await submit.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    expect((box?.y ?? 1e9) + (box?.height ?? 0)).toBeLessThanOrEqual(phoneViewport.height);
    await page.screenshot({ path: screenshotPath('staff-report-field-phone') });
    await submit.click();

    const caseNo = (await page.getByTestId('staff-report-caseno').textContent())?.trim() ?? '';
    expect(caseNo).toMatch(/^\d{4}-\d{8}$/);
    await page.screenshot({ path: screenshotPath('staff-report-field-done-phone') });
    await page.getByRole('link', { name: '我的上报' }).click();
    await page.waitForURL(/tab=mine/);
    await page.getByTestId(`case-link-${caseNo}`).first().waitFor({ timeout: 20_000 });

    const origin = new URL(page.url()).origin;
    const detail = await (await page.request.get(`${origin}/api/cases/${caseNo}`)).json();
    expect(detail).toMatchObject({ channel: 'patrol', townshipCode: '430225100', categoryCode: '09006' });
    expect(detail.photos).toHaveLength(1);
    expect(detail.lng).toBeCloseTo(inXiayang.longitude, 4);
  });

  it('the dispatcher takes in a 12345 call with the caller’s phone and sees it masked on the case page', async () => {
    const page = await signInOn(await deskPage(live.browser), live.origin, 'dispatcher');
    await page.goto(`${live.origin}/m/cases/report`);
    const form = page.getByTestId('hotline-intake-form');
    await form.waitFor();

    const ticket = `RX${Date.now().toString().slice(-8)}`;
    await sendHotlineCall(page, {
      ticketNo: ticket.toLowerCase(),
      callerName: '王先生',
      phone: '139 0733 1234',
      smsConsent: true,
      address: '霞阳镇炎帝大道 120 号门前',
      description: '来电反映水果摊占用人行道经营（端到端测试）',
    });
    await page
      .getByTestId('staff-report-caseno')
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        throw new Error(`no answer: ${(await page.getByRole('alert').allTextContents()).join(' | ')}`);
      });
    const caseNo = (await page.getByTestId('staff-report-caseno').textContent())?.trim() ?? '';
    expect(caseNo).toMatch(/^\d{4}-\d{8}$/);
    // The 查询码 read out to the caller opens the case where a resident follows it.
    const code = (await page.getByTestId('staff-report-tracking-code').textContent())?.trim() ?? '';
    const tracked = await page.request.get(`${live.origin}/api/public/cases/${caseNo}`, {
      headers: { 'x-case-token': code },
    });
    expect(tracked.status()).toBe(200);

    await page.getByTestId('staff-report-open').click();
    await page.getByTestId('case-facts').waitFor();
    const facts = page.getByTestId('case-facts');
    await facts.getByText('139****1234').waitFor();
    expect(await facts.getByTestId('reporter-ticket').textContent()).toContain(ticket);
    expect(await facts.getByTestId('reporter-name').textContent()).toContain('王*生');
    expect(await page.content()).not.toContain('13907331234');
    expect(await page.content()).not.toContain('王先生');
    await page.screenshot({ path: screenshotPath('staff-report-hotline-case') });

    // The same ticket again is refused, with the way to the first case.
    await page.goto(`${live.origin}/m/cases/report`);
    await page.getByTestId('hotline-intake-form').waitFor();
    await sendHotlineCall(page, {
      ticketNo: ticket,
      address: '霞阳镇炎帝大道 120 号门前',
      description: '同一来电再次录入',
    });
    expect(await page.getByTestId('staff-ticket-existing').getAttribute('href')).toBe(`/m/cases/${caseNo}`);
  });
});
