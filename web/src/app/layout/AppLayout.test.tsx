// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  auditAdminUser,
  jsonResponse,
  meBody,
  mockApi,
  type SampleUser,
  sampleMeta,
  sampleUser,
  secAdminUser,
  signedInAs,
  sysAdminUser,
} from '../../test/fetchMock.ts';
import { menuItems, renderApp } from '../../test/renderApp.tsx';

const signedIn = {
  'GET /api/auth/me': jsonResponse(200, meBody()),
  'GET /api/meta': jsonResponse(200, sampleMeta),
};

/** The campaign office as the demo seeds it: the case loop's and the registry's permissions (the modules' grants). */
const coordinatorUser: SampleUser = {
  ...sampleUser,
  permissions: [
    ...sampleUser.permissions,
    'cases.read',
    'cases.report',
    'cases.supervise',
    'cases.evaluate',
    'merchants.read',
  ],
};

/** The built modules first, then the planned ones (规划中) the campaign office will use. */
const coordinatorLabels = [
  '市容案件',
  '商户与门前三包',
  '数据看板',
  '市场监管检查',
  '志愿服务',
  '最美庭院',
  '示范园区',
];

async function menuOf(user: SampleUser): Promise<HTMLElement> {
  mockApi(signedInAs(user));
  renderApp('/');
  return screen.findByTestId('nav');
}

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('shell layout', () => {
  it("lists the modules a staff role opens, then those planned for it, without the administrators' areas", async () => {
    const nav = await menuOf(coordinatorUser);
    expect(menuItems(nav)).toEqual(coordinatorLabels);
    expect(within(nav).getByText('规划中')).toBeTruthy();
    expect(within(nav).queryByText('平台管理')).toBeNull();
  });

  it('shows each administrator only their own area and no business module (三员)', async () => {
    expect(menuItems(await menuOf(sysAdminUser))).toEqual(['系统管理']);
    cleanup();
    expect(menuItems(await menuOf(secAdminUser))).toEqual(['安全管理']);
    cleanup();
    const nav = await menuOf(auditAdminUser);
    expect(menuItems(nav)).toEqual(['审计管理']);
    expect(within(nav).getByText('平台管理')).toBeTruthy();
  });

  it("refuses an administrator's area typed into the address bar by someone without its permission", async () => {
    mockApi(signedIn);
    renderApp('/admin/system');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
    expect(screen.getByText('无权访问')).toBeTruthy();
  });

  it('opens a module page that says the module is coming', async () => {
    mockApi(signedIn);
    renderApp('/');
    fireEvent.click(within(await screen.findByTestId('nav')).getByText('志愿服务'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/volunteers'));
    const page = await screen.findByTestId('coming-soon-volunteers');
    expect(page.textContent).toContain('即将上线');
    expect(page.textContent).toContain('点单-派单');
    expect(within(screen.getByTestId('nav')).getByText('志愿服务').closest('li')?.className).toContain('selected');
  });

  it('shows the county from /api/meta in the header', async () => {
    mockApi(signedIn);
    renderApp('/m/cases');
    expect(await screen.findByText('文明 · 炎陵县创文与公共服务平台')).toBeTruthy();
  });

  it('answers an unknown address with a not-found page inside the shell', async () => {
    mockApi(signedIn);
    renderApp('/no/such/page');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.getByTestId('nav')).toBeTruthy();
  });
});

describe('system information', () => {
  it('is on the system administrator’s page, not on the business home', async () => {
    mockApi({ ...signedInAs(coordinatorUser), 'GET /api/cases/queue-counts': jsonResponse(200, { items: [] }) });
    renderApp('/');
    expect(await screen.findByTestId('cases-work')).toBeTruthy();
    expect(screen.queryByTestId('meta-panel')).toBeNull();
  });

  it('shows what /api/meta reports on the system page', async () => {
    mockApi(signedInAs(sysAdminUser));
    renderApp('/admin/system');
    const panel = await screen.findByTestId('meta-panel', {}, { timeout: 10_000 });
    await waitFor(() => expect(panel.getAttribute('data-state')).toBe('ready'));
    expect(panel.textContent).toContain('炎陵县（430225）');
    expect(panel.textContent).toContain('PGlite 嵌入式数据库');
    expect(panel.textContent).toContain('0.1.0');
    expect(panel.textContent).toContain('已开启');
  });

  it('reports when /api/meta fails and can retry', async () => {
    let calls = 0;
    mockApi({
      'GET /api/auth/me': jsonResponse(200, meBody(sysAdminUser)),
      'GET /api/meta': () => {
        calls += 1;
        return calls === 1 ? new Response('oops', { status: 500 }) : jsonResponse(200, sampleMeta);
      },
    });
    renderApp('/admin/system');
    const panel = await screen.findByTestId('meta-panel', {}, { timeout: 10_000 });
    await waitFor(() => expect(panel.textContent).toContain('无法获取系统信息'));
    fireEvent.click(within(panel).getByRole('button'));
    await waitFor(() => expect(panel.textContent).toContain('炎陵县（430225）'));
  });
});
