// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type RecordedRequest, sampleUser, signedInAs } from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';
import { dispatcherUser, sampleCase } from '../test/casesSamples.ts';
import type { Evaluation, EvaluationRow } from './evaluationApi.ts';

// happy-dom has no canvas: the charts (drawn by ECharts) are left out; their options are plain data.
vi.mock('./EvaluationCharts.tsx', () => ({ default: () => null }));

const coordinator = {
  ...sampleUser,
  id: 'u-coordinator',
  roles: ['coordinator'],
  permissions: [
    ...sampleUser.permissions,
    'cases.read',
    'cases.report',
    'cases.supervise',
    'cases.export',
    'cases.evaluate',
  ],
};

const row = (key: string | null, name: string, figures: Partial<EvaluationRow>): EvaluationRow => ({
  key,
  name,
  reported: 0,
  registered: 0,
  due: 0,
  closed: 0,
  closedOnTime: 0,
  closedRate: null,
  onTimeRate: null,
  reworked: 0,
  reworkRate: null,
  avgHandlingHours: null,
  satisfaction: null,
  rated: 0,
  verified: 0,
  verifiedOnTime: 0,
  verifyOnTimeRate: null,
  overdueOpen: 0,
  lowVolume: true,
  ...figures,
});

function evaluation(query: URLSearchParams): Evaluation {
  const groupBy = query.get('groupBy') as Evaluation['groupBy'];
  const rows =
    groupBy === 'month'
      ? [row('2026-03', '2026-03', { reported: 9, due: 6, closed: 5, closedRate: 83.33, overdueOpen: null })]
      : [
          row('430225100', '霞阳镇', {
            reported: 12,
            registered: 10,
            due: 8,
            closed: 6,
            closedOnTime: 5,
            closedRate: 75,
            onTimeRate: 62.5,
            reworked: 1,
            reworkRate: 16.67,
            verified: 8,
            verifiedOnTime: 7,
            verifyOnTimeRate: 87.5,
            lowVolume: false,
          }),
          row('430225101', '沔渡镇', {
            reported: 7,
            registered: 7,
            due: 6,
            closed: 6,
            closedOnTime: 6,
            closedRate: 100,
            onTimeRate: 100,
            reworkRate: 0,
            lowVolume: false,
          }),
          row('430225102', '十都镇', { reported: 1, due: 1, closed: 1, closedRate: 100 }),
        ];
  return {
    from: query.get('from')!,
    to: query.get('to')!,
    groupBy,
    minVolume: 5,
    generatedAt: '2026-03-15T02:00:00.000Z',
    rows,
    total: row(null, '合计', { reported: 20, due: 15, closed: 13, closedRate: 86.67, lowVolume: false }),
  };
}

function server(user = coordinator) {
  return mockApi({
    ...signedInAs(user),
    'GET /api/cases/evaluation': (request) => jsonResponse(200, evaluation(request.query)),
    'GET /api/cases/evaluation/cases': (request) =>
      jsonResponse(200, {
        from: request.query.get('from'),
        to: request.query.get('to'),
        groupBy: request.query.get('groupBy'),
        measure: request.query.get('measure'),
        groupName: '霞阳镇',
        generatedAt: '2026-03-15T02:00:00.000Z',
        total: 6,
        page: 1,
        pageSize: 20,
        items: [sampleCase({ caseNo: '2026-00000042', status: 'closed' })],
      }),
    'GET /api/cases': jsonResponse(200, { items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 }),
  });
}

const reads = (requests: RecordedRequest[], path: string) => requests.filter((r) => r.path === path);

