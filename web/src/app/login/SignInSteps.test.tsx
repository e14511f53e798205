// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  errorResponse,
  jsonResponse,
  meBody,
  mockApi,
  type RecordedRequest,
  sampleCsrfToken,
  sampleMeta,
  sampleUser,
} from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

type Pending = 'mfa' | 'mfa_enroll' | 'password_change' | null;

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/**
 * A server whose session moves through the steps: signed out, then `pending` after the password, then each
 * successful step call (`stepRoute`) clears the step.
 */
function serverWithStep(
  pending: Pending,
  stepRoute: string,
  extra: Record<string, (r: RecordedRequest) => Response> = {},
) {
  let state: 'signed-out' | Pending = 'signed-out';
  return mockApi({
    'GET /api/meta': jsonResponse(200, sampleMeta),
    'GET /api/auth/me': () =>
      state === 'signed-out'
        ? errorResponse(401, 'unauthenticated', '请先登录')
        : jsonResponse(200, meBody(sampleUser, state)),
    'POST /api/auth/login': () => {
      state = pending;
      return jsonResponse(200, meBody(sampleUser, pending));
    },
    [stepRoute]: (request) => {
      if ((request.body as { code?: string } | undefined)?.code === '000000')
        return errorResponse(400, 'validation_failed', '请检查', { code: '动态验证码不正确或已使用' });
      state = null;
      return new Response(null, { status: 204 });
    },
    ...extra,
  });
}

async function signIn(path = '/m/cases') {
  renderApp(path);
  await screen.findByTestId('login-form');
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'zhangsan' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'secret' } });
  await act(async () => fireEvent.submit(screen.getByTestId('login-form')));
}

async function submitCode(code: string) {
  fireEvent.change(await screen.findByLabelText('动态验证码'), { target: { value: code } });
  await act(async () => fireEvent.submit(screen.getByTestId('code-form')));
}

const location = () => screen.getByTestId('location').textContent;

describe('signing in with a one-time code', () => {
  it('asks for the code after the password, then opens the page first asked for', async () => {
    const { requests } = serverWithStep('mfa', 'POST /api/auth/mfa/verify');
    await signIn('/m/cases');

    await waitFor(() => expect(location()).toBe('/login/mfa'));
    const input = screen.getByLabelText('动态验证码');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(document.activeElement).toBe(input);

    await submitCode('123456');

    await waitFor(() => expect(location()).toBe('/m/cases'));
    expect(await screen.findByText('张三')).toBeTruthy();
    const verify = requests.find((r) => r.path === '/api/auth/mfa/verify');
    expect(verify?.body).toEqual({ code: '123456' });
    expect(verify?.headers.get('X-CSRF-Token')).toBe(sampleCsrfToken);
  });

  it('shows the server message for a wrong code and stays on the step', async () => {
    serverWithStep('mfa', 'POST /api/auth/mfa/verify');
    await signIn();
    await waitFor(() => expect(location()).toBe('/login/mfa'));

    await submitCode('000000');

    expect(await screen.findByText('动态验证码不正确或已使用')).toBeTruthy();
    expect(location()).toBe('/login/mfa');
  });

  it('too many wrong codes: says the account is locked and goes back to sign-in', async () => {
    let signedIn = false;
    mockApi({
      'GET /api/meta': jsonResponse(200, sampleMeta),
      'GET /api/auth/me': () =>
        signedIn ? jsonResponse(200, meBody(sampleUser, 'mfa')) : errorResponse(401, 'unauthenticated', '请先登录'),
      'POST /api/auth/login': () => {
        signedIn = true;
        return jsonResponse(200, meBody(sampleUser, 'mfa'));
      },
      'POST /api/auth/mfa/verify': () => {
        signedIn = false;
        return errorResponse(401, 'locked_out', '输错次数过多，账号已临时锁定 30 分钟，本次登录已结束');
      },
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    await signIn();
    await waitFor(() => expect(location()).toBe('/login/mfa'));

    await submitCode('111111');

    expect(await screen.findByText('输错次数过多，账号已临时锁定 30 分钟，本次登录已结束')).toBeTruthy();
    expect(await screen.findByTestId('login-form')).toBeTruthy();
  });

  it('checks for six digits before asking the server', async () => {
    const { requests } = serverWithStep('mfa', 'POST /api/auth/mfa/verify');
    await signIn();
    await waitFor(() => expect(location()).toBe('/login/mfa'));
    await submitCode('12a4');
    expect(await screen.findByText('请输入 6 位数字验证码')).toBeTruthy();
    expect(requests.some((r) => r.path === '/api/auth/mfa/verify')).toBe(false);
  });
});

describe('a temporary password', () => {
  it('must be changed before anything else, with the reason shown', async () => {
    const { requests } = serverWithStep('password_change', 'POST /api/auth/password');
    await signIn('/');

    await waitFor(() => expect(location()).toBe('/login/password'));
    // The step's page is loaded lazily: the address changes before it has rendered.
    expect((await screen.findByTestId('password-reason')).textContent).toContain('临时密码');

    fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: 'Temp#1234abcd' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'Yanling#2026new' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: 'Yanling#2026new' } });
    await act(async () => fireEvent.submit(screen.getByTestId('password-form')));

    await waitFor(() => expect(location()).toBe('/'));
    const change = requests.find((r) => r.path === '/api/auth/password');
    expect(change?.body).toEqual({
      currentPassword: 'Temp#1234abcd',
      newPassword: 'Yanling#2026new',
      signOutOtherSessions: true,
    });
  });

  it('shows the policy message from the server under the new password', async () => {
    mockApi({
      'GET /api/meta': jsonResponse(200, sampleMeta),
      'GET /api/auth/me': jsonResponse(200, meBody(sampleUser, 'password_change')),
      'POST /api/auth/password': errorResponse(400, 'validation_failed', '请检查', {
        newPassword: '密码至少 8 个字符',
      }),
    });
    renderApp('/login/password');
    await screen.findByTestId('password-form');
    fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: 'old' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: 'short' } });
    await act(async () => fireEvent.submit(screen.getByTestId('password-form')));
    expect(await screen.findByText('密码至少 8 个字符')).toBeTruthy();
  });

  it('explains an expired password as expired', async () => {
    mockApi({
      'GET /api/meta': jsonResponse(200, sampleMeta),
      'GET /api/auth/me': jsonResponse(
        200,
        meBody({ ...sampleUser, passwordExpiresAt: '2020-01-01T00:00:00.000Z' }, 'password_change'),
      ),
    });
    renderApp('/');
    expect((await screen.findByTestId('password-reason')).textContent).toContain('密码已过期');
  });
});

