// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, sampleUser, signedInAs } from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';
import { dispatcherUser } from '../test/casesSamples.ts';

afterEach(cleanup);

const office = {
  ...sampleUser,
  id: 'u-office',
  username: 'office',
  displayName: '创文办',
  roles: ['coordinator'],
  permissions: [...sampleUser.permissions, 'cases.read', 'cases.evaluate', 'cases.configure'],
};
const defaults = { citizen: true, hotline: true, open311: true, patrol: false, volunteer: false, other: false };
const url = '/api/cases/settings/verify-report';

describe('核实 settings', () => {
  it('shows one switch per source and saves them together', async () => {
    const { requests } = mockApi({
      ...signedInAs(office),
      [`GET ${url}`]: jsonResponse(200, { channels: defaults }),
      [`PUT ${url}`]: jsonResponse(200, { channels: { ...defaults, patrol: true } }),
    });
    renderApp('/m/cases/settings');
    const card = await screen.findByTestId('verify-report-setting', {}, { timeout: 10_000 });
    const patrol = await within(card).findByTestId('verify-report-source-patrol');
    expect(patrol.getAttribute('aria-checked')).toBe('false');
    expect(within(card).getByTestId('verify-report-source-hotline').getAttribute('aria-checked')).toBe('true');
    expect(within(card).getByText('监督员巡查')).toBeTruthy();
    fireEvent.click(patrol);
    await act(async () => fireEvent.click(within(card).getByTestId('verify-report-save')));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ channels: { ...defaults, patrol: true } });
    expect(await screen.findByText('已保存，新上报的案件按此设置进入核实')).toBeTruthy();
  });

  it('is not there for someone without cases.configure', async () => {
    const { requests } = mockApi({ ...signedInAs(dispatcherUser) });
    renderApp('/m/cases/settings');
    await waitFor(() => expect(screen.queryByTestId('verify-report-setting')).toBeNull());
    expect(requests.some((r) => r.path === url)).toBe(false);
  });
});
