// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  errorResponse,
  jsonResponse,
  mockApi,
  type RecordedRequest,
  type SampleUser,
  signedInAs,
} from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';
import { inspectorUser, uploadAnswer } from '../test/casePage.ts';
import { departmentUser, dispatcherUser, sampleCatalogue, samplePlaces } from '../test/casesSamples.ts';

// Canvas is not in happy-dom: shrinking is tested in the browser (e2e); here a photo goes up as it is.
vi.mock('../actions/photoPrep.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../actions/photoPrep.ts')>()),
  preparePhoto: vi.fn(async (file: File) => file),
}));

const hotlineUser: SampleUser = { ...dispatcherUser, permissions: [...dispatcherUser.permissions, 'cases.hotline'] };

const reported = (caseNo: string) => ({ caseNo, trackingToken: 'tok', status: 'reported', duplicates: [] });

type Locate = (ok: PositionCallback, fail?: PositionErrorCallback | null) => void;
function phoneAt(locate: Locate) {
  Object.defineProperty(window.navigator, 'geolocation', {
    value: { getCurrentPosition: locate },
    configurable: true,
  });
}
const found: Locate = (ok) =>
  ok({ coords: { longitude: 113.772, latitude: 26.489, accuracy: 12.4 } } as unknown as GeolocationPosition);

