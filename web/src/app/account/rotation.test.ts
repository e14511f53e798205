// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, meBody, mockApi } from '../../test/fetchMock.ts';
import { onUnauthorized, setCsrfToken } from '../api.ts';
import { accountApi } from '../auth/account.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

/** The server rotates the session on the MFA step, enrolment and a password change (issue #9 item 10). */
describe('steps that rotate the session', () => {
  const rotated = { ...meBody(), csrfToken: 'csrf-rotated' };

  it.each([
    ['the MFA step', 'POST /api/auth/mfa/verify', () => accountApi.verifyMfa('123456')],
    ['enrolment', 'POST /api/auth/mfa/enable', () => accountApi.enableMfa('123456')],
    [
      'a password change',
      'POST /api/auth/password',
      () => accountApi.changePassword({ currentPassword: 'a', newPassword: 'b' }),
    ],
  ])('%s: the next write carries the new CSRF token', async (_step, route, call) => {
    const { requests } = mockApi({
      [route]: jsonResponse(200, rotated),
      'DELETE /api/auth/sessions/abc': new Response(null, { status: 204 }),
    });
    setCsrfToken('csrf-before');
    await expect(call()).resolves.toMatchObject({ csrfToken: 'csrf-rotated' });
    await accountApi.endSession('abc');
    expect(requests[0]?.headers.get('X-CSRF-Token')).toBe('csrf-before');
    expect(requests[1]?.headers.get('X-CSRF-Token')).toBe('csrf-rotated');
  });

  it('a 401 from a step (locked out) is left to the page, not broadcast as an expired session', async () => {
    mockApi({ 'POST /api/auth/mfa/verify': errorResponse(401, 'locked_out', '输错次数过多，账号已临时锁定 30 分钟') });
    const heard = vi.fn();
    const stop = onUnauthorized(heard);
    await expect(accountApi.verifyMfa('123456')).rejects.toMatchObject({ status: 401, code: 'locked_out' });
    stop();
    expect(heard).not.toHaveBeenCalled();
  });
});
