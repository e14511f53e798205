// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinRoles, countyRegion, lockedAccount, sampleAccount, userPage } from '../../test/adminSamples.ts';
import { jsonResponse, mockApi, secAdminUser, signedInAs } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const account = sampleAccount();
const rolesPath = `/api/admin/users/${account.id}/roles`;
const warning = {
  code: 'maker_checker',
  step: 'cases.verify',
  message:
    '该账号将既能“处理反馈”又能“核查结案”（专业部门、监督员/巡查员）。系统仍会拒绝其审核本人经办的事项；人员允许时，宜分设给不同的人。',
};

function grantServer(warnings: unknown[]) {
  return mockApi({
    ...signedInAs(secAdminUser),
    'GET /api/admin/users': jsonResponse(200, userPage([account, lockedAccount])),
    'GET /api/admin/roles': jsonResponse(200, builtinRoles),
    'GET /api/regions/430225': jsonResponse(200, countyRegion),
    [`PUT ${rolesPath}`]: jsonResponse(200, { ...account, roles: ['inspector', 'coordinator'], warnings }),
  });
}

async function grantDepartment() {
  renderApp('/admin/security');
  const table = await screen.findByTestId('user-table', {}, { timeout: 10_000 });
  fireEvent.click(await within(table).findByTestId('assign-inspector.xiayang'));
  const form = await screen.findByTestId('assign-roles-form');
  // The sample catalogue has no 专业部门; which roles overlap is the server's to say.
  fireEvent.click(within(form).getByText('创文办'));
  await act(async () => fireEvent.submit(form));
}

describe('security administration: a grant across maker and checker (issue #9, item 12)', () => {
  it('saves, then shows the server’s warning in a dialog of its own', async () => {
    const { requests } = grantServer([warning]);
    await grantDepartment();
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ roles: ['inspector', 'coordinator'] }),
    );
    const shown = await screen.findByTestId('role-grant-warnings');
    expect(shown.textContent).toBe(warning.message);
    expect(screen.getAllByText('角色已保存，请注意经办与审核分离').length).toBeGreaterThan(0);
  });

  it('shows nothing more for a grant without an overlap', async () => {
    const { requests } = grantServer([]);
    await grantDepartment();
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(screen.queryByTestId('role-grant-warnings')).toBeNull();
  });
});
