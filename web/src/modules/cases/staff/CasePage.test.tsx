// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse } from '../../../test/fetchMock.ts';
import { actionButtons } from './actions/caseActionButtons.ts';
import {
  caseNo,
  caseServer,
  openCase,
  posts,
  stubPosition,
  uploadAnswer,
  uploadThroughFetch,
} from './test/casePage.ts';
import { departmentUser, dispatcherUser, sampleDetail } from './test/casesSamples.ts';

// Canvas is not in happy-dom: shrinking is tested in the browser (e2e); here a photo goes up as it is.
vi.mock('./actions/photoPrep.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./actions/photoPrep.ts')>()),
  preparePhoto: vi.fn(async (file: File) => file),
}));
// Tiles are off unless a test turns them on (VITE_MAP_TILE_URL at build time).
const tiles = vi.hoisted(() => ({
  config: undefined as { url: string; attribution: string; subdomains: string } | undefined,
}));
vi.mock('./map/mapConfig.ts', () => ({ tileConfig: () => tiles.config }));
/** Leaflet as far as the case page's map uses it: the marker it places and the view it opens on. */
const leaflet = vi.hoisted(() => {
  const state = { markers: [] as Array<{ at: [number, number]; html: string; title: string }>, view: [] as unknown[] };
  const layer = () => ({ addTo: () => layer(), bindTooltip: () => layer(), on: () => layer() });
  const api = {
    map: () => ({ setView: (...view: unknown[]) => state.view.push(view), remove: () => undefined }),
    tileLayer: layer,
    divIcon: (options: { html: string }) => options,
    marker: (at: [number, number], options: { icon: { html: string }; title: string }) => {
      state.markers.push({ at, html: options.icon.html, title: options.title });
      return layer();
    },
  };
  return { state, api };
});
vi.mock('leaflet', () => ({ default: leaflet.api, ...leaflet.api }));
vi.mock('leaflet/dist/leaflet.css', () => ({}));