describe('authenticator enrolment', () => {
  it('shows the key in groups of four and the link, then enables MFA with a code', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const uri = `otpauth://totp/wenming:zhangsan?secret=${secret}&issuer=wenming`;
    const { requests } = serverWithStep('mfa_enroll', 'POST /api/auth/mfa/enable', {
      'POST /api/auth/mfa/setup': () => jsonResponse(200, { secret, uri }),
    });
    await signIn('/');

    await waitFor(() => expect(location()).toBe('/login/mfa-enrol'));
    const start = await screen.findByTestId('mfa-start'); // the step's page is loaded lazily
    await act(async () => fireEvent.click(start));

    const key = await screen.findByTestId('mfa-key');
    expect(within(key).getByTestId('mfa-secret').textContent).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(key.textContent).toContain(uri);

    await submitCode('654321');

    await waitFor(() => expect(location()).toBe('/'));
    expect(requests.find((r) => r.path === '/api/auth/mfa/enable')?.body).toEqual({ code: '654321' });
    expect(requests.find((r) => r.path === '/api/auth/mfa/setup')?.headers.get('X-CSRF-Token')).toBe(sampleCsrfToken);
  });

  it('lets the person leave with another account', async () => {
    let signedIn = true;
    mockApi({
      'GET /api/meta': jsonResponse(200, sampleMeta),
      'GET /api/auth/me': () =>
        signedIn
          ? jsonResponse(200, meBody(sampleUser, 'mfa_enroll'))
          : errorResponse(401, 'unauthenticated', '请先登录'),
      'POST /api/auth/logout': () => {
        signedIn = false;
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: '退出，换个账号登录' }));
    expect(await screen.findByTestId('login-form')).toBeTruthy();
  });
});

describe('a pending step', () => {
  it('keeps the session out of the shell until it is done', async () => {
    mockApi({
      'GET /api/meta': jsonResponse(200, sampleMeta),
      'GET /api/auth/me': jsonResponse(200, meBody(sampleUser, 'mfa')),
    });
    renderApp('/admin/audit');
    await waitFor(() => expect(location()).toBe('/login/mfa'));
    expect(screen.queryByTestId('nav')).toBeNull();
  });
});
