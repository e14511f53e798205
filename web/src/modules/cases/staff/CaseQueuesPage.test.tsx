// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type RecordedRequest, signedInAs } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { readListQuery, writeListQuery } from './listQuery.ts';
import { queueTabsFor } from './queues.ts';
import { departmentUser, dispatcherUser, sampleCase, sampleCatalogue, samplePlaces } from './test/casesSamples.ts';

interface HappyDomWindow {
  happyDOM: { setViewport(viewport: { width: number; height: number }): void };
}
const setViewportWidth = (width: number) =>
  (window as unknown as HappyDomWindow).happyDOM.setViewport({ width, height: 740 });

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setViewportWidth(1024);
});

const queueTotals: Record<string, number> = { intake: 7, dispatch: 3, overdue: 2, mine: 0, all: 41, department: 5 };

/** Answers counts (pageSize=1) per queue and one case for the list itself. */
function casesServer(user = dispatcherUser, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...signedInAs(user),
    'GET /api/cases': (request) => {
      const total = queueTotals[request.query.get('queue') ?? 'all'] ?? 0;
      if (request.query.get('pageSize') === '1') return jsonResponse(200, { items: [], total, page: 1, pageSize: 1 });
      return jsonResponse(200, { items: [sampleCase()], total: 1, page: 1, pageSize: 20 });
    },
    'GET /api/cases/catalogue': jsonResponse(200, sampleCatalogue),
    'GET /api/public/cases/form': jsonResponse(200, samplePlaces),
    ...extra,
  });
}

/** The list reads (not the per-tab counts). */
const listReads = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.path === '/api/cases' && r.query.get('pageSize') !== '1');

async function openQueues(path = '/m/cases') {
  renderApp(path);
  return screen.findByTestId('case-queues', {}, { timeout: 10_000 });
}

describe('queue tabs', () => {
  it('follow the permissions of each post', () => {
    expect(queueTabsFor(new Set(dispatcherUser.permissions))).toEqual([
      'intake',
      'dispatch',
      'overdue',
      'escalated',
      'mine',
      'all',
    ]);
    expect(queueTabsFor(new Set(departmentUser.permissions))).toEqual(['department', 'all']);
    expect(queueTabsFor(new Set(['cases.read', 'cases.verify', 'cases.report']))).toEqual([
      'verify_report',
      'verification',
      'mine',
      'all',
    ]);
    expect(queueTabsFor(new Set(['self.profile']))).toEqual([]);
  });

  it('keep the filters in the URL and drop what they cannot read', () => {
    const query = readListQuery(
      new URLSearchParams(
        'tab=dispatch&status=registered&status=bogus&regionCode=430225100&overdue=true&from=2026-11-01&to=nope&page=2&q=%20炎帝大道%20',
      ),
    );
    expect(query).toEqual({
      tab: 'dispatch',
      filters: { status: ['registered'], regionCode: '430225100', overdue: true, from: '2026-11-01', q: '炎帝大道' },
      page: 2,
      pageSize: 20,
    });
    expect(readListQuery(writeListQuery(query))).toEqual(query);
  });
});

