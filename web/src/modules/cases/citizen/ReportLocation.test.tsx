// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type RecordedRequest, sampleMeta } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
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
vi.mock('./photoLocation.ts', () => ({ photoPosition: async () => null }));

interface HappyDomWindow {
  happyDOM: { setViewport(viewport: { width: number; height: number }): void };
}

/** The phone's answer to "where am I?": a point, a refusal (1), no fix (2), silence, or no geolocation at all. */
function phoneLocation(answer: { lng: number; lat: number } | 1 | 2 | 'silent' | 'none') {
  if (answer === 'none') {
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
    return;
  }
  const getCurrentPosition = (ok: PositionCallback, fail: PositionErrorCallback) => {
    if (answer === 'silent') return;
    if (typeof answer === 'number')
      fail({ code: answer, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2 } as GeolocationPositionError);
    else ok({ coords: { longitude: answer.lng, latitude: answer.lat, accuracy: 20 } } as GeolocationPosition);
  };
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
}

const reported = { caseNo: '2026-00000042', trackingToken: sampleToken, status: 'reported', duplicates: [] };
const uploadAnswer = {
  width: 2560,
  height: 1920,
  takenAt: null,
  location: null,
  expiresAt: '2026-11-30T01:00:00.000Z',
};

function citizenServer() {
  let uploads = 0;
  return mockApi({
    'GET /api/meta': jsonResponse(200, sampleMeta),
    'GET /api/public/cases/form': jsonResponse(200, sampleForm),
    'GET /api/public/cases/nearby': jsonResponse(200, { radiusM: 50, items: [] }),
    'POST /api/public/cases/photo-uploads': () => jsonResponse(201, { ...uploadAnswer, uploadId: `u-${++uploads}` }),
    'POST /api/public/cases': jsonResponse(201, reported),
  });
}

