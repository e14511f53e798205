// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, type RecordedRequest } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  merchantId,
  merchantServer,
  sampleMerchant,
  streetInspector,
  townshipInspector,
} from '../test/merchantSamples.ts';

interface HappyDomWindow {
  happyDOM: { setViewport(viewport: { width: number; height: number }): void };
}
const setViewportWidth = (width: number) =>
  (window as unknown as HappyDomWindow).happyDOM.setViewport({ width, height: 740 });

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setViewportWidth(1024);
});

const writes = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST' || r.method === 'PUT');
const registrations = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path === '/api/merchants');

async function openForm(path: string): Promise<HTMLElement> {
  renderApp(path);
  return screen.findByTestId('merchant-form', {}, { timeout: 10_000 });
}

const type = (form: HTMLElement, field: string, value: string) =>
  fireEvent.change(within(form).getByTestId(`merchant-field-${field}`), { target: { value } });

async function choose(form: HTMLElement, field: string, option: string) {
  const select = await within(form).findByTestId(`merchant-field-${field}`);
  fireEvent.mouseDown(within(select).getByRole('combobox'));
  fireEvent.click(await screen.findByTitle(option));
}

const send = (form: HTMLElement) => act(async () => fireEvent.click(within(form).getByTestId('merchant-submit')));

/** The message antd shows under a field, found from the field's control. */
const fieldMessage = (form: HTMLElement, field: string) =>
  within(form).getByTestId(`merchant-field-${field}`).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')
    ?.textContent;

