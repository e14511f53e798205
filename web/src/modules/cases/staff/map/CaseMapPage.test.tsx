// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, signedInAs } from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';
import { dispatcherUser, sampleCase, sampleCatalogue, samplePlaces } from '../test/casesSamples.ts';
import { graticule, projectCounty, townshipLabels } from './countyProjection.ts';
import { tileConfig } from './mapConfig.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const bounds = samplePlaces.bounds;

describe('county projection', () => {
  it('keeps the county’s shape and puts north up', () => {
    const p = projectCounty(bounds, 1000, 40);
    expect(p.x(bounds.minLng)).toBeCloseTo(40);
    expect(p.x(bounds.maxLng)).toBeCloseTo(960);
    expect(p.y(bounds.maxLat)).toBeCloseTo(40);
    // 0.79° of latitude against 0.56° of longitude shortened by cos(26.4°): taller than wide.
    const ratio = (p.y(bounds.minLat) - p.y(bounds.maxLat)) / (p.x(bounds.maxLng) - p.x(bounds.minLng));
    expect(ratio).toBeCloseTo(0.79 / (0.56 * Math.cos((26.405 * Math.PI) / 180)), 2);
    expect(p.height).toBeGreaterThan(p.width);
  });

  it('draws a graticule line every tenth of a degree inside the box', () => {
    expect(graticule(bounds)).toEqual({
      lngs: [113.6, 113.7, 113.8, 113.9, 114, 114.1],
      lats: [26.1, 26.2, 26.3, 26.4, 26.5, 26.6, 26.7, 26.8],
    });
  });

  it('labels each township at the centre of its cases', () => {
    const labels = townshipLabels([
      { townshipCode: '430225101', townshipName: '沔渡镇', lng: 113.9, lat: 26.6 },
      { townshipCode: '430225100', townshipName: '霞阳镇', lng: 113.7, lat: 26.4 },
      { townshipCode: '430225100', townshipName: '霞阳镇', lng: 113.8, lat: 26.5 },
    ]);
    expect(labels.map((l) => [l.code, l.count])).toEqual([
      ['430225100', 2],
      ['430225101', 1],
    ]);
    expect(labels[0]?.lng).toBeCloseTo(113.75);
    expect(labels[0]?.lat).toBeCloseTo(26.45);
  });
});

describe('tile configuration', () => {
  it('is off unless a tile URL was configured at build time', () => {
    expect(tileConfig({})).toBeUndefined();
    expect(tileConfig({ VITE_MAP_TILE_URL: '  ' })).toBeUndefined();
    expect(
      tileConfig({
        VITE_MAP_TILE_URL: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png',
        VITE_MAP_TILE_ATTRIBUTION: '© county',
      }),
    ).toEqual({
      url: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png',
      attribution: '© county',
      subdomains: 'abc',
    });
  });
});

describe('case map without tiles', () => {
  it('plots the filter’s cases, labels townships, says outlines are missing, and opens a case', async () => {
    const cases = [
      sampleCase(),
      sampleCase({
        caseNo: '2026-00000124',
        status: 'closed',
        townshipCode: '430225101',
        townshipName: '沔渡镇',
        lng: 113.91,
        lat: 26.62,
        clock: { stage: null, dueAt: null, overdue: false, suspended: false },
      }),
    ];
    const { requests } = mockApi({
      ...signedInAs(dispatcherUser),
      'GET /api/cases': jsonResponse(200, { items: cases, total: 2, page: 1, pageSize: 200 }),
      'GET /api/cases/catalogue': jsonResponse(200, sampleCatalogue),
      'GET /api/public/cases/form': jsonResponse(200, samplePlaces),
      'GET /api/cases/2026-00000124': jsonResponse(404, { error: { code: 'not_found', message: '案件不存在' } }),
    });
    renderApp('/m/cases/map?tab=all&status=closed&status=reported');
    const map = await screen.findByTestId('case-outline-map', {}, { timeout: 10_000 });
    expect(within(map).getByTestId('map-township-430225100').textContent).toBe('霞阳镇');
    expect(within(map).getByTestId('map-township-430225101').textContent).toBe('沔渡镇');
    expect(screen.getByTestId('map-no-outline').textContent).toContain('乡镇边界数据未配置');
    expect(screen.getByTestId('map-legend').textContent).toContain('已结案（1）');
    expect(screen.getByTestId('map-count').textContent).toContain('2');
    const read = requests.find((r) => r.path === '/api/cases');
    expect(read?.query.getAll('status')).toEqual(['closed', 'reported']);
    expect(read?.query.get('pageSize')).toBe('200');

    await act(async () => fireEvent.click(within(map).getByTestId('map-point-2026-00000124')));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/cases/2026-00000124'));
  });

  it('reads page after page up to its limit', async () => {
    const page = (n: number, size: number) =>
      Array.from({ length: size }, (_, i) => sampleCase({ caseNo: `2026-${String(n * 1000 + i).padStart(8, '0')}` }));
    const { requests } = mockApi({
      ...signedInAs(dispatcherUser),
      'GET /api/cases': (request) => {
        const n = Number(request.query.get('page'));
        return jsonResponse(200, { items: page(n, n < 3 ? 200 : 50), total: 450, page: n, pageSize: 200 });
      },
      'GET /api/public/cases/form': jsonResponse(200, samplePlaces),
    });
    renderApp('/m/cases/map?tab=all');
    await screen.findByTestId('case-outline-map', {}, { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('map-count').textContent).toContain('450'));
    expect(requests.filter((r) => r.path === '/api/cases').map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
  });
});
