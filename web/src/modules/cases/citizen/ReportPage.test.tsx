// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  errorResponse,
  jsonResponse,
  mockApi,
  type RecordedRequest,
  type RouteReply,
  sampleMeta,
} from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { myReportsStorageKey } from './myReports.ts';
import { sampleForm, sampleToken } from './test/samples.ts';

// happy-dom has no canvas: the shrinking itself is covered by photoPrep.test.ts and the browser test.
vi.mock('./photoPrep.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./photoPrep.ts')>()),
  preparePhoto: async (file: File) => ({
    blob: file,
    previewUrl: `blob:${file.name}`,
    width: 2560,
    height: 1920,
    bytes: 1000,
  }),
}));
const exif = vi.hoisted(() => ({ position: null as { lng: number; lat: number } | null }));
vi.mock('./photoLocation.ts', () => ({ photoPosition: async () => exif.position }));

interface HappyDomWindow {
  happyDOM: { setViewport(viewport: { width: number; height: number }): void };
}

const inXiayang = { lng: 113.772, lat: 26.489 };
const reported = { caseNo: '2026-00000042', trackingToken: sampleToken, status: 'reported', duplicates: [] };

function grantPosition(point: { lng: number; lat: number }) {
  const geolocation = {
    getCurrentPosition: (ok: PositionCallback) =>
      ok({ coords: { longitude: point.lng, latitude: point.lat, accuracy: 12 } } as GeolocationPosition),
  };
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: geolocation });
}

beforeEach(() => {
  window.localStorage.clear();
  // Without XMLHttpRequest photo uploads go through fetch, which the tests mock.
  vi.stubGlobal('XMLHttpRequest', undefined);
  exif.position = null;
  (window as unknown as HappyDomWindow).happyDOM.setViewport({ width: 360, height: 740 });
  grantPosition(inXiayang);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  (window as unknown as HappyDomWindow).happyDOM.setViewport({ width: 1024, height: 768 });
});

const uploadAnswer = {
  width: 2560,
  height: 1920,
  takenAt: null,
  location: null,
  expiresAt: '2026-11-30T01:00:00.000Z',
};
/** The public upload route: `u-1`, `u-2`, … in the order the photos arrive. */
function uploadsInOrder(): RouteReply {
  let count = 0;
  return () => jsonResponse(201, { ...uploadAnswer, uploadId: `u-${++count}` });
}

function citizenServer(
  report: RouteReply,
  nearby: unknown = { radiusM: 50, items: [] },
  upload: RouteReply = uploadsInOrder(),
) {
  return mockApi({
    'GET /api/meta': jsonResponse(200, sampleMeta),
    'GET /api/public/cases/form': jsonResponse(200, sampleForm),
    'GET /api/public/cases/nearby': jsonResponse(200, nearby),
    'POST /api/public/cases/photo-uploads': upload,
    'POST /api/public/cases': report,
  });
}

const uploads = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/api/public/cases/photo-uploads');
const uploadState = (index: number) => screen.getByTestId(`upload-status-${index}`).dataset.status;

const reports = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path === '/api/public/cases');
const step = () => screen.getByTestId('report-page').getAttribute('data-step');
const locationState = () => screen.getByTestId('location-notice').getAttribute('data-state');

/** Picks an option of a native select by its visible name, as the phone's picker would. */
async function choose(testId: string, name: string) {
  const select = screen.getByTestId(testId);
  const option = within(select).getByRole<HTMLOptionElement>('option', { name });
  fireEvent.change(select, { target: { value: option.value } });
}

function denyPosition() {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (_: PositionCallback, fail: PositionErrorCallback) =>
        fail({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError),
    },
  });
}

/** A category and one photo, then on to the location step. */
async function toLocationStep(photoName = 'a.jpg') {
  renderApp('/report');
  fireEvent.click(await screen.findByTestId('category-09001', {}, { timeout: 10_000 }));
  await act(async () =>
    fireEvent.change(await screen.findByTestId('photo-input'), {
      target: { files: [new File(['j'], photoName, { type: 'image/jpeg' })] },
    }),
  );
  await waitFor(() => expect(within(screen.getByTestId('photo-list')).getAllByRole('listitem')).toHaveLength(1));
  fireEvent.click(screen.getByTestId('report-next'));
  await screen.findByTestId('location-notice');
}

