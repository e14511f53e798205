// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditAdminUser, jsonResponse, mockApi, type RecordedRequest, signedInAs } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { filtersOf } from './AuditSearchForm.tsx';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const loginEvent = {
  regionCode: '430225',
  seq: 41,
  id: 'e-41',
  occurredAt: '2026-11-29T00:30:05.000Z',
  actorId: 'u-9',
  actorName: '李华',
  actorRoles: ['coordinator'],
  sessionId: 's-1',
  requestId: 'r-1',
  sourceIp: '10.0.0.8',
  userAgent: 'Mozilla/5.0',
  eventType: 'auth.login',
  objectType: 'user',
  objectId: 'u-9',
  action: 'login',
  outcome: 'failure',
  reasonCode: 'password_wrong',
  details: { attempts: 3 },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  display: { event: '登录', outcome: '失败', actor: '李华', roles: ['创文办'], object: '账号 李华（chuangwenban）' },
};

/** A citizen's rating and an inspector's 核查: the server names them; the page shows its words, codes on hover. */
const caseEvents = [
  {
    ...loginEvent,
    seq: 43,
    id: 'e-43',
    actorId: null,
    actorName: null,
    actorRoles: [],
    eventType: 'cases.rate',
    action: 'rate',
    outcome: 'success',
    objectType: 'case',
    objectId: '2026-00000042',
    display: { event: '公众评价', outcome: '成功', actor: '公众', roles: [], object: '案件 2026-00000042' },
  },
  {
    ...loginEvent,
    seq: 42,
    id: 'e-42',
    actorName: '谭建军',
    eventType: 'cases.verify_pass',
    action: 'verify_pass',
    outcome: 'success',
    objectType: 'case',
    objectId: '2026-00000042',
    display: {
      event: '核查通过',
      outcome: '成功',
      actor: '谭建军',
      roles: ['监督员/巡查员'],
      object: '案件 2026-00000042',
    },
  },
];

function auditServer(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...signedInAs(auditAdminUser),
    'GET /api/audit/events': jsonResponse(200, { items: [loginEvent], total: 1, page: 1, pageSize: 20 }),
    ...extra,
  });
}

async function openPage() {
  renderApp('/admin/audit');
  const results = await screen.findByTestId('audit-results', {}, { timeout: 10_000 });
  await within(results).findByText('李华');
  return results;
}

const searches = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/api/audit/events');

describe('audit administration', () => {
  it('shows the newest events, in China time, with details on demand', async () => {
    auditServer();
    const results = await openPage();
    expect(within(results).getByText('2026-11-29 08:30:05')).toBeTruthy();
    expect(within(results).getByText('失败')).toBeTruthy();
    fireEvent.click(within(results).getByRole('button', { name: /展开|Expand/ }));
    const details = await screen.findByTestId('audit-details-41');
    expect(details.textContent).toContain('password_wrong');
    expect(details.textContent).toContain('"attempts": 3');
    expect(details.textContent).toContain('b'.repeat(64));
  });

  it('names events, people and objects in words: no raw codes or ids in the table', async () => {
    auditServer({
      'GET /api/audit/events': jsonResponse(200, {
        items: [...caseEvents, loginEvent],
        total: 3,
        page: 1,
        pageSize: 20,
      }),
    });
    const results = await openPage();
    expect(within(results).getByText('核查通过')).toBeTruthy();
    expect(within(results).getByText('公众评价')).toBeTruthy();
    expect(within(results).getByText('公众')).toBeTruthy();
    expect(within(results).getAllByText('案件 2026-00000042')).toHaveLength(2);
    expect(within(results).getByText('账号 李华（chuangwenban）')).toBeTruthy();
    expect(results.textContent).not.toContain('verify_pass');
    expect(results.textContent).not.toContain('u-9');
  });

  it('sends the search filters to the server', async () => {
    const { requests } = auditServer();
    await openPage();
    const form = screen.getByTestId('audit-search');
    fireEvent.change(within(form).getByTestId('audit-event-type'), { target: { value: 'auth.' } });
    fireEvent.change(within(form).getByLabelText('操作人 ID'), { target: { value: 'u-9' } });
    fireEvent.change(within(form).getByLabelText('对象类型'), { target: { value: 'user' } });
    fireEvent.change(within(form).getByLabelText('关键词'), { target: { value: '李华' } });
    fireEvent.mouseDown(within(screen.getByTestId('audit-outcome')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('失败'));
    await act(async () => fireEvent.submit(form));

    await waitFor(() => expect(searches(requests)).toHaveLength(2));
    const query = Object.fromEntries(searches(requests)[1]?.query ?? []);
    expect(query).toEqual({
      eventType: 'auth.',
      actorId: 'u-9',
      objectType: 'user',
      q: '李华',
      outcome: 'failure',
      page: '1',
      pageSize: '20',
    });
  });

  it('turns the time range into instants and leaves blanks out', () => {
    const from = dayjs('2026-11-01T08:00:00+08:00');
    const to = dayjs('2026-11-30T18:00:00+08:00');
    expect(filtersOf({ range: [from, to], eventType: '  ', outcome: 'all', q: ' x ' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-30T10:00:00.000Z',
      eventType: undefined,
      outcome: undefined,
      actorId: undefined,
      objectType: undefined,
      objectId: undefined,
      q: 'x',
    });
  });

  it('verifies the hash chain and reports the result', async () => {
    auditServer({
      'GET /api/audit/verify': jsonResponse(200, {
        ok: false,
        checked: 41,
        lastSeq: 41,
        firstBadSeq: 17,
        problem: 'hash_mismatch',
      }),
    });
    await openPage();
    fireEvent.click(screen.getByTestId('audit-verify'));
    const result = await screen.findByTestId('audit-verify-result');
    expect(result.textContent).toContain('完整性校验未通过');
    expect(result.textContent).toContain('17');
    expect(result.textContent).toContain('记录被修改');
  });

  it('exports the filters on screen as a file download', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:audit');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { requests } = auditServer({
      'GET /api/audit/export': new Response('seq,time\n', {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="audit-430225-20261129.csv"',
        },
      }),
    });
    await openPage();
    const form = screen.getByTestId('audit-search');
    fireEvent.change(within(form).getByLabelText('关键词'), { target: { value: '李华' } });
    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(searches(requests)).toHaveLength(2));

    fireEvent.click(screen.getByTestId('audit-export-csv'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const exported = requests.find((r) => r.path === '/api/audit/export');
    expect(Object.fromEntries(exported?.query ?? [])).toEqual({ q: '李华', format: 'csv' });
    expect(createObjectURL).toHaveBeenCalled();
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('audit-430225-20261129.csv');
  });
});
