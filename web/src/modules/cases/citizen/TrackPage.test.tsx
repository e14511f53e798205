// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi, type RecordedRequest, sampleMeta } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import type { Tracking } from './citizenApi.ts';
import { myReportsStorageKey, saveMyReport } from './myReports.ts';
import { sampleToken, sampleTracking } from './test/samples.ts';

const caseNo = sampleTracking.caseNo;
const photoId = sampleTracking.resultPhotos[0] ?? '';

beforeEach(() => {
  window.localStorage.clear();
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:result-photo');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function trackingServer(tracking: Tracking = sampleTracking) {
  const tokenOk = (request: RecordedRequest) => request.headers.get('x-case-token') === sampleToken;
  return mockApi({
    'GET /api/meta': jsonResponse(200, sampleMeta),
    [`GET /api/public/cases/${caseNo}`]: (request) =>
      tokenOk(request)
        ? jsonResponse(200, tracking)
        : errorResponse(403, 'token_mismatch', '案件编号或查询码不正确', { 'x-case-token': '案件编号或查询码不正确' }),
    [`GET /api/public/cases/${caseNo}/photos/${photoId}`]: (request) =>
      tokenOk(request)
        ? new Response(new Uint8Array([0xff, 0xd8, 0xff]), { headers: { 'Content-Type': 'image/jpeg' } })
        : errorResponse(403, 'token_mismatch', 'x'),
    [`DELETE /api/public/cases/${caseNo}/sms-consent`]: (request) =>
      tokenOk(request)
        ? jsonResponse(200, { ...tracking, smsConsent: false })
        : errorResponse(403, 'token_mismatch', 'x'),
    [`POST /api/public/cases/${caseNo}/rating`]: (request) =>
      tokenOk(request)
        ? jsonResponse(200, {
            ...tracking,
            satisfaction: (request.body as { score: number }).score,
            satisfactionComment: (request.body as { comment?: string }).comment ?? null,
            canRate: false,
          })
        : errorResponse(403, 'token_mismatch', 'x'),
  });
}

describe('following a case', () => {
  it('opens a case from 我的举报 with its code, in China time, with the result photos, and takes the rating', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    const { requests } = trackingServer();
    renderApp('/track');
    fireEvent.click(await screen.findByTestId(`my-report-${caseNo}`, {}, { timeout: 10_000 }));

    const view = await screen.findByTestId('tracking-view');
    expect(within(view).getByTestId('tracking-status').textContent).toBe('已结案');
    const steps = within(view).getByTestId('tracking-steps');
    expect(steps.textContent).toContain('已收到，待受理');
    // 00:30 UTC is 08:30 in Shanghai.
    expect(steps.textContent).toContain('2026-11-29 08:30');
    expect(steps.textContent).toContain('2026-11-30 10:00');
    await waitFor(() =>
      expect(within(view).getByRole('img', { name: '处理结果照片 1' }).getAttribute('src')).toBe('blob:result-photo'),
    );
    const photo = requests.find((r) => r.path.endsWith(`/photos/${photoId}`));
    expect(photo?.headers.get('x-case-token')).toBe(sampleToken);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/track/${caseNo}`));

    const rating = within(view).getByTestId('rating-form');
    fireEvent.click(within(rating).getAllByRole('radio')[3]!);
    fireEvent.change(within(rating).getByRole('textbox'), { target: { value: '处理很及时' } });
    fireEvent.submit(rating);
    await screen.findByTestId('rating-thanks');
    const rate = requests.find((r) => r.method === 'POST');
    expect(rate?.body).toEqual({ score: 4, comment: '处理很及时' });
    expect(rate?.headers.get('x-case-token')).toBe(sampleToken);
    expect(screen.getByTestId('tracking-rated').textContent).toContain('满意');
    expect(screen.getByTestId('tracking-rated-comment').textContent).toBe('您的意见：处理很及时');
    expect(screen.queryByTestId('rating-form')).toBeNull();
  });

  it('asks for the score before sending a rating, on the stars, and sends nothing', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    const { requests } = trackingServer();
    renderApp(`/track/${caseNo}`);
    const rating = await screen.findByTestId('rating-form', {}, { timeout: 10_000 });
    fireEvent.submit(rating);
    expect(await within(rating).findByText('请选择满意程度')).toBeTruthy();
    const [first] = within(rating).getAllByRole('radio');
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(
      within(rating)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('aria-invalid')),
    ).toEqual(Array(5).fill('true'));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.click(within(rating).getByRole('radio', { name: '很满意' }));
    expect(within(rating).queryByText('请选择满意程度')).toBeNull();
    fireEvent.submit(rating);
    await screen.findByTestId('rating-thanks');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ score: 5 });
  });

  it('shows the 处置结果 with when it was handled and confirmed, or that the check is still to come', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    trackingServer();
    renderApp(`/track/${caseNo}`);
    const result = await screen.findByTestId('tracking-result', {}, { timeout: 10_000 });
    expect(within(result).getByTestId('tracking-result-text').textContent).toBe('已劝离流动摊贩，恢复人行道通行');
    // 06:00 and 02:00 UTC are 14:00 and 10:00 in Shanghai.
    expect(result.textContent).toContain('2026-11-29 14:00 责任部门反馈');
    expect(result.textContent).toContain('2026-11-30 10:00 经现场核查确认');
    cleanup();

    const handled: Tracking = {
      ...sampleTracking,
      status: 'handled',
      closedAt: null,
      canRate: false,
      result: { text: '已清理', handledAt: '2026-11-29T06:00:00.000Z', verifiedAt: null },
    };
    trackingServer(handled);
    renderApp(`/track/${caseNo}`);
    expect((await screen.findByTestId('tracking-result', {}, { timeout: 10_000 })).textContent).toContain(
      '等待现场核查确认',
    );
  });

  it('shows the reporter’s rating and own comment when the case is opened again', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    trackingServer({ ...sampleTracking, satisfaction: 2, satisfactionComment: '摊贩第二天又回来了', canRate: false });
    renderApp(`/track/${caseNo}`);
    const rated = await screen.findByTestId('tracking-rated', {}, { timeout: 10_000 });
    expect(rated.textContent).toContain('不满意');
    expect(within(rated).getByTestId('tracking-rated-comment').textContent).toBe('您的意见：摊贩第二天又回来了');
  });

  it('shows the deadline and the merged-into note while a merged case is open', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    const open: Tracking = {
      ...sampleTracking,
      status: 'dispatched',
      closedAt: null,
      followsCaseNo: '2026-00000007',
      steps: sampleTracking.steps.slice(0, 3),
      resultPhotos: [],
      result: null,
      canRate: false,
    };
    trackingServer(open);
    renderApp(`/track/${caseNo}`);

    const view = await screen.findByTestId('tracking-view', {}, { timeout: 10_000 });
    expect(within(view).getByTestId('tracking-due').textContent).toBe('2026-11-30 16:00');
    expect(within(view).getByTestId('tracking-merged').textContent).toContain('2026-00000007');
    expect(within(view).queryByTestId('rating-form')).toBeNull();
    expect(within(view).queryByTestId('result-photos')).toBeNull();
    expect(within(view).queryByTestId('tracking-result')).toBeNull();
  });

  it('says SMS notices are on and stops them with the code, then says they are off', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    const { requests } = trackingServer({ ...sampleTracking, smsConsent: true });
    renderApp(`/track/${caseNo}`);
    const view = await screen.findByTestId('tracking-view', {}, { timeout: 10_000 });
    expect(within(view).getByTestId('tracking-sms').textContent).toContain('已开启短信告知');
    fireEvent.click(within(view).getByTestId('tracking-sms-stop'));
    expect((await within(view).findByTestId('tracking-sms-off')).textContent).toContain('未开启短信告知');
    expect(within(view).queryByTestId('tracking-sms')).toBeNull();
    const stop = requests.find((r) => r.method === 'DELETE');
    expect(stop?.path).toBe(`/api/public/cases/${caseNo}/sms-consent`);
    expect(stop?.headers.get('x-case-token')).toBe(sampleToken);
  });

  it('shows nothing about SMS for a case without the consent', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    trackingServer();
    renderApp(`/track/${caseNo}`);
    const view = await screen.findByTestId('tracking-view', {}, { timeout: 10_000 });
    expect(within(view).queryByTestId('tracking-sms')).toBeNull();
    expect(within(view).queryByTestId('tracking-sms-off')).toBeNull();
  });

  it('puts a wrong code’s error at the code input and remembers nothing', async () => {
    const { requests } = trackingServer();
    renderApp('/track');
    const form = await screen.findByTestId('track-form', {}, { timeout: 10_000 });
    fireEvent.change(within(form).getByTestId('track-case-no'), { target: { value: caseNo } });
    fireEvent.change(within(form).getByTestId('track-token'), { target: { value: 'wrong-code-0000000000' } });
    fireEvent.submit(form);

    const codeInput = within(form).getByTestId('track-token');
    await waitFor(() => expect(codeInput.closest('.wm-field')?.textContent).toContain('案件编号或查询码不正确'));
    expect(within(form).getByTestId('track-case-no').closest('.wm-field')?.textContent).not.toContain('不正确');
    expect(requests.filter((r) => r.path === `/api/public/cases/${caseNo}`)).toHaveLength(1);
    expect(window.localStorage.getItem(myReportsStorageKey)).toBeNull();
  });

  it('calls a report waiting for its on-site check 已收到，待现场核实, in words a resident reads, in both languages', async () => {
    saveMyReport({ caseNo, token: sampleToken, category: '流动摊贩', savedAt: '2026-11-29T00:31:00.000Z' });
    const verifying: Tracking = {
      ...sampleTracking,
      status: 'verifying',
      closedAt: null,
      steps: [
        { at: '2026-11-29T00:30:00.000Z', status: 'reported', note: null },
        { at: '2026-11-29T00:35:00.000Z', status: 'verifying', note: null },
      ],
      resultPhotos: [],
      result: null,
      canRate: false,
    };
    trackingServer(verifying);
    renderApp(`/track/${caseNo}`);
    const view = await screen.findByTestId('tracking-view', {}, { timeout: 10_000 });
    expect(within(view).getByTestId('tracking-status').textContent).toBe('已收到，待现场核实');
    expect(within(view).getByTestId('tracking-steps').textContent).toContain('已收到，待现场核实');
    fireEvent.click(within(screen.getByTestId('lang-switch')).getByText('English'));
    await waitFor(() =>
      expect(within(view).getByTestId('tracking-status').textContent).toBe('Received, awaiting on-site check'),
    );
  });

  it('checks the case number’s shape before asking the server', async () => {
    const { requests } = trackingServer();
    renderApp('/track');
    const form = await screen.findByTestId('track-form', {}, { timeout: 10_000 });
    fireEvent.change(within(form).getByTestId('track-case-no'), { target: { value: '42' } });
    fireEvent.change(within(form).getByTestId('track-token'), { target: { value: sampleToken } });
    fireEvent.submit(form);
    await within(form).findByText('案件编号的格式是“年份-数字”，如 2026-00000123');
    expect(requests.filter((r) => r.path.startsWith('/api/public/cases'))).toHaveLength(0);
    // The reader lands on the field to fix, which says why (its message describes it).
    const caseNoInput = within(form).getByTestId('track-case-no');
    await waitFor(() => expect(document.activeElement).toBe(caseNoInput));
    expect(caseNoInput.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(caseNoInput.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      '年份-数字',
    );
  });
});
