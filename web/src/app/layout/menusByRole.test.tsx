// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type SampleUser, sampleUser, signedInAs } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

/**
 * Each demo role's business permissions as the server grants them (server: access/roles.ts and the modules'
 * `grants`; e2e/menus-by-role.e2e.ts signs in as each demo account against the real server).
 */
const casesOf: Record<string, readonly string[]> = {
  coordinator: ['cases.read', 'cases.report', 'cases.supervise', 'cases.export', 'cases.evaluate', 'cases.configure'],
  dispatcher: ['cases.read', 'cases.report', 'cases.register', 'cases.dispatch', 'cases.supervise', 'cases.evaluate'],
  inspector: ['cases.read', 'cases.report', 'cases.verify'],
  department: ['cases.read', 'cases.handle'],
  market_inspector: [],
  volunteer_admin: ['cases.catalogue.read'],
  volunteer: ['cases.read', 'cases.report'],
  village_cadre: ['cases.read', 'cases.report'],
  service_clerk: [],
  insurance_clerk: [],
  institution_operator: [],
};

/** What each role's menu offers: the modules it opens, then those planned for its post. */
const expectedMenus: Record<string, readonly string[]> = {
  coordinator: ['市容案件', '数据看板', '商户与门前三包', '市场监管检查', '志愿服务', '最美庭院', '示范园区'],
  dispatcher: ['市容案件'],
  inspector: ['市容案件'],
  department: ['市容案件'],
  market_inspector: ['商户与门前三包', '市场监管检查'],
  volunteer_admin: ['志愿服务'],
  volunteer: ['市容案件', '志愿服务'],
  village_cadre: ['市容案件', '最美庭院'],
  service_clerk: ['特殊群体服务专区'],
  insurance_clerk: ['医保两病与异地结算'],
  institution_operator: ['医保两病与异地结算'],
};

const userOf = (role: string): SampleUser => ({
  ...sampleUser,
  roles: [role],
  permissions: [...sampleUser.permissions, 'self.inbox', ...(casesOf[role] ?? [])],
});

function serve(user: SampleUser) {
  return mockApi({
    ...signedInAs(user),
    'GET /api/cases/queue-counts': jsonResponse(200, { items: [{ queue: 'mine', count: 3, capped: false }] }),
    'GET /api/inbox': jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 5 }),
  });
}

const menuItems = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('menus show only what the role can open', () => {
  it.each(Object.keys(expectedMenus))('%s', async (role) => {
    const { requests } = serve(userOf(role));
    renderApp('/');
    const nav = await screen.findByTestId('nav');
    expect(menuItems(nav)).toEqual(expectedMenus[role]);
    const opensCases = expectedMenus[role]?.includes('市容案件');
    // The home asks the case API only of those who may read it: no refused request from a page load.
    if (opensCases) expect(await screen.findByTestId('cases-work')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('home-todos')).toBeTruthy());
    const caseCalls = requests.filter((r) => r.path.startsWith('/api/cases'));
    expect(caseCalls.length > 0).toBe(opensCases);
  });

  it('a role without the case permissions that types the address gets a plain refusal and no request', async () => {
    const { requests } = serve(userOf('market_inspector'));
    renderApp('/m/cases');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
    expect(requests.filter((r) => r.path.startsWith('/api/cases'))).toEqual([]);
  });

  it('a planned module is marked 规划中 and opens a page that calls no API', async () => {
    const { requests } = serve(userOf('service_clerk'));
    renderApp('/m/service-desk');
    expect(await screen.findByTestId('coming-soon-service-desk')).toBeTruthy();
    expect(within(screen.getByTestId('nav')).getByText('规划中')).toBeTruthy();
    const shell = ['/api/auth/me', '/api/meta', '/api/inbox', '/api/inbox/summary'];
    expect(requests.map((r) => r.path).filter((path) => !shell.includes(path))).toEqual([]);
  });

  it('nobody else sees a planned module: another role typing its address is refused', async () => {
    serve(userOf('inspector'));
    renderApp('/m/service-desk');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
