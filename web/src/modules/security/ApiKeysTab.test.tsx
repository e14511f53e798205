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

const submit = 'cases.open311.submit';
/** The server's names for the permissions these tests use (the manifests' zh labels). */
const names: Record<string, string> = {
  [submit]: 'Open311 对接：提交诉求、读取进展',
  'pii.reveal': '查看个人信息明文',
};
const key = (permissions: string[], ineffectivePermissions: string[] = []) => ({
  id: 'k-1',
  name: '数字城管对接',
  prefix: 'ab12cd34',
  permissions,
  ineffectivePermissions,
  permissionNames: Object.fromEntries(permissions.map((code) => [code, names[code] ?? code])),
  scopeRegion: '430225',
  createdAt: '2026-11-29T00:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
});

function apiKeyServer(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...signedInAs(secAdminUser),
    'GET /api/admin/users': jsonResponse(200, userPage([sampleAccount(), lockedAccount])),
    'GET /api/admin/roles': jsonResponse(200, builtinRoles),
    'GET /api/regions/430225': jsonResponse(200, countyRegion),
    'GET /api/admin/api-keys/permissions': jsonResponse(200, {
      integration: [submit],
      names: { [submit]: names[submit] },
    }),
    ...extra,
  });
}

async function openApiKeys() {
  renderApp('/admin/security');
  await screen.findByTestId('user-table', {}, { timeout: 10_000 });
  fireEvent.click(screen.getByRole('tab', { name: 'API 密钥' }));
  return screen.findByTestId('api-keys-table');
}

/** Issue 9 item 2: a key is offered only the integration permissions, and stored powers it lacks are flagged. */
describe('security administration: API keys', () => {
  it('offers only the integration permissions, creates the key and shows it once', async () => {
    const { requests } = apiKeyServer({
      'GET /api/admin/api-keys': jsonResponse(200, []),
      'POST /api/admin/api-keys': jsonResponse(201, {
        apiKey: key([submit]),
        key: 'wm_ab12cd34_secretsecretsecretsecret',
      }),
    });
    await openApiKeys();
    fireEvent.click(await screen.findByTestId('create-api-key-button'));
    const form = await screen.findByTestId('create-api-key-form');
    fireEvent.change(within(form).getByLabelText('名称'), { target: { value: '数字城管对接' } });
    fireEvent.mouseDown(within(form).getByLabelText('权限'));
    const option = await screen.findByTitle(`Open311 对接：提交诉求、读取进展 (${submit})`);
    // a person's powers are not even offered
    expect(screen.queryByTitle(/pii\.reveal|users\.read|system\.metrics/)).toBeNull();
    expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(1);
    fireEvent.click(option);
    await act(async () => fireEvent.submit(form));

    const secret = await screen.findByTestId('one-time-secret');
    expect(within(secret).getByTestId('secret-value').textContent).toContain('wm_ab12cd34_secretsecretsecretsecret');
    expect(requests.find((r) => r.method === 'POST' && r.path === '/api/admin/api-keys')?.body).toEqual({
      name: '数字城管对接',
      permissions: [submit],
      scopeRegion: '430225',
    });
  });

  it('flags the stored permissions a key does not get', async () => {
    apiKeyServer({ 'GET /api/admin/api-keys': jsonResponse(200, [key([submit, 'pii.reveal'], ['pii.reveal'])]) });
    const table = await openApiKeys();
    await waitFor(() => expect(within(table).getAllByTestId('ineffective-permission')).toHaveLength(1));
    const flagged = within(table).getByTestId('ineffective-permission');
    expect(flagged.textContent).toContain('查看个人信息明文');
    expect(flagged.textContent).toContain('未生效');
    expect(within(table).getByText('Open311 对接：提交诉求、读取进展')).toBeTruthy();
  });
});