describe('registering a merchant', () => {
  it('says what is missing at each field before anything is sent', async () => {
    const { requests } = merchantServer(townshipInspector);
    const form = await openForm('/m/merchants/new');
    await send(form);
    await waitFor(() => expect(fieldMessage(form, 'name')).toBe('请填写商户名称'));
    expect(fieldMessage(form, 'creditCode')).toBe('请填写统一社会信用代码或营业执照注册号（至少一项）');
    expect(fieldMessage(form, 'kind')).toBe('请选择商户类型');
    expect(fieldMessage(form, 'address')).toBe('请填写经营地址');
    expect(fieldMessage(form, 'operatorName')).toBe('请填写经营者或负责人姓名');
    // The township inspector's own township is the place until they pick a village.
    expect(within(form).getByTestId('region-picker').textContent).toBe('霞阳镇');
    expect(writes(requests)).toEqual([]);
  });

  it('offers a risk grade only for food businesses, and a food business starts supervised', async () => {
    merchantServer(townshipInspector);
    const form = await openForm('/m/merchants/new');
    await choose(form, 'kind', '其他');
    expect(within(form).queryByTestId('merchant-field-riskGrade')).toBeNull();
    expect(within(form).getByTestId('merchant-field-supervised').getAttribute('aria-checked')).toBe('false');
    await choose(form, 'kind', '餐饮服务');
    expect(await within(form).findByTestId('merchant-field-riskGrade')).toBeTruthy();
    await waitFor(() =>
      expect(within(form).getByTestId('merchant-field-supervised').getAttribute('aria-checked')).toBe('true'),
    );
  });

  it('shows the server’s field messages next to their fields and sends the corrected draft under the same key', async () => {
    let answer = errorResponse(400, 'validation', '请检查填写的内容', {
      creditCode: '统一社会信用代码校验位不正确',
      'Idempotency-Key': '请求标识无效',
    });
    const { requests } = merchantServer(townshipInspector, { 'POST /api/merchants': () => answer });
    const form = await openForm('/m/merchants/new');
    type(form, 'name', '老街米粉店');
    type(form, 'creditCode', '92430225MA4L123450');
    await choose(form, 'kind', '餐饮服务');
    await choose(form, 'riskGrade', 'B 级');
    type(form, 'address', '炎帝大道 88 号');
    type(form, 'operatorName', '张三');
    type(form, 'operatorPhone', '13907331234');
    await send(form);

    await waitFor(() => expect(fieldMessage(form, 'creditCode')).toBe('统一社会信用代码校验位不正确'));
    // A message for something the form has no field for is said above the buttons.
    expect(screen.getByTestId('merchant-failure').textContent).toBe('请求标识无效');
    const first = registrations(requests)[0]!;
    expect(first.body).toEqual({
      name: '老街米粉店',
      creditCode: '92430225MA4L123450',
      kind: 'catering',
      marketStall: false,
      schoolSurroundings: false,
      supervised: true,
      riskGrade: 'B',
      address: '炎帝大道 88 号',
      regionCode: '430225100',
      operatorName: '张三',
      operatorPhone: '13907331234',
    });

    answer = jsonResponse(201, sampleMerchant());
    type(form, 'creditCode', '92430225MA4L123456');
    await send(form);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/m/merchants/${merchantId}`));
    const second = registrations(requests)[1]!;
    expect(second.body).toMatchObject({ creditCode: '92430225MA4L123456' });
    // Nothing was stored under the key the first time, so the corrected draft may use it.
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    expect(first.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a send that got no answer is sent again under the same key, so the merchant is registered once', async () => {
    let reachable = false;
    const { requests } = merchantServer(townshipInspector, {
      'POST /api/merchants': () => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return jsonResponse(200, sampleMerchant());
      },
    });
    const form = await openForm('/m/merchants/new');
    type(form, 'name', '老街米粉店');
    type(form, 'licenceNo', '430225600012345');
    await choose(form, 'kind', '其他');
    type(form, 'address', '炎帝大道 88 号');
    type(form, 'operatorName', '张三');
    await send(form);
    expect((await screen.findByTestId('merchant-failure')).textContent).toContain('网络');
    reachable = true;
    await send(form);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/m/merchants/${merchantId}`));
    const [first, second] = registrations(requests);
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
  });

  it('on a phone, "use my location" fills the point where the inspector stands; a desk has no such button', async () => {
    const getCurrentPosition = vi.fn((found: PositionCallback) =>
      found({ coords: { longitude: 113.77241234, latitude: 26.48931234, accuracy: 12.4 } } as GeolocationPosition),
    );
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
    merchantServer(townshipInspector);
    let form = await openForm('/m/merchants/new');
    expect(within(form).queryByTestId('merchant-locate')).toBeNull();
    cleanup();

    setViewportWidth(390);
    form = await openForm('/m/merchants/new');
    // Asked only when pressed: the inspector may be registering a shop they are not standing in.
    expect(getCurrentPosition).not.toHaveBeenCalled();
    fireEvent.click(await within(form).findByTestId('merchant-locate'));
    expect((await within(form).findByTestId('merchant-located')).textContent).toBe('已定位，误差约 12 米');
    expect((within(form).getByTestId('merchant-field-lng') as HTMLInputElement).value).toBe('113.772412');
    expect((within(form).getByTestId('merchant-field-lat') as HTMLInputElement).value).toBe('26.489312');
  });

  it('a stall picks its market from the area’s markets', async () => {
    const marketId = '5d1c7a3e-2b4f-4d6a-8e9c-0a1b2c3d4e5f';
    const market = sampleMerchant({ id: marketId, name: '霞阳农贸市场', kind: 'market_operator' });
    const { requests } = merchantServer(townshipInspector, {
      'GET /api/merchants': jsonResponse(200, { items: [market], total: 1, page: 1, pageSize: 200 }),
    });
    const form = await openForm('/m/merchants/new');
    expect(within(form).queryByTestId('merchant-field-marketId')).toBeNull();
    fireEvent.click(within(form).getByTestId('merchant-field-marketStall'));
    await choose(form, 'marketId', '霞阳农贸市场 · 霞阳镇');
    expect(within(form).getByTestId('merchant-field-marketId').textContent).toContain('霞阳农贸市场');
    const read = requests.find((r) => r.path === '/api/merchants');
    expect(Object.fromEntries(read?.query ?? [])).toEqual({ kind: 'market_operator', page: '1', pageSize: '200' });
  });

  it('is refused, with no request, to someone who does not keep the registry', async () => {
    const { requests } = merchantServer(streetInspector);
    renderApp('/m/merchants/new');
    expect(await screen.findByTestId('forbidden', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('merchant-form')).toBeNull();
    expect(requests.filter((r) => r.path.startsWith('/api/merchants'))).toEqual([]);
  });
});

