// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type SampleUser, sampleUser, signedInAs } from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';

const dispatcher: SampleUser = {
  ...sampleUser,
  roles: ['dispatcher'],
  permissions: [...sampleUser.permissions, 'cases.read', 'cases.register', 'cases.dispatch', 'cases.supervise'],
};
const coordinator: SampleUser = {
  ...sampleUser,
  roles: ['coordinator'],
  permissions: [...sampleUser.permissions, 'cases.read', 'cases.report', 'cases.supervise', 'cases.evaluate'],
};

const counts = {
  items: [
    { queue: 'intake', count: 12, capped: false },
    { queue: 'dispatch', count: 3, capped: false },
    { queue: 'overdue', count: 10_000, capped: true },
    { queue: 'escalated', count: 0, capped: false },
  ],
};

function serve(user: SampleUser, body: unknown = counts) {
  return mockApi({
    ...signedInAs(user),
    'GET /api/cases/queue-counts': jsonResponse(200, body),
    'GET /api/cases': jsonResponse(200, { items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 }),
    'GET /api/inbox': jsonResponse(200, {
      items: [
        {
          id: 't1',
          kind: 'todo',
          code: 'cases.todo.dispatch',
          text: '案件 2026-00000042 待派遣',
          link: '/m/cases/2026-00000042',
          createdAt: '2026-11-29T08:00:00.000Z',
          readAt: null,
          doneAt: null,
          doneBy: null,
        },
      ],
      total: 7,
      page: 1,
      pageSize: 5,
    }),
  });
}

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the staff home shows work', () => {
  it('each queue of the role with its count, opening its tab of the list', async () => {
    serve(dispatcher);
    renderApp('/');
    const work = await screen.findByTestId('cases-work', {}, { timeout: 10_000 });
    const intake = await within(work).findByTestId('work-intake');
    expect(intake.textContent).toBe('12待受理');
    expect(within(work).getByTestId('work-dispatch').textContent).toBe('3待派遣');
    expect(within(work).getByTestId('work-overdue').textContent).toBe('10000+超期');
    expect(within(work).getByTestId('work-overdue').className).toContain('wm-work-tile-alarm');
    expect(within(work).getByTestId('work-escalated').className).not.toContain('wm-work-tile-alarm');
    expect(intake.getAttribute('aria-label')).toBe('打开“待受理”列表，12 件');
    // Only the office's evaluation link for those who evaluate.
    expect(within(work).queryByTestId('work-evaluation')).toBeNull();
    fireEvent.click(intake);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/cases'));
  });

  it('the campaign office gets a prominent link to 综合评价', async () => {
    serve(coordinator, { items: [{ queue: 'mine', count: 0, capped: false }] });
    renderApp('/');
    const link = await screen.findByTestId('work-evaluation', {}, { timeout: 10_000 });
    expect(link.getAttribute('href')).toBe('/m/cases/evaluation');
    expect(link.textContent).toContain('综合评价');
  });

  it('says so when no queue waits for the role', async () => {
    serve(dispatcher, { items: [] });
    renderApp('/');
    expect(await screen.findByText('您的岗位暂无案件待办。', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('shows the inbox’s open to-dos with a link into each and how many more wait', async () => {
    const { requests } = serve(dispatcher);
    renderApp('/');
    const todos = await screen.findByTestId('home-todos', {}, { timeout: 10_000 });
    await within(todos).findByText('案件 2026-00000042 待派遣');
    expect(within(todos).getByText('打开').closest('a')?.getAttribute('href')).toBe('/m/cases/2026-00000042');
    expect(within(todos).getByText('另有 6 项')).toBeTruthy();
    const inbox = requests.find((r) => r.path === '/api/inbox');
    expect(Object.fromEntries(inbox?.query ?? [])).toMatchObject({ kind: 'todo', state: 'open' });
  });
});
