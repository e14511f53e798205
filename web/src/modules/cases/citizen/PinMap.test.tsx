// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, sampleMeta } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { sampleForm } from './test/samples.ts';

vi.mock('./photoPrep.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./photoPrep.ts')>()),
  preparePhoto: async (file: File) => ({ blob: file, previewUrl: 'blob:x', width: 10, height: 10, bytes: 10 }),
}));
vi.mock('./photoLocation.ts', () => ({ photoPosition: async () => null }));
// A county with a tile service (VITE_MAP_TILE_URL at build time).
vi.mock('../staff/map/mapConfig.ts', () => ({
  tileConfig: () => ({ url: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png', attribution: '', subdomains: 'abc' }),
}));

/** Leaflet as far as the pin map uses it, recording the map's click handler so the test can tap the map. */
const leaflet = vi.hoisted(() => {
  const state = { tap: undefined as ((event: { latlng: { lng: number; lat: number } }) => void) | undefined };
  const layer = () => ({ addTo: () => layer(), setLatLng: () => undefined });
  const map = {
    on: (_: string, handler: typeof state.tap) => {
      state.tap = handler;
    },
    fitBounds: () => undefined,
    setView: () => undefined,
    hasLayer: () => false,
    remove: () => undefined,
  };
  const api = {
    map: () => map,
    tileLayer: layer,
    rectangle: layer,
    circleMarker: layer,
    latLngBounds: () => ({}),
  };
  return { state, api };
});
vi.mock('leaflet', () => ({ default: leaflet.api, ...leaflet.api }));
vi.mock('leaflet/dist/leaflet.css', () => ({}));

beforeEach(() => {
  window.localStorage.clear();
  vi.stubGlobal('XMLHttpRequest', undefined);
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a pin on the map, where the county has a tile service', () => {
  it('places the point where the citizen taps, and says so in the one message', async () => {
    let uploads = 0;
    mockApi({
      'GET /api/meta': jsonResponse(200, sampleMeta),
      'GET /api/public/cases/form': jsonResponse(200, sampleForm),
      'POST /api/public/cases/photo-uploads': () =>
        jsonResponse(201, {
          uploadId: `u-${++uploads}`,
          width: 10,
          height: 10,
          takenAt: null,
          location: null,
          expiresAt: '2026-11-30T01:00:00.000Z',
        }),
    });
    renderApp('/report');
    fireEvent.click(await screen.findByTestId('category-09001', {}, { timeout: 10_000 }));
    await act(async () =>
      fireEvent.change(await screen.findByTestId('photo-input'), {
        target: { files: [new File(['j'], 'a.jpg', { type: 'image/jpeg' })] },
      }),
    );
    await waitFor(() => expect(within(screen.getByTestId('photo-list')).getAllByRole('listitem')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('report-next'));

    fireEvent.click(await screen.findByTestId('pin-on-map'));
    await screen.findByTestId('pin-map');
    expect(screen.getByTestId('pin-apply').hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(leaflet.state.tap).toBeDefined());
    act(() => leaflet.state.tap?.({ latlng: { lng: 113.7801, lat: 26.4922 } }));
    fireEvent.click(screen.getByTestId('pin-apply'));

    expect(screen.queryByTestId('pin-map')).toBeNull();
    const notice = screen.getByTestId('location-notice');
    expect(notice.getAttribute('data-state')).toBe('located');
    expect(notice.textContent).toContain('已在地图上选定位置：经度 113.78010，纬度 26.49220');
    // With a point the township may be left to the command centre.
    expect(screen.getByText('已定位时可不选，由指挥中心确定')).toBeTruthy();
  });
});