beforeEach(() => {
  window.localStorage.clear();
  uploadThroughFetch();
  tiles.config = undefined;
  leaflet.state.markers = [];
  leaflet.state.view = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The antd form item (label, control, messages) that holds the element. */
function formItemOf(element: HTMLElement): HTMLElement {
  const item = element.closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error('not inside a form item');
  return item;
}

describe('action buttons', () => {
  it('come from the actions the server allows, refined by the case’s state', () => {
    const base = {
      pendingRequest: null,
      clock: { stage: 'handle' as const, dueAt: null, overdue: false, suspended: false },
    };
    expect(actionButtons({ ...base, actions: ['register', 'reject', 'merge', 'escalate'] })).toEqual([
      'register',
      'merge',
      'escalate',
      'reject',
    ]);
    expect(actionButtons({ ...base, actions: ['verify_pass', 'verify_fail'] })).toEqual(['verify']);
    const departmentActions = ['return', 'accept', 'request_extension', 'request_suspension'] as const;
    expect(actionButtons({ ...base, actions: [...departmentActions] })).toEqual([
      'accept',
      'extension',
      'suspension',
      'return',
    ]);
    const pending = {
      id: 'r-1',
      kind: 'extension' as const,
      reason: '雨天',
      hours: 8,
      requestedAt: '2026-11-28T01:30:00.000Z',
    };
    expect(actionButtons({ ...base, pendingRequest: pending, actions: [...departmentActions] })).toEqual([
      'accept',
      'return',
    ]);
    expect(actionButtons({ ...base, pendingRequest: pending, actions: ['decide_request', 'resume'] })).toEqual([
      'decision',
    ]);
    expect(
      actionButtons({
        ...base,
        clock: { ...base.clock, suspended: true },
        actions: ['decide_request', 'resume', 'feedback'],
      }),
    ).toEqual(['resume']);
    expect(actionButtons({ ...base, actions: [] })).toEqual([]);
  });
});

describe('case page', () => {
  it('shows the case: header, facts, photos by stage and the timeline in China time', async () => {
    caseServer();
    const header = await openCase();
    expect(within(header).getByText(caseNo)).toBeTruthy();
    expect(within(header).getByText('待受理')).toBeTruthy();
    expect(within(header).getByTestId('case-clock').textContent).toContain('已超期');
    expect(within(header).getByText('截止 2026-11-28 11:30')).toBeTruthy();
    expect(screen.getByTestId('case-facts').textContent).toContain('霞阳镇炎帝大道 88 号门前');
    expect(screen.getByTestId('case-facts').textContent).toContain('113.772000, 26.489000');
    expect(within(screen.getByTestId('case-photos-report')).getAllByRole('img')).toHaveLength(1);
    expect(within(screen.getByTestId('case-photos-handle')).getAllByRole('img')[0]?.getAttribute('src')).toBe(
      `/api/cases/${caseNo}/photos/p-2?variant=thumbnail`,
    );
    expect(screen.queryByTestId('case-photos-verify')).toBeNull();
    const timeline = screen.getByTestId('case-timeline');
    expect(within(timeline).getByText('2026-11-28 09:30')).toBeTruthy();
    expect(within(timeline).getByText('上报')).toBeTruthy();
    expect(within(timeline).getByText('超期自动升为1级督办')).toBeTruthy();
  });

  it('offers only the actions the server allows', async () => {
    caseServer();
    await openCase();
    const actions = screen.getByTestId('case-actions');
    for (const key of ['register', 'reject', 'merge', 'escalate'])
      expect(within(actions).getByTestId(`case-action-${key}`)).toBeTruthy();
    for (const key of ['dispatch', 'accept', 'feedback', 'verify', 'decision'])
      expect(within(actions).queryByTestId(`case-action-${key}`)).toBeNull();
  });

  it('does not offer 核查 to the person who handed back the result, and says why (maker ≠ checker)', async () => {
    const handled = sampleDetail({
      status: 'handled',
      actions: ['escalate'],
      withheldActions: ['verify_pass', 'verify_fail'],
    });
    caseServer(dispatcherUser, handled);
    await openCase();
    expect(screen.queryByTestId('case-action-verify')).toBeNull();
    expect(screen.getByTestId('case-action-escalate')).toBeTruthy();
    expect(screen.getByTestId('case-withheld').textContent).toBe('本案由您处理反馈，核查须由其他人员进行。');
  });

  it('says why the requester is not offered the decision on their own request, even with nothing else to do', async () => {
    const pending = {
      id: 'r-1',
      kind: 'extension' as const,
      reason: '雨天',
      hours: 8,
      requestedAt: '2026-11-28T01:30:00.000Z',
    };
    caseServer(
      dispatcherUser,
      sampleDetail({ status: 'handling', actions: [], withheldActions: ['decide_request'], pendingRequest: pending }),
    );
    await openCase();
    expect(screen.queryByTestId('case-action-decision')).toBeNull();
    expect(screen.getByTestId('case-withheld').textContent).toBe('这项申请是您提出的，须由其他人员审批。');
    expect(screen.queryByText('您当前没有可对此案件执行的操作。')).toBeNull();
  });

  it('reveals a citizen reporter’s phone with a reason to whoever holds the reveal permission', async () => {
    const citizen = sampleDetail({
      channel: 'citizen',
      reporter: { kind: 'citizen', phone: '139****1234', smsConsent: false },
    });
    const revealer = {
      ...dispatcherUser,
      permissions: [...dispatcherUser.permissions, 'pii.reveal', 'pii.reveal.reporter_phone'],
    };
    const { requests } = caseServer(revealer, citizen, {
      'POST /api/pii/reveal': jsonResponse(200, { values: { reporterPhone: '13907331234' } }),
    });
    await openCase();
    const facts = screen.getByTestId('case-facts');
    expect(within(facts).getByText('139****1234')).toBeTruthy();
    fireEvent.click(within(facts).getByRole('button', { name: '查看完整号码' }));
    const form = await screen.findByTestId('reveal-dialog-form');
    fireEvent.change(within(form).getByLabelText('查看原因'), { target: { value: '回访核实举报内容' } });
    await act(async () => fireEvent.submit(form));
    expect(await within(facts).findByText('13907331234')).toBeTruthy();
    expect(within(facts).queryByTestId('reporter-sms-consent')).toBeNull();
    expect(requests.find((r) => r.path === '/api/pii/reveal')?.body).toEqual({
      objectType: 'case',
      objectId: caseNo,
      fields: ['reporterPhone'],
      reason: '回访核实举报内容',
    });
  });

  it('shows the reporter’s phone masked, with no reveal button, to those without the permission', async () => {
    caseServer(
      departmentUser,
      sampleDetail({
        channel: 'citizen',
        reporter: { kind: 'citizen', phone: '139****1234', smsConsent: true },
        actions: [],
      }),
    );
    await openCase();
    const facts = screen.getByTestId('case-facts');
    expect(within(facts).getByText('139****1234')).toBeTruthy();
    expect(within(facts).queryByRole('button', { name: '查看完整号码' })).toBeNull();
    expect(within(facts).getByTestId('reporter-sms-consent').textContent).toBe('已同意短信告知');
  });

  it('registers with the revision it was decided on and shows the case as it now stands', async () => {
    const registered = sampleDetail({
      status: 'registered',
      revision: 4,
      actions: ['dispatch', 'merge', 'escalate'],
      clock: { stage: 'dispatch', dueAt: '2026-11-29T03:30:00.000Z', overdue: false, suspended: false },
    });
    const { requests } = caseServer(dispatcherUser, sampleDetail(), {
      [`POST /api/cases/${caseNo}/register`]: jsonResponse(200, registered),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-register'));
    const dialog = await screen.findByTestId('action-dialog-register');
    fireEvent.click(within(dialog).getByLabelText('紧急'));
    fireEvent.change(within(dialog).getByTestId('action-field-note'), { target: { value: '影响通行，尽快处理' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));

    await waitFor(() => expect(posts(requests, 'register')).toHaveLength(1));
    expect(posts(requests, 'register')[0]?.body).toEqual({
      revision: 3,
      priority: 'urgent',
      note: '影响通行，尽快处理',
    });
    await waitFor(() => expect(within(screen.getByTestId('case-header')).getByText('已立案待派遣')).toBeTruthy());
    expect(screen.getByTestId('case-action-dispatch')).toBeTruthy();
    expect(screen.queryByTestId('case-action-register')).toBeNull();
  });

  it('shows the server’s field message next to the department it is about', async () => {
    const detail = sampleDetail({ status: 'registered', actions: ['dispatch'] });
    const { requests } = caseServer(dispatcherUser, detail, {
      [`POST /api/cases/${caseNo}/dispatch`]: errorResponse(400, 'invalid_field', '请求有误', {
        department: '没有这个处置部门',
      }),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-dispatch'));
    const dialog = await screen.findByTestId('action-dialog-dispatch');
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('县环境卫生服务中心'));
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));

    await waitFor(() => expect(posts(requests, 'dispatch')).toHaveLength(1));
    expect(posts(requests, 'dispatch')[0]?.body).toEqual({ revision: 3, department: 'huanwei' });
    const department = formItemOf(within(dialog).getByTestId('action-field-department'));
    await within(department).findByText('没有这个处置部门');
    expect(within(dialog).queryByTestId('action-failure')).toBeNull();
  });

  it('puts a bad photo’s message under the photos, naming which one', async () => {
    const detail = sampleDetail({
      status: 'handling',
      department: 'chengguan',
      actions: ['feedback', 'request_extension', 'request_suspension', 'return'],
    });
    let uploaded = 0;
    const { requests } = caseServer(departmentUser, detail, {
      'POST /api/cases/photo-uploads': () => jsonResponse(201, { ...uploadAnswer, uploadId: `u-${++uploaded}` }),
      [`POST /api/cases/${caseNo}/feedback`]: errorResponse(400, 'validation_failed', '请求有误', {
        'photos.1': '照片未找到或已过期，请重新上传',
        result: '太短',
      }),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-feedback'));
    const dialog = await screen.findByTestId('action-dialog-feedback');

    // Photos are required: nothing is sent without one.
    fireEvent.change(within(dialog).getByTestId('action-field-result'), { target: { value: '已劝离摊贩，恢复通行' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await within(formItemOf(within(dialog).getByTestId('photo-picker'))).findByText('请至少选择一张处置后照片');
    expect(posts(requests, 'feedback')).toHaveLength(0);

    const input = within(dialog).getByTestId('photo-input') as HTMLInputElement;
    const files = [
      new File(['a'], 'before.jpg', { type: 'image/jpeg' }),
      new File(['b'], 'after.jpg', { type: 'image/jpeg' }),
    ];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    await act(async () => fireEvent.change(input));
    expect(within(dialog).getAllByRole('img', { name: /已选第/ })).toHaveLength(2);
    // Each photo went up as soon as it was picked, one after the other, as the raw image with its own key.
    await waitFor(() => expect(within(dialog).getByTestId('upload-status-1').dataset.status).toBe('uploaded'));
    const uploads = requests.filter((r) => r.path === '/api/cases/photo-uploads');
    expect(uploads.map((r) => r.headers.get('Content-Type'))).toEqual(['image/jpeg', 'image/jpeg']);
    expect(new Set(uploads.map((r) => r.headers.get('Idempotency-Key'))).size).toBe(2);
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));

    await waitFor(() => expect(posts(requests, 'feedback')).toHaveLength(1));
    expect(posts(requests, 'feedback')[0]?.body).toEqual({
      revision: 3,
      result: '已劝离摊贩，恢复通行',
      photos: [{ uploadId: 'u-1' }, { uploadId: 'u-2' }],
    });
    await within(formItemOf(within(dialog).getByTestId('photo-picker'))).findByText(
      '第 2 张照片：照片未找到或已过期，请重新上传',
    );
    expect(within(formItemOf(within(dialog).getByTestId('action-field-result'))).getByText('太短')).toBeTruthy();
    // The gone photo is uploaded again (a new key: the old one would only replay the gone upload).
    fireEvent.click(within(dialog).getByTestId('upload-retry-1'));
    await waitFor(() => expect(within(dialog).getByTestId('upload-status-1').dataset.status).toBe('uploaded'));
    const again = requests.filter((r) => r.path === '/api/cases/photo-uploads');
    expect(again).toHaveLength(3);
    expect(again[2]?.headers.get('Idempotency-Key')).not.toBe(uploads[1]?.headers.get('Idempotency-Key'));
  });

  it('waits for a photo on its way, does not send with a failed one, and retries a failed upload with its key', async () => {
    const detail = sampleDetail({ status: 'handling', department: 'chengguan', actions: ['feedback'] });
    let attempts = 0;
    let release: () => void = () => undefined;
    const { requests } = caseServer(departmentUser, detail, {
      'POST /api/cases/photo-uploads': async () => {
        attempts += 1;
        if (attempts === 1)
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return jsonResponse(201, { ...uploadAnswer, uploadId: 'u-9' });
      },
      [`POST /api/cases/${caseNo}/feedback`]: jsonResponse(
        200,
        sampleDetail({ status: 'handled', revision: 4, actions: [] }),
      ),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-feedback'));
    const dialog = await screen.findByTestId('action-dialog-feedback');
    fireEvent.change(within(dialog).getByTestId('action-field-result'), { target: { value: '已清理' } });
    const input = within(dialog).getByTestId('photo-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File(['a'], 'after.jpg', { type: 'image/jpeg' })],
      configurable: true,
    });
    await act(async () => fireEvent.change(input));
    await waitFor(() => expect(within(dialog).getByTestId('upload-status-0').dataset.status).toBe('uploading'));

    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await within(dialog).findByTestId('action-waiting-photos');
    await act(async () => release());
    await waitFor(() => expect(within(dialog).getByTestId('upload-status-0').dataset.status).toBe('failed'));
    await within(formItemOf(within(dialog).getByTestId('photo-picker'))).findByText(
      '有照片没有上传成功，请重试或移除后再提交',
    );
    expect(within(dialog).queryByTestId('action-waiting-photos')).toBeNull();
    expect(posts(requests, 'feedback')).toHaveLength(0);

    fireEvent.click(within(dialog).getByTestId('upload-retry-0'));
    await waitFor(() => expect(within(dialog).getByTestId('upload-status-0').dataset.status).toBe('uploaded'));
    const [first, second] = requests.filter((r) => r.path === '/api/cases/photo-uploads');
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await waitFor(() => expect(posts(requests, 'feedback')).toHaveLength(1));
    expect(posts(requests, 'feedback')[0]?.body).toEqual({
      revision: 3,
      result: '已清理',
      photos: [{ uploadId: 'u-9' }],
    });
  });

  it('a message for no field of the form is shown above it', async () => {
    const detail = sampleDetail({ status: 'handling', department: 'chengguan', actions: ['accept'] });
    caseServer(departmentUser, detail, {
      [`POST /api/cases/${caseNo}/accept`]: errorResponse(400, 'invalid_field', '请求有误', {
        department: '该案件未派遣到您所在的部门',
      }),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-accept'));
    const dialog = await screen.findByTestId('action-dialog-accept');
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    expect((await within(dialog).findByTestId('action-failure')).textContent).toContain('该案件未派遣到您所在的部门');
  });

  it('reloads the case when someone else changed it first', async () => {
    const { requests } = caseServer(dispatcherUser, sampleDetail(), {
      [`POST /api/cases/${caseNo}/reject`]: errorResponse(409, 'stale_revision', '案件已被他人更新，请刷新后再操作', {
        revision: '案件已被他人更新，请刷新后再操作',
      }),
    });
    await openCase();
    const reads = () => requests.filter((r) => r.method === 'GET' && r.path === `/api/cases/${caseNo}`).length;
    expect(reads()).toBe(1);
    fireEvent.click(screen.getByTestId('case-action-reject'));
    const dialog = await screen.findByTestId('action-dialog-reject');
    fireEvent.change(within(dialog).getByTestId('action-field-reason'), { target: { value: '不属于市容管理范围' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));

    await waitFor(() => expect(reads()).toBe(2));
    expect(posts(requests, 'reject')[0]?.body).toEqual({ revision: 3, reason: '不属于市容管理范围' });
    await screen.findByText('案件已被他人更新，已重新加载，请确认后再操作。');
    await waitFor(() => expect(screen.queryByTestId('action-dialog-reject')).toBeNull());
  });

  it('verifies with the finding, a note and the phone’s position', async () => {
    stubPosition({ longitude: 113.7721, latitude: 26.4891, accuracy: 12 });
    const detail = sampleDetail({ status: 'handled', actions: ['verify_pass', 'verify_fail'] });
    const { requests } = caseServer(dispatcherUser, detail, {
      [`POST /api/cases/${caseNo}/verify`]: jsonResponse(
        200,
        sampleDetail({ status: 'dispatched', revision: 4, actions: [] }),
      ),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-verify'));
    const dialog = await screen.findByTestId('action-dialog-verify');
    expect((await within(dialog).findByTestId('verify-position')).textContent).toContain('12');
    fireEvent.click(within(dialog).getByLabelText('不通过，返工'));
    fireEvent.change(within(dialog).getByTestId('action-field-note'), { target: { value: '摊位仍在' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await waitFor(() => expect(posts(requests, 'verify')).toHaveLength(1));
    expect(posts(requests, 'verify')[0]?.body).toEqual({
      revision: 3,
      passed: false,
      note: '摊位仍在',
      lng: 113.7721,
      lat: 26.4891,
    });
  });
});

describe('the case’s point on a map', () => {
  it('without a tile service: no map, the coordinates and the address as facts', async () => {
    caseServer();
    await openCase();
    expect(screen.getByTestId('case-facts').textContent).toContain('113.772000, 26.489000');
    expect(screen.getByTestId('case-facts').textContent).toContain('霞阳镇炎帝大道 88 号门前');
    expect(screen.queryByTestId('case-point-map')).toBeNull();
    expect(leaflet.state.markers).toEqual([]);
  });

  it('with a tile service: the point on the tiles in its state’s marker, the facts as before', async () => {
    tiles.config = { url: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png', attribution: '', subdomains: 'abc' };
    caseServer(dispatcherUser, sampleDetail({ status: 'verifying' }));
    await openCase();
    const map = await screen.findByTestId('case-point-map');
    expect(map.getAttribute('aria-label')).toBe(`案件位置地图：${caseNo}`);
    await waitFor(() => expect(leaflet.state.markers).toHaveLength(1));
    const [marker] = leaflet.state.markers;
    expect(marker?.at).toEqual([26.489, 113.772]);
    expect(marker?.title).toBe(`${caseNo} · 占道经营`);
    // 待核实's colour, ringed red: the sample case is overdue.
    expect(marker?.html).toContain('fill="#CC79A7"');
    expect(marker?.html).toContain('stroke="#cf1322"');
    expect(leaflet.state.view).toEqual([[[26.489, 113.772], 16]]);
    expect(screen.getByTestId('case-facts').textContent).toContain('113.772000, 26.489000');
  });

  it('with a tile service but no point (placed by its address): no map', async () => {
    tiles.config = { url: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png', attribution: '', subdomains: 'abc' };
    caseServer(dispatcherUser, sampleDetail({ lng: null, lat: null }));
    await openCase();
    expect(screen.getByTestId('case-facts').textContent).toContain('无（仅有地址）');
    expect(screen.queryByTestId('case-point-map')).toBeNull();
  });
});

describe('a hotline caller’s name', () => {
  const hotline = sampleDetail({
    channel: 'hotline',
    reporter: { kind: 'staff', phone: null, smsConsent: false, name: '欧阳**', ticketNo: 'RX260312001' },
  });

  it('is revealed with a reason to whoever holds its own reveal permission', async () => {
    const revealer = {
      ...dispatcherUser,
      permissions: [...dispatcherUser.permissions, 'pii.reveal', 'pii.reveal.reporter_name'],
    };
    const { requests } = caseServer(revealer, hotline, {
      'POST /api/pii/reveal': jsonResponse(200, { values: { callerName: '欧阳建国' } }),
    });
    await openCase();
    const name = screen.getByTestId('reporter-name');
    expect(name.textContent).toContain('来电人');
    expect(within(name).getByText('欧阳**')).toBeTruthy();
    fireEvent.click(within(name).getByRole('button', { name: '查看来电人完整姓名' }));
    const form = await screen.findByTestId('reveal-dialog-form');
    fireEvent.change(within(form).getByLabelText('查看原因'), { target: { value: '回访来电人核对诉求' } });
    await act(async () => fireEvent.submit(form));
    expect(await within(name).findByText('欧阳建国')).toBeTruthy();
    expect(requests.find((r) => r.path === '/api/pii/reveal')?.body).toEqual({
      objectType: 'case',
      objectId: caseNo,
      fields: ['callerName'],
      reason: '回访来电人核对诉求',
    });
  });

  it('stays masked, with no reveal button, for those with the phone’s permission only', async () => {
    const phoneOnly = {
      ...dispatcherUser,
      permissions: [...dispatcherUser.permissions, 'pii.reveal', 'pii.reveal.reporter_phone'],
    };
    caseServer(phoneOnly, hotline);
    await openCase();
    const name = screen.getByTestId('reporter-name');
    expect(within(name).getByText('欧阳**')).toBeTruthy();
    expect(within(name).queryByRole('button')).toBeNull();
  });
});