describe('work queues page', () => {
  it('shows the dispatcher’s queues with their counts, the cases and the export', async () => {
    const { requests } = casesServer();
    const tabs = await openQueues();
    for (const tab of ['intake', 'dispatch', 'overdue', 'mine', 'all'])
      expect(within(tabs).getByTestId(`case-queue-${tab}`)).toBeTruthy();
    expect(within(tabs).queryByTestId('case-queue-department')).toBeNull();
    expect(within(tabs).queryByTestId('case-queue-verification')).toBeNull();
    await waitFor(() => expect(within(tabs).getByTestId('case-queue-intake').textContent).toContain('7'));
    expect(within(tabs).getByTestId('case-queue-overdue').textContent).toContain('2');

    const table = await screen.findByTestId('case-table');
    await within(table).findByText('2026-00000123');
    expect(within(table).getByText('霞阳镇')).toBeTruthy();
    expect(within(table).getByText('待受理')).toBeTruthy();
    expect(within(table).getByTestId('case-clock').textContent).toContain('已超期');
    expect(within(table).getByText('1级督办')).toBeTruthy();
    // The first tab the dispatcher has is intake: the list asks for that queue.
    expect(Object.fromEntries(listReads(requests)[0]?.query ?? [])).toEqual({
      queue: 'intake',
      page: '1',
      pageSize: '20',
    });
    expect(screen.getByTestId('case-export')).toBeTruthy();
  });

  it('a department handler sees its own queue and no export', async () => {
    const { requests } = casesServer(departmentUser);
    const tabs = await openQueues();
    expect(within(tabs).getByTestId('case-queue-department')).toBeTruthy();
    expect(within(tabs).queryByTestId('case-queue-intake')).toBeNull();
    await screen.findByTestId('case-table');
    expect(screen.queryByTestId('case-export')).toBeNull();
    await waitFor(() => expect(listReads(requests)[0]?.query.get('queue')).toBe('department'));
  });

  it('reads the filters from the URL and sends new ones from the form', async () => {
    const { requests } = casesServer();
    await openQueues('/m/cases?tab=dispatch&status=registered&regionCode=430225100&overdue=true');
    await waitFor(() => expect(listReads(requests)).toHaveLength(1));
    const first = listReads(requests)[0]!;
    expect(first.query.get('queue')).toBe('dispatch');
    expect(first.query.getAll('status')).toEqual(['registered']);
    expect(first.query.get('regionCode')).toBe('430225100');
    expect(first.query.get('overdue')).toBe('true');

    const form = screen.getByTestId('case-filters');
    fireEvent.change(within(form).getByTestId('case-filter-q'), { target: { value: '炎帝大道' } });
    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(listReads(requests)).toHaveLength(2));
    const second = listReads(requests)[1]!;
    expect(second.query.get('q')).toBe('炎帝大道');
    // A search looks through every state, not only the tab's queue, and says so; clearing it goes back.
    expect(second.query.get('queue')).toBeNull();
    expect(second.query.get('regionCode')).toBe('430225100');
    const notice = screen.getByTestId('case-search-all-states');
    expect(notice.textContent).toContain('在全部状态的案件中查找“炎帝大道”');
    await act(async () => fireEvent.click(within(notice).getByTestId('case-search-clear')));
    await waitFor(() => expect(listReads(requests)).toHaveLength(3));
    expect(listReads(requests)[2]!.query.get('queue')).toBe('dispatch');
    expect(listReads(requests)[2]!.query.get('q')).toBeNull();
  });

  it('switching tabs asks for that queue from page one', async () => {
    const { requests } = casesServer();
    const tabs = await openQueues('/m/cases?tab=intake&page=3');
    await waitFor(() => expect(listReads(requests)[0]?.query.get('page')).toBe('3'));
    await act(async () => fireEvent.click(within(tabs).getByTestId('case-queue-all')));
    await waitFor(() => expect(listReads(requests)).toHaveLength(2));
    const all = listReads(requests)[1]!;
    expect(all.query.get('queue')).toBeNull();
    expect(all.query.get('page')).toBe('1');
  });

  it('exports the queue and filters on screen', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:cases');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { requests } = casesServer(dispatcherUser, {
      'GET /api/cases/export.xlsx': new Response('xlsx', {
        status: 200,
        headers: { 'Content-Disposition': 'attachment; filename="cases-20261129.xlsx"' },
      }),
    });
    await openQueues('/m/cases?tab=overdue&categoryCode=09006');
    fireEvent.click(await screen.findByTestId('case-export'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const exported = requests.find((r) => r.path === '/api/cases/export.xlsx');
    expect(Object.fromEntries(exported?.query ?? [])).toEqual({ queue: 'overdue', categoryCode: '09006' });
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('cases-20261129.xlsx');
  });

  it('shows cards instead of a table on a phone', async () => {
    setViewportWidth(375);
    casesServer();
    await openQueues();
    const cards = await screen.findByTestId('case-cards');
    await within(cards).findByText('2026-00000123');
    expect(within(cards).getByText('霞阳镇炎帝大道 88 号门前')).toBeTruthy();
    expect(screen.queryByTestId('case-table')).toBeNull();
  });
});