/** Fills the four steps as a citizen would, up to (not including) pressing 提交. */
async function fillReport({ category = '09001', photos = 2 } = {}) {
  renderApp('/report');
  fireEvent.click(await screen.findByTestId(`category-${category}`, {}, { timeout: 10_000 }));
  const files = Array.from(
    { length: photos },
    (_, i) => new File(['jpeg'], `scene-${i + 1}.jpg`, { type: 'image/jpeg' }),
  );
  await act(async () => fireEvent.change(await screen.findByTestId('photo-input'), { target: { files } }));
  await waitFor(() => expect(within(screen.getByTestId('photo-list')).getAllByRole('listitem')).toHaveLength(photos));
  fireEvent.click(screen.getByTestId('report-next'));

  fireEvent.click(await screen.findByTestId('use-my-location'));
  await waitFor(() => expect(locationState()).toBe('located'));
  await choose('township-select', '霞阳镇');
  await choose('village-select', '城东社区');
  fireEvent.change(screen.getByTestId('address-input'), { target: { value: '人民路农贸市场东门口' } });
  fireEvent.click(screen.getByTestId('report-next'));

  fireEvent.change(await screen.findByTestId('description-input'), { target: { value: '三个流动摊贩占用人行道' } });
}

describe('reporting a problem from a phone', () => {
  it('sends the four steps as one report with an Idempotency-Key and shows the number and code', async () => {
    const { requests } = citizenServer(jsonResponse(201, reported));
    await fillReport();
    fireEvent.change(screen.getByTestId('phone-input'), { target: { value: '13907331234' } });
    fireEvent.click(screen.getByTestId('report-submit'));

    const result = await screen.findByTestId('report-result');
    expect(within(result).getByTestId('result-case-no').textContent).toBe('2026-00000042');
    expect(within(result).getByTestId('result-token').textContent).toBe(sampleToken);
    const [sent] = reports(requests);
    expect(sent?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // Anonymous on purpose: no session cookie goes with a public report.
    expect(sent?.credentials).toBe('omit');
    expect(sent?.body).toEqual({
      categoryCode: '09001',
      ...inXiayang,
      address: '人民路农贸市场东门口',
      regionCode: '430225100001',
      description: '三个流动摊贩占用人行道',
      phone: '13907331234',
      photos: [{ uploadId: 'u-1' }, { uploadId: 'u-2' }],
    });
    // Each photo went up on its own as it was picked: raw bytes, its own key, no cookie.
    expect(uploads(requests).map((r) => [r.headers.get('Content-Type'), r.credentials])).toEqual([
      ['image/jpeg', 'omit'],
      ['image/jpeg', 'omit'],
    ]);
    expect(new Set(uploads(requests).map((r) => r.headers.get('Idempotency-Key'))).size).toBe(2);
    const nearby = requests.find((r) => r.path === '/api/public/cases/nearby');
    expect(Object.fromEntries(nearby?.query ?? [])).toEqual({ categoryCode: '09001', lng: '113.772', lat: '26.489' });
    expect(JSON.parse(window.localStorage.getItem(myReportsStorageKey) ?? '[]')).toMatchObject([
      { caseNo: '2026-00000042', token: sampleToken, category: '流动摊贩（推车、挑担叫卖）' },
    ]);
  });

  it('sends 短信告知办理进展 only when ticked, and asks for the phone first', async () => {
    const { requests } = citizenServer(jsonResponse(201, reported));
    await fillReport();
    const consent = screen.getByTestId('sms-consent-input') as HTMLInputElement;
    expect(consent.checked).toBe(false);
    expect(screen.getByText('短信告知办理进展')).toBeTruthy();
    fireEvent.click(consent);
    fireEvent.click(screen.getByTestId('report-submit'));
    expect(await screen.findByText('接收短信告知需要先填写手机号')).toBeTruthy();
    expect(reports(requests)).toEqual([]);

    fireEvent.change(screen.getByTestId('phone-input'), { target: { value: '13907331234' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await screen.findByTestId('report-result');
    expect(reports(requests)[0]?.body).toMatchObject({ phone: '13907331234', smsConsent: true });
  });

  it('takes the citizen back to the step of each field the server refused', async () => {
    const { requests } = citizenServer(
      errorResponse(400, 'validation', '提交内容有误', {
        'photos.1': '照片未找到或已过期，请重新上传',
        regionCode: '所在地区不存在',
      }),
    );
    await fillReport();
    fireEvent.click(screen.getByTestId('report-submit'));

    await waitFor(() => expect(step()).toBe('photos'));
    expect(screen.getByTestId('report-fix')).toBeTruthy();
    // The server no longer has that upload: the photo says so and can be uploaded again, with a new key.
    expect(screen.getByTestId('upload-status-1').textContent).toContain('照片未找到或已过期，请重新上传');
    expect(uploadState(0)).toBe('uploaded');
    fireEvent.click(screen.getByTestId('upload-retry-1'));
    await waitFor(() => expect(uploadState(1)).toBe('uploaded'));
    const [, second, third] = uploads(requests);
    expect(third?.headers.get('Idempotency-Key')).not.toBe(second?.headers.get('Idempotency-Key'));

    fireEvent.click(screen.getByTestId('report-next'));
    await waitFor(() => expect(step()).toBe('location'));
    expect(screen.getByText('所在地区不存在')).toBeTruthy();
    expect(reports(requests)).toHaveLength(1);
  });

  it('shows an area error at the area field of a category measured in m²', async () => {
    citizenServer(errorResponse(400, 'validation', '提交内容有误', { areaM2: '面积须大于 0' }));
    await fillReport({ category: '06001' });
    fireEvent.change(screen.getByTestId('area-input'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await screen.findByText('面积须大于 0');
    expect(step()).toBe('details');
  });

  it('retries after a lost connection with the same body and the same key', async () => {
    let attempts = 0;
    const { requests } = citizenServer(() => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return jsonResponse(200, reported);
    });
    await fillReport({ photos: 1 });
    fireEvent.click(screen.getByTestId('report-submit'));

    fireEvent.click(await screen.findByTestId('report-retry'));
    await screen.findByTestId('report-result');
    const [first, second] = reports(requests);
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
    expect(second?.body).toEqual(first?.body);
  });

  it('shows open cases of the same kind nearby first, and still reports when asked', async () => {
    const nearby = {
      radiusM: 50,
      items: [
        {
          caseNo: '2026-00000007',
          status: 'dispatched',
          distanceM: 18.4,
          address: '人民路 12 号',
          reportedAt: '2026-11-28T02:00:00.000Z',
        },
      ],
    };
    const { requests } = citizenServer(jsonResponse(201, reported), nearby);
    await fillReport();
    fireEvent.click(screen.getByTestId('report-submit'));

    const notice = await screen.findByTestId('nearby-notice');
    expect(notice.textContent).toContain('附近已有相同问题在处理');
    expect(notice.textContent).toContain('2026-00000007 · 约 18 米 · 已派给责任部门');
    expect(reports(requests)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('report-anyway'));
    await screen.findByTestId('report-result');
    expect(reports(requests)).toHaveLength(1);
  });

  it('says a point outside the county is outside, in one message, and asks for the place in words', async () => {
    grantPosition({ lng: 112.98, lat: 28.19 });
    citizenServer(jsonResponse(201, reported));
    await toLocationStep();
    fireEvent.click(await screen.findByTestId('use-my-location'));
    await waitFor(() => expect(locationState()).toBe('outside'));
    expect(screen.getByTestId('location-notice').textContent).toContain('不在本县范围内');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('report-next'));

    expect(await screen.findByText('请选择所在乡镇')).toBeTruthy();
    expect(step()).toBe('location');
    expect(screen.getAllByTestId('location-notice')).toHaveLength(1);

    // The page's own messages follow the language switch.
    act(() => fireEvent.click(within(screen.getByTestId('lang-switch')).getByText('English')));
    expect(await screen.findByText('Please choose the township')).toBeTruthy();
  });

  it('offers where the photo was taken when the phone will not say where it is, and the refusal goes', async () => {
    denyPosition();
    exif.position = { lng: 113.7731, lat: 26.4902 };
    citizenServer(jsonResponse(201, reported));
    await toLocationStep('gps.jpg');

    fireEvent.click(await screen.findByTestId('use-my-location'));
    await waitFor(() => expect(locationState()).toBe('denied'));
    expect(screen.getByTestId('location-notice').textContent).toContain('您没有允许定位');
    fireEvent.click(screen.getByTestId('use-photo-location'));
    expect(locationState()).toBe('located');
    const notice = screen.getByTestId('location-notice').textContent;
    expect(notice).toContain('已使用照片的拍摄位置：经度 113.77310，纬度 26.49020');
    expect(notice).not.toContain('没有允许定位');
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('sends the report only once every photo is up: it waits for one on its way, and a failed one is retried with its key', async () => {
    let attempts = 0;
    let release: () => void = () => undefined;
    const { requests } = citizenServer(jsonResponse(201, reported), undefined, async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      if (attempts === 2)
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      return jsonResponse(201, { ...uploadAnswer, uploadId: `u-${attempts}` });
    });
    renderApp('/report');
    fireEvent.click(await screen.findByTestId('category-09001', {}, { timeout: 10_000 }));
    await act(async () =>
      fireEvent.change(await screen.findByTestId('photo-input'), {
        target: { files: [new File(['j'], 'a.jpg', { type: 'image/jpeg' })] },
      }),
    );
    await waitFor(() => expect(uploadState(0)).toBe('failed'));
    expect(screen.getByTestId('upload-status-0').textContent).toContain('网络');
    fireEvent.click(screen.getByTestId('upload-retry-0'));
    await waitFor(() => expect(uploadState(0)).toBe('uploading'));
    const [first, second] = uploads(requests);
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));

    fireEvent.click(screen.getByTestId('report-next'));
    fireEvent.click(await screen.findByTestId('use-my-location'));
    await choose('township-select', '霞阳镇');
    fireEvent.change(screen.getByTestId('address-input'), { target: { value: '人民路口' } });
    fireEvent.click(screen.getByTestId('report-next'));
    fireEvent.change(await screen.findByTestId('description-input'), { target: { value: '摊贩占道' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    expect((await screen.findByTestId('report-waiting-photos')).textContent).toContain('0/1');
    expect(reports(requests)).toHaveLength(0);

    await act(async () => release());
    await screen.findByTestId('report-result');
    expect(reports(requests)[0]?.body).toMatchObject({ photos: [{ uploadId: 'u-2' }] });
  });

  it('offers the place the server read from the photo when neither the phone nor the page could say where it is', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_: PositionCallback, fail: PositionErrorCallback) =>
          fail({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError),
      },
    });
    citizenServer(
      jsonResponse(201, reported),
      undefined,
      jsonResponse(201, { ...uploadAnswer, uploadId: 'u-1', location: { lng: 113.7741, lat: 26.4912 } }),
    );
    renderApp('/report');
    fireEvent.click(await screen.findByTestId('category-09001', {}, { timeout: 10_000 }));
    await act(async () =>
      fireEvent.change(await screen.findByTestId('photo-input'), {
        target: { files: [new File(['j'], 'cam.jpg', { type: 'image/jpeg' })] },
      }),
    );
    await waitFor(() => expect(uploadState(0)).toBe('uploaded'));
    fireEvent.click(screen.getByTestId('report-next'));
    fireEvent.click(await screen.findByTestId('use-photo-location'));
    expect(screen.getByTestId('location-notice').textContent).toContain('经度 113.77410，纬度 26.49120');
  });
});
