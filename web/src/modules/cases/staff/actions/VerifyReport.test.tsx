// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../../test/fetchMock.ts';
import {
  caseNo,
  caseServer,
  inspectorUser,
  openCase,
  posts,
  stubPosition,
  uploadAnswer,
  uploadThroughFetch,
} from '../test/casePage.ts';
import { dispatcherUser, sampleDetail } from '../test/casesSamples.ts';
import { actionButtons } from './caseActionButtons.ts';

// Canvas is not in happy-dom: shrinking is tested in the browser (e2e); here a photo goes up as it is.
vi.mock('./photoPrep.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./photoPrep.ts')>()),
  preparePhoto: vi.fn(async (file: File) => file),
}));

beforeEach(() => {
  window.localStorage.clear();
  uploadThroughFetch();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('核实 on the case page', () => {
  it('offers 现场核实 first to the inspector, 送核实 to the intake, and neither to the reporter', () => {
    const base = {
      pendingRequest: null,
      clock: { stage: 'verify_report' as const, dueAt: null, overdue: false, suspended: false },
    };
    expect(actionButtons({ ...base, actions: ['confirm_report', 'refute_report'] })).toEqual(['verifyReport']);
    expect(actionButtons({ ...base, actions: ['register', 'reject', 'send_to_verify', 'merge'] })).toEqual([
      'register',
      'sendToVerify',
      'merge',
      'reject',
    ]);
  });

  it('says why the reporter is not offered the check of their own report', async () => {
    caseServer(
      inspectorUser,
      sampleDetail({ status: 'verifying', actions: [], withheldActions: ['confirm_report', 'refute_report'] }),
    );
    await openCase();
    expect(screen.getByTestId('case-status').textContent).toBe('待核实');
    expect(screen.queryByTestId('case-action-verifyReport')).toBeNull();
    expect(screen.getByTestId('case-withheld').textContent).toBe('本案由您上报，核实须由其他监督员进行。');
  });

  it('不属实 needs what was found; the check goes with a photo and the phone’s position', async () => {
    stubPosition({ longitude: 113.7721, latitude: 26.4891, accuracy: 9 });
    const { requests } = caseServer(
      inspectorUser,
      sampleDetail({ status: 'verifying', actions: ['confirm_report', 'refute_report'] }),
      {
        'POST /api/cases/photo-uploads': () => jsonResponse(201, { ...uploadAnswer, uploadId: 'u-1' }),
        [`POST /api/cases/${caseNo}/verify-report`]: jsonResponse(
          200,
          sampleDetail({ status: 'rejected', revision: 4, actions: [] }),
        ),
      },
    );
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-verifyReport'));
    const dialog = await screen.findByTestId('action-dialog-verifyReport');
    expect((await within(dialog).findByTestId('verify-position')).textContent).toBe(
      '已获取位置（误差约 9 米），将随核实结论提交。',
    );
    // 核实's own words, not those of 处理反馈 (处置后照片) or 核查 (核查位置).
    expect(within(dialog).getByText('核实位置')).toBeTruthy();
    expect(within(dialog).getByText('现场照片')).toBeTruthy();
    expect(within(dialog).queryByText(/核查/)).toBeNull();
    fireEvent.click(within(dialog).getByLabelText('不属实，不予立案'));
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    expect(await within(dialog).findByText('请至少选择一张现场照片')).toBeTruthy();
    expect(within(dialog).queryByText(/处置后照片/)).toBeNull();
    const input = within(dialog).getByTestId('photo-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File(['a'], 'spot.jpg', { type: 'image/jpeg' })],
      configurable: true,
    });
    await act(async () => fireEvent.change(input));
    await waitFor(() => expect(within(dialog).getByTestId('upload-status-0').dataset.status).toBe('uploaded'));
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    expect(await within(dialog).findByText('不属实时请写明现场情况（将告知上报人）')).toBeTruthy();
    expect(posts(requests, 'verify-report')).toHaveLength(0);

    fireEvent.change(within(dialog).getByTestId('action-field-note'), { target: { value: '现场未见摊位' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await waitFor(() => expect(posts(requests, 'verify-report')).toHaveLength(1));
    expect(posts(requests, 'verify-report')[0]?.body).toEqual({
      revision: 3,
      confirmed: false,
      note: '现场未见摊位',
      photos: [{ uploadId: 'u-1' }],
      lng: 113.7721,
      lat: 26.4891,
    });
  });

  it('the intake sends a report to 核实 with what to look at, and is told it comes back to be registered', async () => {
    const sent = sampleDetail();
    const sentToVerify = sampleDetail({
      status: 'verifying',
      revision: 4,
      actions: ['merge'],
      events: [
        ...sent.events,
        {
          seq: 3,
          at: '2026-11-28T05:00:00.000Z',
          action: 'send_to_verify',
          actor: '周婷',
          fromStatus: 'reported',
          toStatus: 'verifying',
          note: '核实摊位是否仍在',
          details: {},
        },
      ],
    });
    const { requests } = caseServer(
      dispatcherUser,
      sampleDetail({ status: 'reported', actions: ['register', 'reject', 'send_to_verify', 'merge'] }),
      {
        [`POST /api/cases/${caseNo}/send-to-verify`]: jsonResponse(200, sentToVerify),
      },
    );
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-sendToVerify'));
    const dialog = await screen.findByTestId('action-dialog-sendToVerify');
    fireEvent.change(within(dialog).getByTestId('action-field-note'), { target: { value: '核实摊位是否仍在' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await waitFor(() => expect(posts(requests, 'send-to-verify')).toHaveLength(1));
    expect(posts(requests, 'send-to-verify')[0]?.body).toEqual({ revision: 3, note: '核实摊位是否仍在' });
    expect(await screen.findByText('待核实')).toBeTruthy();
    // 核实 comes before 立案: the message and the timeline say the case comes back to the intake.
    expect(
      await screen.findByText('已送监督员现场核实。核实属实后案件回到待受理，由受理员再立案；不属实则不予立案。'),
    ).toBeTruthy();
    expect(within(screen.getByTestId('case-timeline')).getByText('送监督员核实（属实后回受理员立案）')).toBeTruthy();
  });
});
