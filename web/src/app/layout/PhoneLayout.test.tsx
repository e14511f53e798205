// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, meBody, mockApi, sampleMeta } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';

interface HappyDomWindow {
  happyDOM: { setViewport(viewport: { width: number; height: number }): void };
}

function setViewportWidth(width: number) {
  (window as unknown as HappyDomWindow).happyDOM.setViewport({ width, height: 740 });
}

beforeEach(() => {
  window.localStorage.clear();
  setViewportWidth(360);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setViewportWidth(1024);
});

describe('shell on a 360 px phone', () => {
  it('hides the sidebar behind a menu button that opens a drawer', async () => {
    mockApi({ 'GET /api/auth/me': jsonResponse(200, meBody()), 'GET /api/meta': jsonResponse(200, sampleMeta) });
    renderApp('/');
    const openMenu = await screen.findByRole('button', { name: '打开导航菜单' });
    expect(screen.queryByTestId('nav')).toBeNull();

    await act(async () => fireEvent.click(openMenu));
    const nav = await screen.findByTestId('nav');
    fireEvent.click(within(nav).getByText('志愿服务'));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/volunteers'));
    expect(await screen.findByTestId('coming-soon-volunteers')).toBeTruthy();
  });
});
