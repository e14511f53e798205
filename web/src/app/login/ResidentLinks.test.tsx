// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi, sampleMeta } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

interface HappyDomWindow {
  happyDOM: { setViewport(viewport: { width: number; height: number }): void };
}

describe('a resident who lands on the sign-in page', () => {
  it('finds 我要随手拍 and 查询办理进度 above the staff form, as plain links to the public pages', async () => {
    (window as unknown as HappyDomWindow).happyDOM.setViewport({ width: 390, height: 844 });
    mockApi({
      'GET /api/auth/me': errorResponse(401, 'unauthenticated', '请先登录'),
      'GET /api/meta': jsonResponse(200, sampleMeta),
    });
    renderApp('/');
    const links = await screen.findByTestId('resident-links', {}, { timeout: 10_000 });
    expect(within(links).getByText('群众服务，无需登录')).toBeTruthy();
    const report = within(links).getByRole('link', { name: /我要随手拍/ });
    const track = within(links).getByRole('link', { name: /查询办理进度/ });
    expect(report.getAttribute('href')).toBe('/report');
    expect(track.getAttribute('href')).toBe('/track');
    // Above the form: a resident sees them before the staff fields.
    const form = screen.getByTestId('login-form');
    expect(links.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