describe('editing a merchant', () => {
  it('starts from the record; the masked operator is revealed into the form, then the whole record is sent', async () => {
    const { requests } = merchantServer(townshipInspector, {
      'POST /api/pii/reveal': jsonResponse(200, { values: { operatorName: '张三', operatorPhone: '13907331234' } }),
      [`PUT /api/merchants/${merchantId}`]: jsonResponse(200, sampleMerchant({ revision: 4 })),
    });
    const form = await openForm(`/m/merchants/${merchantId}/edit`);
    expect((within(form).getByTestId('merchant-field-name') as HTMLInputElement).value).toBe('炎陵县老街米粉店');
    expect((within(form).getByTestId('merchant-field-operatorName') as HTMLInputElement).placeholder).toBe('张*');

    // Sent as it stands, the masked operator would overwrite the stored one: the form asks for it first.
    await send(form);
    await waitFor(() => expect(fieldMessage(form, 'operatorName')).toBe('请填写经营者或负责人姓名'));
    expect(fieldMessage(form, 'operatorPhone')).toBe('原电话（139****1234）未填入：请查看并填入原值，或重新填写');
    expect(writes(requests)).toEqual([]);

    fireEvent.click(within(form).getByTestId('merchant-operator-reveal'));
    const reason = await screen.findByTestId('reveal-dialog-form');
    fireEvent.change(within(reason).getByLabelText('查看原因'), { target: { value: '修改商户档案' } });
    await act(async () => fireEvent.submit(reason));
    await waitFor(() =>
      expect((within(form).getByTestId('merchant-field-operatorPhone') as HTMLInputElement).value).toBe('13907331234'),
    );
    expect(requests.find((r) => r.path === '/api/pii/reveal')?.body).toEqual({
      objectType: 'merchant',
      objectId: merchantId,
      fields: ['operatorName', 'operatorPhone'],
      reason: '修改商户档案',
    });

    type(form, 'address', '炎帝大道 90 号');
    await choose(form, 'status', '停业');
    await send(form);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/m/merchants/${merchantId}`));
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({
      name: '炎陵县老街米粉店',
      creditCode: '92430225MA4L123456',
      kind: 'catering',
      marketStall: false,
      schoolSurroundings: true,
      supervised: true,
      riskGrade: 'B',
      address: '炎帝大道 90 号',
      regionCode: '430225100200',
      gridCode: 'XY-03',
      lng: 113.7724,
      lat: 26.4893,
      operatorName: '张三',
      operatorPhone: '13907331234',
      frontageM: 6.5,
      status: 'suspended',
      revision: 3,
    });
  });

  it('a stale revision stops the form and reloads the record before another try', async () => {
    let revision = 3;
    const { requests } = merchantServer(townshipInspector, {
      [`GET /api/merchants/${merchantId}`]: () =>
        jsonResponse(200, sampleMerchant({ revision, name: `米粉店 r${revision}` })),
      [`PUT /api/merchants/${merchantId}`]: errorResponse(409, 'stale_revision', '该商户刚被他人修改过，请刷新后再改', {
        revision: '该商户刚被他人修改过，请刷新后再改',
      }),
    });
    let form = await openForm(`/m/merchants/${merchantId}/edit`);
    type(form, 'operatorName', '张三');
    type(form, 'operatorPhone', '13907331234');
    await send(form);
    const stale = await screen.findByTestId('merchant-stale');
    expect(stale.textContent).toContain('该商户刚被他人修改过，请刷新后再改');
    expect((within(form).getByTestId('merchant-field-name') as HTMLInputElement).disabled).toBe(true);

    revision = 5;
    fireEvent.click(within(stale).getByTestId('merchant-stale-reload'));
    await waitFor(() =>
      expect((screen.getByTestId('merchant-field-name') as HTMLInputElement).value).toBe('米粉店 r5'),
    );
    form = screen.getByTestId('merchant-form');
    expect(screen.queryByTestId('merchant-stale')).toBeNull();
    // The operator has to be given again: the reloaded form starts from the record, masked.
    expect((within(form).getByTestId('merchant-field-operatorName') as HTMLInputElement).value).toBe('');
    type(form, 'operatorName', '张三');
    type(form, 'operatorPhone', '13907331234');
    await send(form);
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PUT')[1]?.body).toMatchObject({ revision: 5, name: '米粉店 r5' });
  });
});
