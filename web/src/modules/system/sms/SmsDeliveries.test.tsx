// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countyRegion, userPage } from '../../../test/adminSamples.ts';
import { jsonResponse, mockApi, signedInAs, sysAdminUser } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import type { SmsDelivery, SmsPage } from './smsApi.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const smsAdmin = { ...sysAdminUser, permissions: [...sysAdminUser.permissions, 'system.sms'] };

const dead: SmsDelivery = {
  id: '5f0c6a2e-8d7b-4c1e-9a51-3b2f4d6e7a10',
  template: 'cases.accepted',
  templateCode: 'SMS_CASES_ACCEPTED',
  phone: '139****1234',
  subject: { type: 'case', id: '2026-00000042' },
  status: 'dead',
  attempts: 6,
  nextAttemptAt: null,
  lastError: 'isv.BUSINESS_LIMIT_CONTROL: throttled',
  providerMessageId: null,
  createdAt: '2026-11-29T00:30:00.000Z',
  sentAt: null,
};
const sent: SmsDelivery = {
  ...dead,
  id: '6a1d7b3f-9e8c-4d2f-8b62-4c3a5e7f8b21',
  template: 'cases.closed',
  status: 'sent',
  attempts: 1,
  lastError: null,
  providerMessageId: 'local-1',
  sentAt: '2026-11-30T02:00:00.000Z',
};
const page = (items: SmsDelivery[]): SmsPage => ({
  gateway: 'local',
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

function smsServer(user = smsAdmin) {
  let retried = false;
  return mockApi({
    ...signedInAs(user),
    'GET /api/admin/users': jsonResponse(200, userPage([])),
    'GET /api/regions/430225': jsonResponse(200, countyRegion),
    'GET /api/system/sms': (request) => {
      const status = request.query.get('status');
      const items = retried ? [{ ...dead, status: 'pending' as const, attempts: 0 }, sent] : [dead, sent];
      return jsonResponse(200, page(status ? items.filter((i) => i.status === status) : items));
    },
    [`POST /api/system/sms/${dead.id}/retry`]: () => {
      retried = true;
      return jsonResponse(200, { ...dead, status: 'pending', attempts: 0 });
    },
  });
}

describe('system administration: SMS deliveries', () => {
  it('lists deliveries with masked phones, templates, states and errors, and says the gateway only records', async () => {
    smsServer();
    renderApp('/admin/system');
    const card = await screen.findByTestId('system-sms', {}, { timeout: 10_000 });
    const table = within(card).getByTestId('sms-table');
    expect(await within(table).findByText('cases.accepted')).toBeTruthy();
    expect(within(table).getAllByText('139****1234')).toHaveLength(2);
    expect(within(table).getByText('已放弃')).toBeTruthy();
    expect(within(table).getByText('已发送')).toBeTruthy();
    expect(within(table).getByText('isv.BUSINESS_LIMIT_CONTROL: throttled')).toBeTruthy();
    expect(within(card).getByTestId('sms-gateway').textContent).toContain('本地替身');
    expect(within(table).queryByTestId(`sms-retry-${sent.id}`)).toBeNull();
  });

  it('sends a dead message again and reads the list anew', async () => {
    const { requests } = smsServer();
    renderApp('/admin/system');
    const card = await screen.findByTestId('system-sms', {}, { timeout: 10_000 });
    fireEvent.click(await within(card).findByTestId(`sms-retry-${dead.id}`));
    await waitFor(() => expect(within(card).getByText('待发送')).toBeTruthy());
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/system/sms/${dead.id}/retry`,
    ]);
    expect(within(card).queryByTestId(`sms-retry-${dead.id}`)).toBeNull();
  });

  it('is not shown without the SMS permission', async () => {
    smsServer(sysAdminUser);
    renderApp('/admin/system');
    await screen.findByTestId('user-table', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('system-sms')).toBeNull();
  });
});
