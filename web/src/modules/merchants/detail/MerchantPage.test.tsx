// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  marketInspector,
  merchantId,
  merchantServer,
  sampleMerchant,
  streetInspector,
} from '../test/merchantSamples.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openMerchant(): Promise<HTMLElement> {
  renderApp(`/m/merchants/${merchantId}`);
  await screen.findByTestId('merchant-header', {}, { timeout: 10_000 });
  // The facts are laid out again once the screen's width is known (antd rebuilds their rows): read them after.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  return screen.getByTestId('merchant-facts');
}

/** The facts as label → text, as a reader scans them. */
function factsOf(facts: HTMLElement): Record<string, string> {
  const labels = [...facts.querySelectorAll('th.ant-descriptions-item-label')];
  return Object.fromEntries(labels.map((label) => [label.textContent, label.nextElementSibling?.textContent ?? '']));
}

describe('a merchant’s page', () => {
  it('shows every field, the operator masked', async () => {
    merchantServer(marketInspector);
    const facts = await openMerchant();
    const header = screen.getByTestId('merchant-header');
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe('炎陵县老街米粉店');
    expect(header.textContent).toContain('SH430225-00042 · 餐饮服务 · 霞阳镇');
    expect(within(header).getByTestId('merchant-status').textContent).toBe('在营');
    expect(factsOf(facts)).toMatchObject({
      商户编号: 'SH430225-00042',
      '名称（字号或店招）': '炎陵县老街米粉店',
      统一社会信用代码: '92430225MA4L123456',
      营业执照注册号: '—',
      类型: '餐饮服务',
      风险等级: 'B 级',
      标记: '重点监管校园周边',
      所属市场: '—',
      经营地址: '霞阳镇炎帝大道 88 号',
      '所在乡镇或村（社区）': '霞阳镇 · 城东社区',
      网格编号: 'XY-03',
      经纬度: '113.772400, 26.489300',
      门面宽度: '6.5 米',
    });
    expect(within(facts).getByTestId('reveal-operatorName').textContent).toContain('张*');
    expect(within(facts).getByTestId('reveal-operatorPhone').textContent).toContain('139****1234');
  });

  it('reveals the operator’s phone with a reason to whoever holds the reveal permission', async () => {
    const { requests } = merchantServer(marketInspector, {
      'POST /api/pii/reveal': jsonResponse(200, { values: { operatorPhone: '13907331234' } }),
    });
    const facts = await openMerchant();
    fireEvent.click(
      within(within(facts).getByTestId('reveal-operatorPhone')).getByRole('button', { name: '查看完整号码' }),
    );
    const form = await screen.findByTestId('reveal-dialog-form');
    fireEvent.change(within(form).getByLabelText('查看原因'), { target: { value: '电话通知续签责任书' } });
    await act(async () => fireEvent.submit(form));
    expect(await within(facts).findByText('13907331234')).toBeTruthy();
    expect(requests.find((r) => r.path === '/api/pii/reveal')?.body).toEqual({
      objectType: 'merchant',
      objectId: merchantId,
      fields: ['operatorPhone'],
      reason: '电话通知续签责任书',
    });
  });

  it('offers the edit to those who keep the registry, opening the edit form', async () => {
    merchantServer(marketInspector);
    await openMerchant();
    fireEvent.click(screen.getByTestId('merchant-edit-open'));
    expect((await screen.findByTestId('location')).textContent).toBe(`/m/merchants/${merchantId}/edit`);
  });

  it('a street inspector reads the record: no edit, no reveal', async () => {
    merchantServer(streetInspector);
    const facts = await openMerchant();
    expect(screen.queryByTestId('merchant-edit-open')).toBeNull();
    expect(within(facts).getByTestId('reveal-operatorPhone').textContent).toBe('139****1234');
    expect(within(facts).queryAllByRole('button')).toEqual([]);
  });

  it('a deregistered merchant is history: no edit', async () => {
    merchantServer(marketInspector, {
      [`GET /api/merchants/${merchantId}`]: jsonResponse(200, sampleMerchant({ status: 'closed' })),
    });
    await openMerchant();
    expect(screen.getByTestId('merchant-status').textContent).toBe('注销');
    expect(screen.queryByTestId('merchant-edit-open')).toBeNull();
  });

  it('names a stall’s market and links to it', async () => {
    const marketId = '5d1c7a3e-2b4f-4d6a-8e9c-0a1b2c3d4e5f';
    merchantServer(marketInspector, {
      [`GET /api/merchants/${merchantId}`]: jsonResponse(200, sampleMerchant({ marketStall: true, marketId })),
      [`GET /api/merchants/${marketId}`]: jsonResponse(
        200,
        sampleMerchant({ id: marketId, name: '霞阳农贸市场', kind: 'market_operator' }),
      ),
    });
    const facts = await openMerchant();
    const link = await within(facts).findByText('霞阳农贸市场');
    expect(link.getAttribute('href')).toBe(`/m/merchants/${marketId}`);
  });
});