beforeEach(() => {
  window.localStorage.clear();
  vi.stubGlobal('XMLHttpRequest', undefined);
  phoneAt(found);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function reportServer(user: SampleUser, extra: Parameters<typeof mockApi>[0] = {}) {
  let uploaded = 0;
  return mockApi({
    ...signedInAs(user),
    'GET /api/cases': jsonResponse(200, { items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 }),
    'GET /api/cases/catalogue': jsonResponse(200, sampleCatalogue),
    'GET /api/public/cases/form': jsonResponse(200, samplePlaces),
    'POST /api/cases/photo-uploads': () => jsonResponse(201, { ...uploadAnswer, uploadId: `u-${++uploaded}` }),
    ...extra,
  });
}
const reportPosts = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path === '/api/cases');

async function takePhoto() {
  const input = screen.getByTestId('staff-photo-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', {
    value: [new File(['a'], 'scene.jpg', { type: 'image/jpeg' })],
    configurable: true,
  });
  await act(async () => fireEvent.change(input));
  await waitFor(() => expect(screen.getByTestId('upload-status-0').dataset.status).toBe('uploaded'));
}

async function chooseCategory(words: string) {
  fireEvent.change(screen.getByTestId('staff-category-search'), { target: { value: words } });
  fireEvent.click(await screen.findByTestId('staff-category-09006'));
}

describe('field report (监督员 on a phone)', () => {
  it('photo first, the position with its accuracy, category search, township from the area; one key per draft', async () => {
    const { requests } = reportServer(inspectorUser, {
      'POST /api/cases': () => jsonResponse(201, reported(`2026-0000010${reportPosts(requests).length}`)),
    });
    renderApp('/m/cases/report');
    const form = await screen.findByTestId('field-report-form', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('staff-report-kind')).toBeNull();
    expect(await within(form).findByText('已定位，误差约 12 米')).toBeTruthy();
    expect(within(form).getByTestId('staff-township-fixed').textContent).toBe('霞阳镇');
    // Nothing is said before the inspector tries to send.
    expect(within(form).queryAllByRole('alert')).toHaveLength(0);

    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    expect(screen.getByText('请至少拍一张现场照片')).toBeTruthy();
    expect(screen.getByText('请选择案件类别')).toBeTruthy();
    expect(reportPosts(requests)).toHaveLength(0);

    await takePhoto();
    await chooseCategory('占道');
    expect(screen.getByTestId('staff-category-chosen').textContent).toContain('09006');
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    expect((await screen.findByTestId('staff-report-caseno')).textContent).toBe('2026-00000101');
    const [first] = reportPosts(requests);
    expect(first?.body).toEqual({
      categoryCode: '09006',
      regionCode: '430225100',
      lng: 113.772,
      lat: 26.489,
      photos: [{ uploadId: 'u-1' }],
    });

    // 再报一件: a fresh draft under a new key, and the category just used comes first with nothing typed.
    fireEvent.click(screen.getByTestId('staff-report-another'));
    await screen.findByTestId('field-report-form');
    expect(screen.getByTestId('staff-category-09006')).toBeTruthy();
    await takePhoto();
    fireEvent.click(screen.getByTestId('staff-category-09006'));
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    await screen.findByTestId('staff-report-result');
    const keys = reportPosts(requests).map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('a lost answer is retried under the same key and gives the one case', async () => {
    let attempts = 0;
    const { requests } = reportServer(inspectorUser, {
      'POST /api/cases': () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('network down');
        return jsonResponse(201, reported('2026-00000200'));
      },
    });
    renderApp('/m/cases/report');
    await screen.findByTestId('field-report-form', {}, { timeout: 10_000 });
    await takePhoto();
    await chooseCategory('09006');
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    await screen.findByTestId('staff-report-failed');
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-retry')));
    expect((await screen.findByTestId('staff-report-caseno')).textContent).toBe('2026-00000200');
    const [a, b] = reportPosts(requests);
    expect(a?.headers.get('Idempotency-Key')).toBe(b?.headers.get('Idempotency-Key'));
    expect(a?.body).toEqual(b?.body);
  });

  it('refused location: one message, and the address becomes required', async () => {
    phoneAt((_ok, fail) => fail?.({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError));
    const { requests } = reportServer(inspectorUser, {
      'POST /api/cases': jsonResponse(201, reported('2026-00000300')),
    });
    renderApp('/m/cases/report');
    await screen.findByTestId('field-report-form', {}, { timeout: 10_000 });
    expect((await screen.findByTestId('staff-position')).textContent).toContain('您没有允许定位');
    await takePhoto();
    await chooseCategory('占道');
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    expect(screen.getByText('没有定位时请填写详细地址')).toBeTruthy();
    fireEvent.change(screen.getByTestId('staff-address'), { target: { value: '炎帝大道 88 号门前' } });
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    await screen.findByTestId('staff-report-result');
    expect(reportPosts(requests)[0]?.body).toMatchObject({ address: '炎帝大道 88 号门前' });
    expect(reportPosts(requests)[0]?.body).not.toHaveProperty('lng');
  });
});

describe('12345 hotline intake (the dispatcher)', () => {
  async function pickTownship(name: string) {
    const select = screen.getByTestId('staff-township');
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle(name));
  }

  it('opens on the intake for the 热线受理 holder; sends the caller’s fields and no photo; a taken ticket links to its case', async () => {
    const { requests } = reportServer(hotlineUser, {
      'POST /api/cases': errorResponse(409, 'hotline_ticket_taken', '工单号已受理', {
        ticketNo: '工单号 RX260312-001 已受理为案件 2026-00000042，请勿重复录入',
      }),
    });
    renderApp('/m/cases/report');
    const form = await screen.findByTestId('hotline-intake-form', {}, { timeout: 10_000 });
    expect(screen.getByTestId('staff-report-kind')).toBeTruthy();
    fireEvent.change(within(form).getByTestId('staff-ticketNo'), { target: { value: 'rx260312-001' } });
    fireEvent.change(within(form).getByTestId('staff-callerName'), { target: { value: '王先生' } });
    expect(within(form).queryByTestId('staff-sms-consent')).toBeNull();
    fireEvent.change(within(form).getByTestId('staff-phone'), { target: { value: '139 0733 1234' } });
    fireEvent.click(within(form).getByTestId('staff-sms-consent'));
    await pickTownship('霞阳镇');
    fireEvent.change(within(form).getByTestId('staff-address'), { target: { value: '炎帝大道 88 号门前' } });
    await chooseCategory('占道');
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    expect(screen.getByText('请记录来电反映的问题')).toBeTruthy();
    expect(reportPosts(requests)).toHaveLength(0);
    fireEvent.change(within(form).getByTestId('staff-description'), { target: { value: '水果摊占道' } });
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));

    await waitFor(() => expect(reportPosts(requests)).toHaveLength(1));
    expect(reportPosts(requests)[0]?.body).toEqual({
      channel: 'hotline',
      categoryCode: '09006',
      regionCode: '430225100',
      address: '炎帝大道 88 号门前',
      description: '水果摊占道',
      photos: [],
      ticketNo: 'rx260312-001',
      callerName: '王先生',
      phone: '139 0733 1234',
      smsConsent: true,
    });
    expect(await screen.findByText(/已受理为案件 2026-00000042/)).toBeTruthy();
    expect(screen.getByTestId('staff-ticket-existing').getAttribute('href')).toBe('/m/cases/2026-00000042');
  });

  it('the intake’s answer gives the 查询码 to read out to the caller, once; a report of one’s own does not', async () => {
    reportServer(hotlineUser, {
      'POST /api/cases': jsonResponse(201, { ...reported('2026-00000500'), trackingToken: 'Qx7-caller-code' }),
    });
    renderApp('/m/cases/report');
    const form = await screen.findByTestId('hotline-intake-form', {}, { timeout: 10_000 });
    await pickTownship('霞阳镇');
    fireEvent.change(within(form).getByTestId('staff-address'), { target: { value: '炎帝大道 88 号门前' } });
    await chooseCategory('占道');
    fireEvent.change(within(form).getByTestId('staff-description'), { target: { value: '水果摊占道' } });
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    expect((await screen.findByTestId('staff-report-caseno')).textContent).toBe('2026-00000500');
    expect(screen.getByTestId('staff-report-tracking-code').textContent).toBe('Qx7-caller-code');
    expect(screen.getByText(/请把案件编号和查询码告诉来电人/)).toBeTruthy();
    // Not kept on the device: the next intake starts without it.
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('Qx7-caller-code');
    fireEvent.click(screen.getByTestId('staff-report-another'));
    await screen.findByTestId('hotline-intake-form');
    expect(screen.queryByTestId('staff-report-tracking-code')).toBeNull();

    cleanup();
    reportServer(hotlineUser, {
      'POST /api/cases': jsonResponse(201, { ...reported('2026-00000501'), trackingToken: 'own-report-code' }),
    });
    renderApp('/m/cases/report?kind=field');
    await screen.findByTestId('field-report-form', {}, { timeout: 10_000 });
    await takePhoto();
    await pickTownship('霞阳镇');
    await chooseCategory('占道');
    await act(async () => fireEvent.click(screen.getByTestId('staff-report-submit')));
    expect((await screen.findByTestId('staff-report-caseno')).textContent).toBe('2026-00000501');
    expect(screen.queryByTestId('staff-report-tracking-code')).toBeNull();
  });

  it('the dispatcher may switch to a report of their own', async () => {
    reportServer(hotlineUser);
    renderApp('/m/cases/report?kind=field');
    expect(await screen.findByTestId('field-report-form', {}, { timeout: 10_000 })).toBeTruthy();
  });
});

describe('the 上报 button', () => {
  it('shows on the case list for every holder of cases.report, and not for a department', async () => {
    reportServer(inspectorUser);
    renderApp('/m/cases?tab=mine');
    fireEvent.click(await screen.findByTestId('case-report-open', {}, { timeout: 10_000 }));
    expect(await screen.findByTestId('field-report-form')).toBeTruthy();
    cleanup();
    reportServer(departmentUser);
    renderApp('/m/cases');
    await screen.findByTestId('case-queues', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('case-report-open')).toBeNull();
  });
});
