import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { lazy } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webModules } from '../../modules/index.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { installedModules, installModules, installPublicPages, installedPublicPages } from '../installedModules.ts';
import type { PublicPages } from '../webModule.ts';
import { PublicRoutes } from './PublicApp.tsx';

const page = (testId: string) => lazy(async () => ({ default: () => <output data-testid={testId} /> }));

const pages: PublicPages = {
  key: 'sample',
  publicRoutes: [
    { path: '/report', page: page('report-page') },
    { path: '/track', page: page('track-page') },
    { path: '/track/:caseNo', page: page('tracked-case') },
  ],
  messages: { zh: {}, en: {} },
};

function Location() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <I18nProvider>
        <PublicRoutes />
        <Location />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe("the residents' app", () => {
  const assign = vi.fn();
  beforeEach(() => {
    installPublicPages([pages]);
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    assign.mockReset();
    installModules(webModules);
  });

  it('carries the public pages and no staff module', () => {
    expect(installedModules()).toEqual([]);
    expect(installedPublicPages()).toEqual([pages]);
  });

  it('opens each public page at its path', async () => {
    renderAt('/report');
    expect(await screen.findByTestId('report-page')).toBeTruthy();
    cleanup();
    renderAt('/track/YL2026000001');
    expect(await screen.findByTestId('tracked-case')).toBeTruthy();
  });

  it('opens the section page for an unknown path under a public page, without leaving the app', async () => {
    renderAt('/track/YL1/extra');
    expect(await screen.findByTestId('track-page')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/track');
    expect(assign).not.toHaveBeenCalled();
  });

  it('hands any other path to the server, which answers it with the staff app', async () => {
    renderAt('/login');
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/login'));
    expect(screen.queryByTestId('report-page')).toBeNull();
  });
});
