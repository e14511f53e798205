// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countyRegion, userPage } from '../../../test/adminSamples.ts';
import { jsonResponse, mockApi, signedInAs, sysAdminUser } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import type { FailedJob, JobsOverview } from './jobsApi.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const jobsAdmin = { ...sysAdminUser, permissions: [...sysAdminUser.permissions, 'system.jobs'] };

const dead: FailedJob = {
  id: '42',
  name: 'notify.sms',
  state: 'dead',
  attempts: 6,
  maxAttempts: 6,
  lastError: 'Error: gateway timeout',
  createdAt: '2026-11-29T00:30:00.000Z',
  runAt: '2026-11-29T01:30:00.000Z',
  finishedAt: '2026-11-29T01:30:05.000Z',
};
const waiting: FailedJob = { ...dead, id: '43', state: 'pending', attempts: 2, finishedAt: null };
const overview = (failures: FailedJob[], deadCount: number): JobsOverview => ({
  counts: { pending: 3, running: 1, done: 120, dead: deadCount },
  schedules: [
    {
      name: 'cases.escalation-sweep',
      everyMs: 300_000,
      lastStartedAt: '2026-11-30T02:00:00.000Z',
      lastFinishedAt: '2026-11-30T02:00:01.000Z',
      nextRunAt: '2026-11-30T02:05:00.000Z',
      running: false,
      lastOutcome: 'failed',
      lastError: 'Error: deadlock detected',
    },
    {
      name: 'jobs.finished-purge',
      everyMs: 21_600_000,
      lastStartedAt: null,
      lastFinishedAt: null,
      nextRunAt: '2026-11-30T08:00:00.000Z',
      running: false,
      lastOutcome: null,
      lastError: null,
    },
  ],
  failures,
});

function jobsServer(user = jobsAdmin) {
  let retried = false;
  return mockApi({
    ...signedInAs(user),
    'GET /api/admin/users': jsonResponse(200, userPage([])),
    'GET /api/regions/430225': jsonResponse(200, countyRegion),
    'GET /api/system/sms': jsonResponse(200, { gateway: 'local', items: [], total: 0, page: 1, pageSize: 20 }),
    'GET /api/system/jobs': () =>
      jsonResponse(
        200,
        retried ? overview([{ ...dead, state: 'pending', attempts: 0 }, waiting], 0) : overview([dead, waiting], 1),
      ),
    [`POST /api/system/jobs/${dead.id}/retry`]: () => {
      retried = true;
      return jsonResponse(200, { id: dead.id, state: 'pending' });
    },
  });
}

async function openCard() {
  renderApp('/admin/system');
  return screen.findByTestId('system-jobs', {}, { timeout: 10_000 });
}

describe('system administration: background jobs', () => {
  it('shows the queue by state, the schedules with their last run and error, and the failed jobs', async () => {
    jobsServer();
    const card = await openCard();
    expect((await within(card).findByTestId('jobs-count-dead')).textContent).toBe('已终止 1');
    expect(within(card).getByTestId('jobs-count-done').textContent).toBe('已完成 120');
    const schedules = within(card).getByTestId('jobs-schedules');
    expect(within(schedules).getByText('cases.escalation-sweep')).toBeTruthy();
    expect(within(schedules).getByText('每 5 分钟')).toBeTruthy();
    expect(within(schedules).getByText('每 6 小时')).toBeTruthy();
    expect(within(schedules).getByText('失败')).toBeTruthy();
    expect(within(schedules).getByText('尚未运行')).toBeTruthy();
    expect(within(schedules).getByText('Error: deadlock detected')).toBeTruthy();
    const failures = within(card).getByTestId('jobs-failures');
    expect(within(failures).getByText('已终止')).toBeTruthy();
    expect(within(failures).getByText('等待重试')).toBeTruthy();
    expect(within(failures).getByText('6/6')).toBeTruthy();
    expect(within(failures).queryByTestId(`job-retry-${waiting.id}`)).toBeNull();
  });

  it('retries a dead job and reads the overview again', async () => {
    const { requests } = jobsServer();
    const card = await openCard();
    fireEvent.click(await within(card).findByTestId(`job-retry-${dead.id}`));
    await waitFor(() => expect(within(card).getByTestId('jobs-count-dead').textContent).toBe('已终止 0'));
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/system/jobs/${dead.id}/retry`,
    ]);
    expect(within(card).queryByTestId(`job-retry-${dead.id}`)).toBeNull();
  });

  it('is not shown without the jobs permission', async () => {
    jobsServer(sysAdminUser);
    renderApp('/admin/system');
    await screen.findByTestId('user-table', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('system-jobs')).toBeNull();
  });
});
