// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, meBody, mockApi, sampleMeta } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const signedOut = {
  'GET /api/auth/me': errorResponse(401, 'unauthenticated', '请先登录'),
  'GET /api/meta': jsonResponse(200, sampleMeta),
};

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function submit() {
  await act(async () => {
    fireEvent.submit(screen.getByTestId('login-form'));
  });
}

describe('login page', () => {
  it('shows the server message and its field errors when sign-in fails', async () => {
    mockApi({
      ...signedOut,
      'POST /api/auth/login': errorResponse(400, 'validation_failed', '请检查填写的内容', {
        username: '用户名格式不正确',
      }),
    });
    renderApp('/login');
    await screen.findByTestId('login-form');

    fillIn('用户名', 'bad name');
    fillIn('密码', 'secret');
    await submit();

    expect(await screen.findByText('用户名格式不正确')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('请检查填写的内容');
  });

  it('shows a wrong-password message from the server', async () => {
    mockApi({ ...signedOut, 'POST /api/auth/login': errorResponse(401, 'invalid_credentials', '用户名或密码错误') });
    renderApp('/login');
    await screen.findByTestId('login-form');
    fillIn('用户名', 'zhangsan');
    fillIn('密码', 'wrong');
    await submit();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('用户名或密码错误'));
    expect(screen.getByTestId('location').textContent).toBe('/login');
  });

  it('signs in, sends the credentials and returns to the page first asked for', async () => {
    const { requests } = mockApi({ ...signedOut, 'POST /api/auth/login': jsonResponse(200, meBody()) });
    renderApp('/m/cases');
    await screen.findByTestId('login-form');
    fillIn('用户名', ' zhangsan ');
    fillIn('密码', 'correct horse');
    await submit();

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/cases'));
    expect(await screen.findByText('张三')).toBeTruthy();
    const login = requests.find((r) => r.path === '/api/auth/login');
    expect(login?.body).toEqual({ username: 'zhangsan', password: 'correct horse' });
  });

  it('asks for both fields before calling the server', async () => {
    const { requests } = mockApi(signedOut);
    renderApp('/login');
    await screen.findByTestId('login-form');
    await submit();
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(requests.some((r) => r.path === '/api/auth/login')).toBe(false);
  });

  it('is built for keyboards and password managers', async () => {
    mockApi(signedOut);
    renderApp('/login');
    await screen.findByTestId('login-form');
    const username = screen.getByLabelText('用户名');
    const password = screen.getByLabelText('密码');
    expect(username.getAttribute('autocomplete')).toBe('username');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(document.activeElement).toBe(username);

    expect(password.getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByLabelText('显示密码'));
    expect(password.getAttribute('type')).toBe('text');
  });

  it('switches language on the login page', async () => {
    mockApi(signedOut);
    renderApp('/login');
    await screen.findByTestId('login-form');
    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
  });
});
