// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countyRegion, lockedAccount, sampleAccount, userPage } from '../../test/adminSamples.ts';
import { jsonResponse, mockApi, sampleCsrfToken, signedInAs, sysAdminUser } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const account = sampleAccount();

function adminServer(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...signedInAs(sysAdminUser),
    'GET /api/admin/users': jsonResponse(200, userPage([account, lockedAccount])),
    'GET /api/regions/430225': jsonResponse(200, countyRegion),
    ...extra,
  });
}

async function openPage() {
  renderApp('/admin/system');
  // The page is loaded on demand; the first import in a test file can take a while.
  return screen.findByTestId('user-table', {}, { timeout: 10_000 });
}

describe('system administration: users', () => {
  it('lists the accounts with masked phones, roles and states', async () => {
    adminServer();
    const table = await openPage();
    expect(await within(table).findByText('谭建军')).toBeTruthy();
    expect(within(table).getByText('inspector.xiayang')).toBeTruthy();
    expect(within(table).getByText('139****1234')).toBeTruthy();
    expect(within(table).getByText('监督员/巡查员')).toBeTruthy();
    expect(within(table).getByText('霞阳村')).toBeTruthy();
    expect(within(table).getByTestId('locked-tag')).toBeTruthy();
  });

  it('searches and filters on the server', async () => {
    const { requests } = adminServer();
    await openPage();
    const search = within(screen.getByTestId('user-search')).getByRole('searchbox');
    fireEvent.change(search, { target: { value: '谭' } });
    await act(async () => fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 }));
    await waitFor(() =>
      expect(requests.some((r) => r.path === '/api/admin/users' && r.query.get('q') === '谭')).toBe(true),
    );
    const last = requests.filter((r) => r.path === '/api/admin/users').at(-1);
    expect(last?.query.get('page')).toBe('1');
  });

  it('creates an account and shows its temporary password once', async () => {
    const created = sampleAccount({
      id: '3f2a1c9e-0000-4000-8000-000000000009',
      loginId: 'new.clerk',
      displayName: '新同事',
      scopeRegion: '430225',
    });
    const { requests } = adminServer({
      'POST /api/admin/users': jsonResponse(201, { user: created, temporaryPassword: 'Tq7#mKp2Wx9=Ab' }),
    });
    await openPage();

    fireEvent.click(screen.getByTestId('create-user-button'));
    const form = await screen.findByTestId('create-user-form');
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'new.clerk' } });
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '新同事' } });
    fireEvent.change(within(form).getByLabelText('手机号'), { target: { value: '13800138000' } });
    await act(async () => fireEvent.submit(form));

    const secret = await screen.findByTestId('one-time-secret');
    expect(within(secret).getByTestId('secret-value').textContent).toContain('Tq7#mKp2Wx9=Ab');
    expect(secret.textContent).toContain('只显示这一次');
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/admin/users');
    expect(post?.body).toEqual({
      loginId: 'new.clerk',
      displayName: '新同事',
      scopeRegion: '430225',
      phone: '13800138000',
    });
    expect(post?.headers.get('X-CSRF-Token')).toBe(sampleCsrfToken);
  });

  it('resets a password after confirming and shows the new temporary one', async () => {
    const { requests } = adminServer({
      [`POST /api/admin/users/${account.id}/reset-password`]: jsonResponse(200, {
        temporaryPassword: 'Zz9#resetPass1',
      }),
    });
    const table = await openPage();
    const row = (await within(table).findByText('谭建军')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '重置密码' }));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '重置密码' }));
    expect(await screen.findByText('Zz9#resetPass1')).toBeTruthy();
    expect(requests.some((r) => r.path === `/api/admin/users/${account.id}/reset-password`)).toBe(true);
  });

  it('disables an account with PATCH and shows its new state', async () => {
    const { requests } = adminServer({
      [`PATCH /api/admin/users/${account.id}`]: jsonResponse(200, { ...account, status: 'disabled' }),
    });
    const table = await openPage();
    const row = (await within(table).findByText('谭建军')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '停 用' }));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '停 用' }));
    await waitFor(() => expect(within(row).getByText('已停用')).toBeTruthy());
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ status: 'disabled' });
  });

  it('reveals a phone only with a reason, then masks it again after 30 seconds', async () => {
    const { requests } = adminServer({
      'POST /api/pii/reveal': jsonResponse(200, { values: { phone: '13907331234' } }),
    });
    const table = await openPage();
    const row = (await within(table).findByText('谭建军')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '查看完整号码' }));

    const form = await screen.findByTestId('reveal-dialog-form');
    fireEvent.change(within(form).getByLabelText('查看原因'), { target: { value: '短' } });
    await act(async () => fireEvent.submit(form));
    expect(await screen.findByText('查看原因至少 4 个字')).toBeTruthy();
    expect(requests.some((r) => r.path === '/api/pii/reveal')).toBe(false);

    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      fireEvent.change(within(form).getByLabelText('查看原因'), { target: { value: '电话通知本人修改密码' } });
      await act(async () => fireEvent.submit(form));
      expect(await within(row).findByText('13907331234')).toBeTruthy();
      expect(requests.find((r) => r.path === '/api/pii/reveal')?.body).toEqual({
        objectType: 'user',
        objectId: account.id,
        fields: ['phone'],
        reason: '电话通知本人修改密码',
      });
      for (let second = 0; second < 31; second++) await act(async () => vi.advanceTimersByTime(1000));
      expect(within(row).queryByText('13907331234')).toBeNull();
      expect(within(row).getByText('139****1234')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
