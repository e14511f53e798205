// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, signedInAs } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { InboxItem } from './inbox.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const todo: InboxItem = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'todo',
  text: '案件 2026-00000042 的处置时限将于 2026-03-02 17:00 到期，请及时处置',
  code: 'cases.notify.deadline.handle',
  objectType: 'case',
  objectId: '2026-00000042',
  link: '/m/cases/2026-00000042',
  createdAt: '2026-03-02T01:00:00.000Z',
  readAt: null,
  doneAt: null,
  doneBy: null,
};
const message: InboxItem = {
  ...todo,
  id: '22222222-2222-4222-8222-222222222222',
  kind: 'message',
  text: '账号 idle（钱巡查）已连续 91 天未登录，已自动停用',
  code: 'auth.notify.account_disabled',
  link: null,
  readAt: '2026-03-02T02:00:00.000Z',
};

function inboxServer(unread = 1) {
  let items = [todo, message];
  return mockApi({
    ...signedInAs(),
    'GET /api/inbox/summary': () => jsonResponse(200, { unread, openTodos: items.filter((i) => !i.doneAt).length }),
    'GET /api/inbox': () => jsonResponse(200, { items, total: items.length, page: 1, pageSize: 20 }),
    [`POST /api/inbox/${todo.id}/read`]: () => jsonResponse(200, { ...todo, readAt: '2026-03-02T03:00:00.000Z' }),
    [`POST /api/inbox/${todo.id}/done`]: () => {
      items = [{ ...todo, doneAt: '2026-03-02T03:00:00.000Z', doneBy: 'user' }, message];
      return jsonResponse(200, items[0]);
    },
    'POST /api/inbox/read-all': () => jsonResponse(200, { updated: 1 }),
  });
}

describe('the inbox', () => {
  it('shows the unread count on the header bell, which opens the inbox', async () => {
    inboxServer(3);
    renderApp('/');
    const bell = await screen.findByTestId('inbox-bell');
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('待办与消息：3 条未读'));
    expect(within(bell).getByText('3')).toBeTruthy();
    fireEvent.click(bell);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/inbox'));
    expect(await screen.findByText(todo.text)).toBeTruthy();
  });

  it('counts again when the window regains focus', async () => {
    const { requests } = inboxServer();
    renderApp('/');
    await screen.findByTestId('inbox-bell');
    const counts = () => requests.filter((r) => r.path === '/api/inbox/summary').length;
    await waitFor(() => expect(counts()).toBe(1));
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(counts()).toBe(2));
  });

  it('lists to-dos first; opening one reads it and follows its link into the record', async () => {
    const { requests } = inboxServer();
    renderApp('/inbox');
    const rows = await screen.findAllByTestId('inbox-item');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('待办'),
      expect.stringContaining('消息'),
    ]);
    expect(within(rows[1]!).queryByRole('button', { name: '办结' })).toBeNull();
    fireEvent.click(within(rows[0]!).getByRole('button', { name: '查看' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m/cases/2026-00000042'));
    expect(requests.some((r) => r.method === 'POST' && r.path === `/api/inbox/${todo.id}/read`)).toBe(true);
  });

  it('marks a to-do done, filters to open to-dos and reads everything', async () => {
    const { requests } = inboxServer();
    renderApp('/inbox');
    const [first] = await screen.findAllByTestId('inbox-item');
    fireEvent.click(within(first!).getByRole('button', { name: '办结' }));
    await screen.findByText('已办结');
    fireEvent.click(screen.getByText('待办', { selector: '.ant-segmented-item-label' }));
    await waitFor(() =>
      expect(requests.some((r) => r.path === '/api/inbox' && r.query.get('state') === 'open')).toBe(true),
    );
    fireEvent.click(screen.getByTestId('inbox-read-all'));
    await waitFor(() =>
      expect(requests.some((r) => r.method === 'POST' && r.path === '/api/inbox/read-all')).toBe(true),
    );
  });
});
