// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type RecordedRequest, sampleUser, signedInAs } from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';
import { dispatcherUser, sampleDepartments, sampleDetail } from '../test/casesSamples.ts';
import { actionButtons } from './caseActionButtons.ts';

// Canvas is not in happy-dom: shrinking is tested in the browser (e2e); here a photo goes up as it is.
vi.mock('./photoPrep.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./photoPrep.ts')>()),
  preparePhoto: vi.fn(async (file: File) => file),
}));

beforeEach(() => {
  window.localStorage.clear();
  vi.stubGlobal('XMLHttpRequest', undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const caseNo = '2026-00000123';
const inspectorUser = {
  ...sampleUser,
  id: 'u-inspector',
  username: 'inspector.xiayang',
  displayName: '李明',
  roles: ['inspector'],
  permissions: [...sampleUser.permissions, 'cases.read', 'cases.report', 'cases.verify', 'cases.catalogue.read'],
  scopeRegion: '430225100',
};
const uploadAnswer = { width: 80, height: 60, takenAt: null, location: null, expiresAt: '2026-11-30T01:00:00.000Z' };
const posts = (requests: RecordedRequest[], action: string) =>
  requests.filter((r) => r.method === 'POST' && r.path === `/api/cases/${caseNo}/${action}`);

function caseServer(user: typeof dispatcherUser, detail: ReturnType<typeof sampleDetail>, extra = {}) {
  return mockApi({
    ...signedInAs(user),
    [`GET /api/cases/${caseNo}`]: jsonResponse(200, detail),
    'GET /api/cases/departments': jsonResponse(200, sampleDepartments),
    ...extra,
  });
}

async function openCase() {
  renderApp(`/m/cases/${caseNo}`);
  return screen.findByTestId('case-header', {}, { timeout: 10_000 });
}

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
    const getCurrentPosition = vi.fn((found: PositionCallback) =>
      found({ coords: { longitude: 113.7721, latitude: 26.4891, accuracy: 9 } } as GeolocationPosition),
    );
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
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
    expect((await within(dialog).findByTestId('verify-position')).textContent).toContain('9');
    fireEvent.click(within(dialog).getByLabelText('不属实，不予立案'));
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

  it('the intake sends a report to 核实 with what to look at', async () => {
    const { requests } = caseServer(
      dispatcherUser,
      sampleDetail({ status: 'reported', actions: ['register', 'reject', 'send_to_verify', 'merge'] }),
      {
        [`POST /api/cases/${caseNo}/send-to-verify`]: jsonResponse(
          200,
          sampleDetail({ status: 'verifying', revision: 4, actions: ['merge'] }),
        ),
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
  });
});
