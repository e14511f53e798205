// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countyRegion } from '../../test/adminSamples.ts';
import { jsonResponse, mockApi, sampleCsrfToken, signedInAs } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const chromeOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const wechatOnAndroid =
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 MicroMessenger/8.0';

const sessions = [
  {
    id: 'sess-current-1',
    current: true,
    createdAt: '2026-11-29T00:00:00.000Z',
    lastSeenAt: '2026-11-29T01:00:00.000Z',
    expiresAt: '2026-11-29T12:00:00.000Z',
    sourceIp: '10.0.0.8',
    userAgent: chromeOnWindows,
  },
  {
    id: 'sess-phone-22',
    current: false,
    createdAt: '2026-11-28T00:00:00.000Z',
    lastSeenAt: '2026-11-28T02:00:00.000Z',
    expiresAt: '2026-11-28T12:00:00.000Z',
    sourceIp: '10.0.0.9',
    userAgent: wechatOnAndroid,
  },
];

function accountServer() {
  let remaining = sessions;
  return mockApi({
    ...signedInAs(),
    'GET /api/regions/430225': jsonResponse(200, countyRegion),
    'GET /api/auth/sessions': () => jsonResponse(200, remaining),
    'DELETE /api/auth/sessions/sess-phone-22': () => {
      remaining = sessions.slice(0, 1);
      return new Response(null, { status: 204 });
    },
  });
}

describe('my account', () => {
  it('is reached from the user menu and shows the profile', async () => {
    accountServer();
    renderApp('/');
    fireEvent.click(await screen.findByTestId('user-menu'));
    fireEvent.click(await screen.findByText('我的账号'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/account'));
    const profile = await screen.findByTestId('profile-card');
    expect(profile.textContent).toContain('zhangsan');
    expect(profile.textContent).toContain('创文办');
    await waitFor(() => expect(profile.textContent).toContain('炎陵县'));
    expect(screen.getByTestId('mfa-card').textContent).toContain('未开启');
  });

  it('lists my sessions, marks this one, and ends another', async () => {
    const { requests } = accountServer();
    renderApp('/account');
    const card = await screen.findByTestId('sessions-card');
    await within(card).findByText('Chrome · Windows');
    expect(within(card).getByText('WeChat · Android')).toBeTruthy();
    const current = within(card).getByText('当前设备').closest('tr') as HTMLElement;
    expect(within(current).queryByRole('button')).toBeNull();

    const other = within(card).getByText('WeChat · Android').closest('tr') as HTMLElement;
    fireEvent.click(within(other).getByRole('button', { name: '结束此会话' }));
    const confirm = await screen.findByRole('tooltip');
    await act(async () => fireEvent.click(within(confirm).getByRole('button', { name: '结束此会话' })));

    await waitFor(() => expect(within(card).queryByText('WeChat · Android')).toBeNull());
    const ended = requests.find((r) => r.method === 'DELETE');
    expect(ended?.path).toBe('/api/auth/sessions/sess-phone-22');
    expect(ended?.headers.get('X-CSRF-Token')).toBe(sampleCsrfToken);
  });
});