beforeEach(() => {
  window.localStorage.clear();
  vi.stubGlobal('XMLHttpRequest', undefined);
  (window as unknown as HappyDomWindow).happyDOM.setViewport({ width: 390, height: 844 });
  phoneLocation(1);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const step = () => screen.getByTestId('report-page').getAttribute('data-step');
const notices = () => screen.getAllByTestId('location-notice');
const fieldErrors = () => document.querySelectorAll('.wm-field-error');

/** Picks an option of a native select by its visible name, as the phone's picker would. */
async function choose(testId: string, name: string) {
  const select = screen.getByTestId(testId);
  const option = within(select).getByRole<HTMLOptionElement>('option', { name });
  fireEvent.change(select, { target: { value: option.value } });
}

async function toPhotos() {
  renderApp('/report');
  fireEvent.click(await screen.findByTestId('category-09001', {}, { timeout: 10_000 }));
  await waitFor(() => expect(step()).toBe('photos'));
}

async function toLocation() {
  await toPhotos();
  await act(async () =>
    fireEvent.change(screen.getByTestId('photo-input'), {
      target: { files: [new File(['j'], 'a.jpg', { type: 'image/jpeg' })] },
    }),
  );
  await waitFor(() => expect(within(screen.getByTestId('photo-list')).getAllByRole('listitem')).toHaveLength(1));
  fireEvent.click(screen.getByTestId('report-next'));
  await screen.findByTestId('location-notice');
}

/** The one message on the location step, and no other message anywhere on it. */
function expectOneMessage(state: string, text: string) {
  expect(notices()).toHaveLength(1);
  expect(notices()[0]?.getAttribute('data-state')).toBe(state);
  expect(notices()[0]?.textContent).toContain(text);
  expect(fieldErrors()).toHaveLength(0);
  expect(screen.queryAllByRole('alert').filter((a) => a !== notices()[0])).toHaveLength(0);
}

describe('no error before the citizen has done anything', () => {
  it('arrives at the photos step without a message, and is told only after trying to go on', async () => {
    citizenServer();
    await toPhotos();
    expect(screen.queryByTestId('photos-error')).toBeNull();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('report-next'));
    expect((await screen.findByTestId('photos-error')).textContent).toBe('请至少拍一张照片');
  });

  it('offers no 下一步 on the first step until a category is chosen: choosing moves on by itself', async () => {
    citizenServer();
    renderApp('/report');
    await screen.findByTestId('category-09001', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('report-next')).toBeNull();
  });

  it('arrives at the location step with one neutral message and no field errors', async () => {
    citizenServer();
    await toLocation();
    expectOneMessage('idle', '使用我现在的位置');
    fireEvent.click(screen.getByTestId('report-next'));
    expect(await screen.findByText('请选择所在乡镇')).toBeTruthy();
    expect(screen.getByText('请填写详细地点')).toBeTruthy();
    expect(notices()).toHaveLength(1);
  });
});

describe('one message for each state of the location', () => {
  it.each([
    ['denied', 1, '您没有允许定位，没关系：请选择乡镇并写清详细地点'],
    ['unavailable', 2, '暂时无法定位'],
    ['locating', 'silent', '正在获取您的位置'],
    ['located', { lng: 113.772, lat: 26.489 }, '已获取位置（来自手机定位，误差约 20 米）'],
    ['outside', { lng: 112.98, lat: 28.19 }, '不在本县范围内'],
    ['unavailable', 'none', '暂时无法定位'],
  ] as const)('%s (phone answers %j)', async (state, answer, text) => {
    phoneLocation(answer);
    citizenServer();
    await toLocation();
    fireEvent.click(screen.getByTestId('use-my-location'));
    await waitFor(() => expect(notices()[0]?.getAttribute('data-state')).toBe(state));
    expectOneMessage(state, text);
  });

  it('manual: the citizen chooses to describe the place; a later refusal does not come back', async () => {
    phoneLocation({ lng: 113.772, lat: 26.489 });
    citizenServer();
    await toLocation();
    fireEvent.click(screen.getByTestId('use-my-location'));
    await waitFor(() => expect(notices()[0]?.getAttribute('data-state')).toBe('located'));
    fireEvent.click(screen.getByTestId('describe-place'));
    expectOneMessage('manual', '请选择乡镇，并写清路名、门牌号');
  });

  it('offers a map pin only where a tile service is configured (none here)', async () => {
    citizenServer();
    await toLocation();
    expect(screen.queryByTestId('pin-on-map')).toBeNull();
  });
});

describe('reporting without GPS', () => {
  it('sends the township and the address in words, no coordinates, and skips the nearby check', async () => {
    const { requests } = citizenServer();
    await toLocation();
    fireEvent.click(screen.getByTestId('use-my-location'));
    await waitFor(() => expect(notices()[0]?.getAttribute('data-state')).toBe('denied'));
    await choose('township-select', '霞阳镇');
    fireEvent.change(screen.getByTestId('address-input'), { target: { value: '附近' } });
    fireEvent.click(screen.getByTestId('report-next'));
    expect(await screen.findByText('没有定位时，请写清路名、门牌号或附近的标志性建筑（至少 4 个字）')).toBeTruthy();
    expect(step()).toBe('location');

    fireEvent.change(screen.getByTestId('address-input'), { target: { value: '炎帝大道８８号 门前' } });
    fireEvent.click(screen.getByTestId('report-next'));
    fireEvent.change(await screen.findByTestId('description-input'), { target: { value: '水果摊占用人行道' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await screen.findByTestId('report-result');

    const sent = requests.filter((r: RecordedRequest) => r.method === 'POST' && r.path === '/api/public/cases');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({
      categoryCode: '09001',
      address: '炎帝大道88号 门前',
      regionCode: '430225100',
      description: '水果摊占用人行道',
      photos: [{ uploadId: 'u-1' }],
    });
    expect(requests.some((r) => r.path === '/api/public/cases/nearby')).toBe(false);
  });

  it('with a point, the township may be left out', async () => {
    phoneLocation({ lng: 113.772, lat: 26.489 });
    const { requests } = citizenServer();
    await toLocation();
    fireEvent.click(screen.getByTestId('use-my-location'));
    await waitFor(() => expect(notices()[0]?.getAttribute('data-state')).toBe('located'));
    expect(screen.getByText('已定位时可不选，由指挥中心确定')).toBeTruthy();
    fireEvent.change(screen.getByTestId('address-input'), { target: { value: '菜市场门口' } });
    fireEvent.click(screen.getByTestId('report-next'));
    fireEvent.change(await screen.findByTestId('description-input'), { target: { value: '摊贩占道' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await screen.findByTestId('report-result');
    const sent = requests.find((r) => r.method === 'POST' && r.path === '/api/public/cases');
    expect(sent?.body).toMatchObject({ lng: 113.772, lat: 26.489, address: '菜市场门口' });
    expect(sent?.body).not.toHaveProperty('regionCode');
  });
});
