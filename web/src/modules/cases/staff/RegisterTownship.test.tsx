// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, type RecordedRequest, signedInAs } from '../../../test/fetchMock.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { actionBody, withoutBlanks } from './actions/caseActionButtons.ts';
import { dispatcherUser, sampleDepartments, sampleDetail } from './test/casesSamples.ts';

beforeEach(() => {
  window.localStorage.clear();
  vi.stubGlobal('XMLHttpRequest', undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const caseNo = '2026-00000123';
const county = { code: '430225', name: '炎陵县', level: 'county', parentCode: '4302' };
const xiayang = { code: '430225100', name: '霞阳镇', level: 'township', parentCode: '430225' };

/** A partner's report with only an address: no township yet, no point. */
const waiting = sampleDetail({
  townshipCode: '430225',
  regionCode: '430225',
  townshipName: '待定乡镇',
  address: '炎帝大道 88 号',
  lng: null,
  lat: null,
});

function server(): RecordedRequest[] {
  return mockApi({
    ...signedInAs({ ...dispatcherUser, scopeRegion: '430225' }),
    [`GET /api/cases/${caseNo}`]: jsonResponse(200, waiting),
    'GET /api/cases/departments': jsonResponse(200, sampleDepartments),
    'GET /api/regions/430225': jsonResponse(200, { region: county, ancestors: [], children: [xiayang] }),
  }).requests;
}

describe('registering a case whose township is to be assigned', () => {
  it('says 待定乡镇 and that the case has no point, and the register form asks for the township before it sends', async () => {
    const requests = server();
    renderApp(`/m/cases/${caseNo}`);
    await screen.findByTestId('case-header', {}, { timeout: 10_000 });
    const facts = screen.getByTestId('case-facts').textContent ?? '';
    expect(facts).toContain('待定乡镇');
    expect(facts).toContain('无（仅有地址）');

    fireEvent.click(screen.getByTestId('case-action-register'));
    const dialog = await screen.findByTestId('action-dialog-register');
    expect(within(dialog).getByText('所在乡镇或村（社区）')).toBeTruthy();
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await waitFor(() => expect(within(dialog).getByText('请选择乡镇或村（社区）')).toBeTruthy());
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('sends the township picked with the register body, and nothing when there is none to pick', () => {
    expect(withoutBlanks(actionBody('register', { regionCode: '430225100', priority: 'normal' }, 3, []))).toEqual({
      revision: 3,
      priority: 'normal',
      regionCode: '430225100',
    });
    expect(withoutBlanks(actionBody('register', {}, 3, []))).toEqual({ revision: 3 });
  });
});
