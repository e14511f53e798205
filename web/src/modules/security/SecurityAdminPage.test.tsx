// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinRoles, countyRegion, lockedAccount, sampleAccount, userPage } from '../../test/adminSamples.ts';
import {
  errorResponse,
  jsonResponse,
  mockApi,
  sampleCsrfToken,
  secAdminUser,
  signedInAs,
} from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const account = sampleAccount();
const rolesPath = `/api/admin/users/${account.id}/roles`;

function securityServer(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...signedInAs(secAdminUser),
    'GET /api/admin/users': jsonResponse(200, userPage([account, lockedAccount])),
    'GET /api/admin/roles': jsonResponse(200, builtinRoles),
    'GET /api/regions/430225': jsonResponse(200, countyRegion),
    ...extra,
  });
}

async function openPage() {
  renderApp('/admin/security');
  return screen.findByTestId('user-table', {}, { timeout: 10_000 });
}

async function openAssignment() {
  const table = await openPage();
  fireEvent.click(await within(table).findByTestId('assign-inspector.xiayang'));
  return screen.findByTestId('assign-roles-form');
}

/** The checkbox's whole label: the role name and its tags. */
const roleLabel = (form: HTMLElement, key: string) =>
  within(form).getByTestId(`role-${key}`).closest('label') as HTMLElement;

describe('security administration: roles', () => {
  it('sends PUT with exactly the chosen roles', async () => {
    const { requests } = securityServer({
      [`PUT ${rolesPath}`]: jsonResponse(200, { ...account, roles: ['inspector', 'coordinator'] }),
    });
    const form = await openAssignment();
    const inspector = within(form).getByTestId('role-inspector') as HTMLInputElement;
    expect(inspector.checked).toBe(true);

    fireEvent.click(within(form).getByText('创文办'));
    await act(async () => fireEvent.submit(form));

    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(rolesPath);
    expect(put?.body).toEqual({ roles: ['inspector', 'coordinator'] });
    expect(put?.headers.get('X-CSRF-Token')).toBe(sampleCsrfToken);
  });

  it('marks the 三员 roles and keeps them apart from business roles', async () => {
    securityServer();
    const form = await openAssignment();
    expect(screen.getByText('系统管理员、安全管理员、审计管理员（三员）相互独立')).toBeTruthy();
    expect(within(roleLabel(form, 'sys_admin')).getByText('三员')).toBeTruthy();
    expect(within(roleLabel(form, 'inspector')).queryByText('三员')).toBeNull();
    // The account holds a business role, so no administrator role can be added to it.
    const sysAdmin = within(form).getByTestId('role-sys_admin') as HTMLInputElement;
    expect(sysAdmin.disabled).toBe(true);

    fireEvent.click(within(form).getByText('监督员/巡查员'));
    await waitFor(() => expect(sysAdmin.disabled).toBe(false));
    fireEvent.click(within(form).getByText('系统管理员'));
    const coordinator = within(form).getByTestId('role-coordinator') as HTMLInputElement;
    await waitFor(() => expect(coordinator.disabled).toBe(true));
  });

  it('shows the server refusal under the roles', async () => {
    securityServer({
      [`PUT ${rolesPath}`]: errorResponse(400, 'validation_failed', '请检查', { roles: '不能撤销最后一名系统管理员' }),
    });
    const form = await openAssignment();
    await act(async () => fireEvent.submit(form));
    expect(await screen.findByText('不能撤销最后一名系统管理员')).toBeTruthy();
  });

  it("does not offer to change one's own roles", async () => {
    const self = sampleAccount({ id: secAdminUser.id, loginId: 'secadmin', displayName: '陈静', roles: ['sec_admin'] });
    securityServer({ 'GET /api/admin/users': jsonResponse(200, userPage([self])) });
    const table = await openPage();
    const button = await within(table).findByTestId('assign-secadmin');
    expect(button.hasAttribute('disabled')).toBe(true);
  });

  it('unlocks a locked account', async () => {
    const { requests } = securityServer({
      [`POST /api/admin/users/${lockedAccount.id}/unlock`]: new Response(null, { status: 204 }),
    });
    const table = await openPage();
    fireEvent.click(await within(table).findByTestId('unlock-cadre.xiayang'));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '解 锁' }));
    await waitFor(() => expect(within(table).queryByTestId('locked-tag')).toBeNull());
    expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/unlock'))).toBe(true);
  });

  it('lists the roles with their permissions', async () => {
    securityServer();
    await openPage();
    fireEvent.click(screen.getByRole('tab', { name: '角色与权限' }));
    const table = await screen.findByTestId('roles-table');
    expect(within(table).getByText('审计管理员')).toBeTruthy();
    expect(within(table).getByText('查阅审计日志')).toBeTruthy();
  });
});

describe('security administration: policy', () => {
  it('saves the security policy with PUT', async () => {
    const policy = {
      policy: {
        minLength: 8,
        maxLength: 64,
        minClasses: 3,
        maxAgeDays: 90,
        historyCount: 5,
        lockoutThreshold: 5,
        lockoutMinutes: 30,
      },
      absoluteHours: 12,
      ipFailureLimit: 20,
      ipWindowMinutes: 15,
    };
    const { requests } = securityServer({
      'GET /api/admin/security-policy': jsonResponse(200, policy),
      'PUT /api/admin/security-policy': (request) => jsonResponse(200, request.body),
    });
    await openPage();
    fireEvent.click(screen.getByRole('tab', { name: '安全策略' }));
    const form = await screen.findByTestId('policy-form');
    fireEvent.change(within(form).getByLabelText('最短长度'), { target: { value: '12' } });
    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      ...policy,
      policy: { ...policy.policy, minLength: 12 },
    });
  });

  it('holds the 等保 floors: the form never sends fewer than 3 classes, and shows the field the server refuses', async () => {
    const policy = {
      policy: {
        minLength: 10,
        maxLength: 128,
        minClasses: 3,
        maxAgeDays: 90,
        historyCount: 5,
        lockoutThreshold: 5,
        lockoutMinutes: 30,
      },
      absoluteHours: 12,
      ipFailureLimit: 20,
      ipWindowMinutes: 15,
    };
    const { requests } = securityServer({
      'GET /api/admin/security-policy': jsonResponse(200, policy),
      'PUT /api/admin/security-policy': errorResponse(400, 'validation_failed', '请检查', {
        'policy.historyCount': '不能小于 5',
      }),
    });
    await openPage();
    fireEvent.click(screen.getByRole('tab', { name: '安全策略' }));
    const form = await screen.findByTestId('policy-form');
    const classes = within(form).getByLabelText('字符种类');
    fireEvent.change(classes, { target: { value: '2' } });
    fireEvent.blur(classes);
    await act(async () => fireEvent.submit(form));
    expect(await within(form).findByText('不能小于 5')).toBeTruthy();
    const sent = requests.filter((r) => r.method === 'PUT').map((r) => (r.body as typeof policy).policy.minClasses);
    expect(sent.every((n) => n >= 3)).toBe(true);
  });
});