beforeEach(() => {
  window.localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-15T02:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('综合评价 page', () => {
  it('is where the campaign office lands in 市容案件, with this month’s figures by township, ranked', async () => {
    const { requests } = server();
    renderApp('/m/cases');
    const table = await screen.findByTestId('eval-table', {}, { timeout: 10_000 });
    expect(screen.getByTestId('location').textContent).toBe('/m/cases/evaluation');
    const [first] = reads(requests, '/api/cases/evaluation');
    expect(Object.fromEntries(first!.query)).toEqual({ from: '2026-03-01', to: '2026-03-15', groupBy: 'township' });
    expect(within(table).getByText('霞阳镇')).toBeTruthy();
    // Ranked by 结案率: 沔渡镇 100 % first, 霞阳镇 second; 十都镇 has too few cases to be ranked.
    expect(screen.getByTestId('eval-rank-430225101').textContent).toBe('1');
    expect(screen.getByTestId('eval-rank-430225100').textContent).toBe('2');
    expect(screen.getByTestId('eval-rank-430225102').textContent).toBe('—');
    expect(screen.getByTestId('eval-fig-430225100-closedRate').textContent).toBe('75%');
    expect(screen.getByTestId('eval-fig-total-reported').textContent).toBe('20');
    expect(reads(requests, '/api/cases')).toEqual([]);
  });

  it('ranks by another rate when asked (返工率: lowest first)', async () => {
    server();
    renderApp('/m/cases/evaluation');
    await screen.findByTestId('eval-table', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByText('返工率', { selector: '.ant-segmented-item-label' }));
    await waitFor(() => expect(screen.getByTestId('eval-rank-430225101').textContent).toBe('1'));
    expect(screen.getByTestId('eval-rank-430225100').textContent).toBe('2');
  });

  it('reads another period and another dimension, keeping both in the URL', async () => {
    const { requests } = server();
    renderApp('/m/cases/evaluation');
    await screen.findByTestId('eval-table', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('eval-period-lastMonth'));
    await waitFor(() => expect(reads(requests, '/api/cases/evaluation').at(-1)?.query.get('from')).toBe('2026-02-01'));
    expect(reads(requests, '/api/cases/evaluation').at(-1)?.query.get('to')).toBe('2026-02-28');
    fireEvent.click(screen.getByTestId('eval-dim-month'));
    await waitFor(() => expect(screen.getByTestId('eval-fig-2026-03-reported').textContent).toBe('9'));
    expect(Object.fromEntries(reads(requests, '/api/cases/evaluation').at(-1)!.query)).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      groupBy: 'month',
    });
    // Months carry no rank and no overdue snapshot (only the total has one).
    expect(screen.queryByTestId('eval-rank-2026-03')).toBeNull();
    expect(screen.queryByTestId('eval-fig-2026-03-overdueOpen')).toBeNull();
    expect(screen.getByTestId('eval-fig-total-overdueOpen')).toBeTruthy();
  });

  it('keeps a period picked just before switching the dimension (two changes before one render)', async () => {
    const { requests } = server();
    renderApp('/m/cases/evaluation');
    await screen.findByTestId('eval-table', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('eval-period-thisYear'));
    fireEvent.click(screen.getByTestId('eval-dim-category'));
    await waitFor(() => expect(reads(requests, '/api/cases/evaluation').at(-1)?.query.get('groupBy')).toBe('category'));
    expect(reads(requests, '/api/cases/evaluation').at(-1)?.query.get('from')).toBe('2026-01-01');
  });

  it('opens the cases behind a figure: the same period, row and set, each linking to its case', async () => {
    const { requests } = server();
    renderApp('/m/cases/evaluation');
    await screen.findByTestId('eval-table', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('eval-fig-430225100-closedRate'));
    const drawer = await screen.findByTestId('eval-drill', {}, { timeout: 10_000 });
    await within(drawer).findByText('共 6 件', { exact: false });
    const [read] = reads(requests, '/api/cases/evaluation/cases');
    expect(Object.fromEntries(read!.query)).toEqual({
      from: '2026-03-01',
      to: '2026-03-15',
      groupBy: 'township',
      group: '430225100',
      measure: 'closed',
      page: '1',
      pageSize: '20',
    });
    expect(screen.getByText('霞阳镇 · 结案的案件')).toBeTruthy();
    fireEvent.click(within(drawer).getAllByTestId('case-link-2026-00000042')[0]!);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/cases/2026-00000042'));
  });

  it('opens the total’s cases without a group', async () => {
    const { requests } = server();
    renderApp('/m/cases/evaluation');
    await screen.findByTestId('eval-table', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('eval-fig-total-overdueOpen'));
    await screen.findByTestId('eval-drill', {}, { timeout: 10_000 });
    await waitFor(() => expect(reads(requests, '/api/cases/evaluation/cases')).toHaveLength(1));
    const query = reads(requests, '/api/cases/evaluation/cases')[0]!.query;
    expect([query.has('group'), query.get('measure')]).toEqual([false, 'overdueOpen']);
  });

  it('keeps the dispatcher on the work queues, with the way to 综合评价', async () => {
    server(dispatcherUser);
    renderApp('/m/cases');
    const open = await screen.findByTestId('case-open-evaluation', {}, { timeout: 10_000 });
    expect(screen.getByTestId('location').textContent).toBe('/m/cases');
    fireEvent.click(open);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/cases/evaluation'));
  });

  it('shows 按时核实率 with its definition, and opens the reports checked in time behind it', async () => {
    const { requests } = server();
    renderApp('/m/cases/evaluation');
    await screen.findByTestId('eval-table', {}, { timeout: 10_000 });
    // The table may draw its header more than once (antd measures fixed columns with a copy): each explains.
    for (const header of screen.getAllByTestId('eval-col-verifyOnTimeRate'))
      expect(header.getAttribute('aria-description')).toContain('按时核实数 ÷ 核实数');
    expect(screen.getByTestId('eval-fig-430225100-verified').textContent).toBe('8');
    expect(screen.getByTestId('eval-fig-430225100-verifyOnTimeRate').textContent).toBe('87.5%');
    // Nothing checked: "—", which opens nothing.
    expect(screen.queryByTestId('eval-fig-430225101-verifyOnTimeRate')).toBeNull();
    fireEvent.click(screen.getByTestId('eval-fig-430225100-verifyOnTimeRate'));
    await screen.findByTestId('eval-drill', {}, { timeout: 10_000 });
    await waitFor(() => expect(reads(requests, '/api/cases/evaluation/cases')).toHaveLength(1));
    const query = reads(requests, '/api/cases/evaluation/cases')[0]!.query;
    expect([query.get('group'), query.get('measure')]).toEqual(['430225100', 'verifiedOnTime']);
    expect(screen.getByText('霞阳镇 · 按时完成现场核实的上报')).toBeTruthy();
  });
});
