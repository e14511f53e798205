// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, type RecordedRequest } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  marketInspector,
  merchantId,
  merchantServer,
  pageOf,
  sampleMerchant,
  streetInspector,
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
  vi.restoreAllMocks();
  setViewportWidth(1024);
});

/** Whether an ancestor is hidden by its style (the folded filters are hidden, not unmounted). */
function hiddenByStyle(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentElement)
    if (node.style.display === 'none') return true;
  return false;
}

const listReads = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/api/merchants');

function listServer(user = marketInspector, extra = {}) {
  return merchantServer(user, {
    'GET /api/merchants': jsonResponse(200, pageOf([sampleMerchant()], 41)),
    ...extra,
  });
}

async function openList(path = '/m/merchants') {
  renderApp(path);
  return screen.findByTestId('merchant-filters', {}, { timeout: 10_000 });
}

describe('the merchant registry list', () => {
  it('shows the page of merchants with number, name, kind, township, grade and status', async () => {
    const { requests } = listServer();
    await openList();
    const table = await screen.findByTestId('merchant-table');
    const link = await within(table).findByTestId(`merchant-link-${merchantId}`);
    expect(link.textContent).toBe('SH430225-00042');
    expect(link.getAttribute('href')).toBe(`/m/merchants/${merchantId}`);
    const row = link.closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      'SH430225-00042',
      '炎陵县老街米粉店',
      '餐饮服务',
      '霞阳镇',
      'B 级',
      '在营',
    ]);
    expect(screen.getByText('共 41 条')).toBeTruthy();
    expect(Object.fromEntries(listReads(requests)[0]?.query ?? [])).toEqual({ page: '1', pageSize: '20' });
  });

  it('reads the filters from the URL and sends the form’s', async () => {
    const { requests } = listServer();
    const form = await openList('/m/merchants?kind=catering&supervised=true&township=430225100&page=3');
    await waitFor(() => expect(listReads(requests)).toHaveLength(1));
    expect(Object.fromEntries(listReads(requests)[0]!.query)).toEqual({
      kind: 'catering',
      supervised: 'true',
      township: '430225100',
      page: '3',
      pageSize: '20',
    });
    // The place picker shows the township from the URL by name.
    await waitFor(() => expect(within(form).getByTestId('region-picker').textContent).toBe('炎陵县 / 霞阳镇'));

    fireEvent.change(within(form).getByTestId('merchant-filter-q'), { target: { value: ' 米粉 ' } });
    fireEvent.mouseDown(within(within(form).getByTestId('merchant-filter-supervised')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('否'));
    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(listReads(requests)).toHaveLength(2));
    // A new filter starts from page one.
    expect(Object.fromEntries(listReads(requests)[1]!.query)).toEqual({
      kind: 'catering',
      supervised: 'false',
      township: '430225100',
      q: '米粉',
      page: '1',
      pageSize: '20',
    });
  });

  it('offers registration, import and export to the market inspector', async () => {
    listServer();
    await openList();
    await screen.findByTestId('merchant-table');
    expect(screen.getByTestId('merchant-import-open')).toBeTruthy();
    expect(screen.getByTestId('merchant-export')).toBeTruthy();
    fireEvent.click(screen.getByTestId('merchant-register-open'));
    expect((await screen.findByTestId('location')).textContent).toBe('/m/merchants/new');
  });

  it('links to the platform’s registry import', async () => {
    listServer();
    await openList();
    fireEvent.click(await screen.findByTestId('merchant-import-open'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/imports/merchants.registry'));
  });

  it('exports exactly the filter on screen', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:merchants');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { requests } = listServer(marketInspector, {
      'GET /api/merchants/export.xlsx': new Response('xlsx', {
        status: 200,
        headers: { 'Content-Disposition': 'attachment; filename="merchants-20261129.xlsx"' },
      }),
    });
    await openList('/m/merchants?kind=food_sale&riskGrade=D&page=2');
    fireEvent.click(await screen.findByTestId('merchant-export'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const exported = requests.find((r) => r.path === '/api/merchants/export.xlsx');
    expect(Object.fromEntries(exported?.query ?? [])).toEqual({ kind: 'food_sale', riskGrade: 'D' });
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('merchants-20261129.xlsx');
  });

  it('exports the operators in clear only after a reason, for those allowed to reveal them', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:merchants');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { requests } = listServer(marketInspector, {
      'GET /api/merchants/export.xlsx': new Response('xlsx', { status: 200 }),
    });
    await openList('/m/merchants?township=430225100');
    fireEvent.click(await screen.findByTestId('merchant-export-clear'));
    const form = await screen.findByTestId('merchant-export-clear-dialog-form');
    await act(async () => fireEvent.submit(form));
    expect(await within(form).findByText('请填写查看原因')).toBeTruthy();
    expect(requests.filter((r) => r.path === '/api/merchants/export.xlsx')).toEqual([]);
    fireEvent.change(within(form).getByLabelText('查看原因'), { target: { value: '  续签责任书电话通知  ' } });
    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const exported = requests.find((r) => r.path === '/api/merchants/export.xlsx');
    expect(Object.fromEntries(exported?.query ?? [])).toEqual({ township: '430225100', reason: '续签责任书电话通知' });
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('merchants.xlsx');
  });

  it('someone who may export but not reveal gets the masked export only', async () => {
    const exporter = {
      ...marketInspector,
      permissions: marketInspector.permissions.filter((p) => p !== 'pii.reveal.merchant_operator'),
    };
    listServer(exporter);
    await openList();
    expect(await screen.findByTestId('merchant-export')).toBeTruthy();
    expect(screen.queryByTestId('merchant-export-clear')).toBeNull();
  });

  it('a street inspector reads the list with no registration, import or export', async () => {
    listServer(streetInspector);
    await openList();
    await screen.findByTestId(`merchant-link-${merchantId}`);
    expect(screen.queryByTestId('merchant-register-open')).toBeNull();
    expect(screen.queryByTestId('merchant-import-open')).toBeNull();
    expect(screen.queryByTestId('merchant-export')).toBeNull();
    expect(screen.queryByTestId('merchant-export-clear')).toBeNull();
  });

  it('shows cards instead of a table on a phone, with the rarer filters folded away', async () => {
    setViewportWidth(390);
    listServer();
    const form = await openList();
    const cards = await screen.findByTestId('merchant-cards');
    const card = await within(cards).findByTestId(`merchant-link-${merchantId}`);
    expect(card.textContent).toContain('炎陵县老街米粉店');
    expect(card.textContent).toContain('SH430225-00042 · 餐饮服务 · 霞阳镇');
    expect(card.textContent).toContain('霞阳镇炎帝大道 88 号');
    expect(screen.queryByTestId('merchant-table')).toBeNull();
    const grade = within(form).getByTestId('merchant-filter-riskGrade');
    expect(hiddenByStyle(grade)).toBe(true);
    expect(hiddenByStyle(within(form).getByTestId('merchant-filter-kind'))).toBe(false);
    fireEvent.click(within(form).getByTestId('merchant-filter-more'));
    await waitFor(() => expect(hiddenByStyle(grade)).toBe(false));
  });

  it('says so when nothing matches, and a failed read offers a retry', async () => {
    let fail = true;
    listServer(marketInspector, {
      'GET /api/merchants': () =>
        fail
          ? jsonResponse(503, { error: { code: 'unavailable', message: '服务暂不可用' } })
          : jsonResponse(200, pageOf([])),
    });
    await openList();
    expect(await screen.findByText('服务暂不可用')).toBeTruthy();
    fail = false;
    // antd spaces a button's two Chinese characters apart.
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('没有符合条件的商户')).toBeTruthy();
  });
});
