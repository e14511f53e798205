// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, meBody, mockApi, sampleMeta } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { api } from '../api.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('session check on load', () => {
  it('routes to the login page on 401', async () => {
    mockApi({
      'GET /api/auth/me': errorResponse(401, 'unauthenticated', '请先登录'),
      'GET /api/meta': jsonResponse(200, sampleMeta),
    });
    renderApp('/m/cases');
    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login');
    expect(screen.queryByTestId('nav')).toBeNull();
  });

  it('opens the shell as an anonymous preview on 404 (auth not deployed yet)', async () => {
    mockApi({ 'GET /api/meta': jsonResponse(200, sampleMeta) });
    renderApp('/');
    expect(await screen.findByTestId('nav')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/');
    const notice = screen.getByTestId('preview-notice');
    expect(notice.textContent).toContain('身份认证将在下一版本启用');
    expect(screen.getByTestId('user-menu').getAttribute('aria-label')).toContain('匿名预览');
  });

  it('lets the preview notice be dismissed', async () => {
    mockApi({ 'GET /api/meta': jsonResponse(200, sampleMeta) });
    renderApp('/');
    const notice = await screen.findByTestId('preview-notice');
    fireEvent.click(within(notice).getByRole('button'));
    await waitFor(() => expect(screen.queryByTestId('preview-notice')).toBeNull());
  });

  it('shows the signed-in user on 200', async () => {
    mockApi({
      'GET /api/auth/me': jsonResponse(200, meBody()),
      'GET /api/meta': jsonResponse(200, sampleMeta),
    });
    renderApp('/');
    expect(await screen.findByText('张三')).toBeTruthy();
    expect(screen.queryByTestId('preview-notice')).toBeNull();
  });

  it('offers a retry when the server cannot be reached', async () => {
    let attempts = 0;
    mockApi({
      'GET /api/auth/me': () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return errorResponse(404, 'not_found', '接口不存在');
      },
    });
    renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: /重\s*试/ }));
    // The retry reaches today's server, which has no auth yet: preview.
    expect(await screen.findByTestId('nav')).toBeTruthy();
  });
});

describe('logout', () => {
  it('tells the server, forgets the user and returns to the login page', async () => {
    let signedIn = true;
    const { requests } = mockApi({
      'GET /api/auth/me': () =>
        signedIn ? jsonResponse(200, meBody()) : errorResponse(401, 'unauthenticated', '请先登录'),
      'POST /api/auth/logout': () => {
        signedIn = false;
        return new Response(null, { status: 204 });
      },
      'GET /api/meta': jsonResponse(200, sampleMeta),
    });
    window.sessionStorage.setItem('draft', 'secret');
    renderApp('/');

    fireEvent.click(await screen.findByTestId('user-menu'));
    fireEvent.click(await screen.findByText('退出登录'));

    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/auth/logout')).toBe(true);
    expect(window.sessionStorage.getItem('draft')).toBeNull();
    expect(screen.queryByText('张三')).toBeNull();
  });
});

describe('expired session', () => {
  it('routes to login when any later request answers 401', async () => {
    mockApi({
      'GET /api/auth/me': jsonResponse(200, meBody()),
      'GET /api/meta': jsonResponse(200, sampleMeta),
      'GET /api/cases': errorResponse(401, 'unauthenticated', '请先登录'),
    });
    renderApp('/m/cases');
    expect(await screen.findByText('张三')).toBeTruthy();

    // Any page's request after the session expired on the server.
    await act(() => api.get('/api/cases').catch(() => undefined));

    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(screen.getByTestId('session-expired').textContent).toContain('会话已超时，请重新登录');
    expect(screen.queryByText('张三')).toBeNull();
  });

  it('says nothing about a timeout when the visitor was never signed in', async () => {
    mockApi({ 'GET /api/auth/me': errorResponse(401, 'unauthenticated', '请先登录') });
    renderApp('/');
    expect(await screen.findByTestId('login-form')).toBeTruthy();
    expect(screen.queryByTestId('session-expired')).toBeNull();
  });

  it('ends the session after the idle limit without keyboard or mouse', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { requests } = mockApi({
        'GET /api/auth/me': jsonResponse(200, { ...meBody(), idleMinutes: 15 }),
        'GET /api/meta': jsonResponse(200, sampleMeta),
        'POST /api/auth/logout': new Response(null, { status: 204 }),
      });
      renderApp('/');
      expect(await screen.findByText('张三')).toBeTruthy();

      await act(async () => {
        vi.advanceTimersByTime(15 * 60_000 + 15_000);
      });

      expect(await screen.findByTestId('session-expired')).toBeTruthy();
      expect(requests.some((r) => r.method === 'POST' && r.path === '/api/auth/logout')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
