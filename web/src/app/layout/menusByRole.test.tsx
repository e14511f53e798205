// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type SampleUser, sampleUser, signedInAs } from '../../test/fetchMock.ts';
import { expectedMenus } from '../../test/expectedMenus.ts';
import { menuItems, renderApp } from '../../test/renderApp.tsx';
import { rolePermissions, selfServicePermissions } from '../../test/rolePermissions.gen.ts';

/** A person holding exactly one role, with the permissions the server grants it (the generated copy). */
const userOf = (role: string): SampleUser => ({
  ...sampleUser,
  roles: [role],
  permissions: [...selfServicePermissions, ...(rolePermissions[role] ?? [])],
});

function serve(user: SampleUser) {
  return mockApi({
    ...signedInAs(user),
    'GET /api/cases/queue-counts': jsonResponse(200, { items: [{ queue: 'mine', count: 3, capped: false }] }),
    'GET /api/inbox': jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 5 }),
  });
}

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('menus show only what the role can open', () => {
  it('the table names every role the server defines', () => {
    expect(Object.keys(expectedMenus)).toEqual(Object.keys(rolePermissions));
  });

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
