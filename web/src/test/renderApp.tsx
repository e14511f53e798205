import { render, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { AppProviders } from '../app/App.tsx';
import { AppRoutes } from '../app/AppRoutes.tsx';

/** Exposes the router's current path to assertions without reaching into the router's internals. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname}</output>;
}

/** The whole app as the browser runs it, at `path`, with an in-memory router. */
export function renderApp(path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppProviders>
        <AppRoutes />
      </AppProviders>
      <LocationProbe />
    </MemoryRouter>,
  );
}

/** The shell's menu as a person reads it: each item's words, in order. */
export const menuItems = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);
