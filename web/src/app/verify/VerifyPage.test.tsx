// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi, sampleMeta } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { Verification } from './useVerification.ts';

const code = 'abcdefghijklmnopqrstuvwxyz234567';

const issued: Verification = {
  code,
  kind: 'cases.rectification-notice',
  kindTitle: { zh: '整改通知书', en: 'Rectification notice' },
  title: '整改通知书',
  issuer: { organ: '炎陵县数字化城市管理监督指挥中心', department: null },
  issuedAt: '2026-12-07T02:00:00.000Z',
  contentSha256: 'a'.repeat(64),
  status: 'issued',
  revokedAt: null,
  revokeReason: null,
  publicFields: [{ label: { zh: '案件编号', en: 'Case number' }, value: '2026-00000123' }],
};

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function server(answer: Response) {
  return mockApi({ 'GET /api/meta': jsonResponse(200, sampleMeta), [`GET /api/verify/${code}`]: answer });
}

describe('the public verification page', () => {
  it('shows a valid document: kind, issuer, date in China time, the public fields and the digest', async () => {
    server(jsonResponse(200, issued));
    renderApp(`/verify/${code}`);
    await screen.findByTestId('verify-status-valid', {}, { timeout: 10_000 });
    const result = screen.getByTestId('verify-result').textContent ?? '';
    expect(result).toContain('整改通知书');
    expect(result).toContain('炎陵县数字化城市管理监督指挥中心');
    expect(result).toContain('2026-12-07 10:00');
    expect(result).toContain('案件编号');
    expect(result).toContain('2026-00000123');
    expect(screen.getByTestId('verify-hash').textContent).toContain('a'.repeat(64));
    expect(screen.queryByTestId('verify-status-revoked')).toBeNull();
  });

  it('says 已作废 with the date and the reason for a revoked one', async () => {
    server(
      jsonResponse(200, {
        ...issued,
        status: 'revoked',
        revokedAt: '2026-12-08T01:30:00.000Z',
        revokeReason: '案件信息有误',
      }),
    );
    renderApp(`/verify/${code}`);
    const revoked = await screen.findByTestId('verify-status-revoked', {}, { timeout: 10_000 });
    expect(revoked.textContent).toContain('已作废');
    expect(revoked.textContent).toContain('2026-12-08 09:30');
    expect(revoked.textContent).toContain('案件信息有误');
  });

  it('tells an unknown code apart from a failure, and offers to try another', async () => {
    server(errorResponse(404, 'not_found', '未找到文书'));
    renderApp(`/verify/${code}`);
    await screen.findByTestId('verify-not-found', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('verify-result')).toBeNull();
  });

  it('takes a code typed from paper (grouped, upper case) and opens its page', async () => {
    server(jsonResponse(200, issued));
    renderApp('/verify');
    const input = await screen.findByTestId('verify-code-input', {}, { timeout: 10_000 });
    fireEvent.change(input, { target: { value: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567' } });
    fireEvent.click(screen.getByTestId('verify-submit'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/verify/${code}`));
    await screen.findByTestId('verify-status-valid', {}, { timeout: 10_000 });
  });
});
