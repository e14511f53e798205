import { screen } from '@testing-library/react';
import { vi } from 'vitest';
import {
  jsonResponse,
  mockApi,
  type RecordedRequest,
  type SampleUser,
  sampleUser,
  signedInAs,
} from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';
import type { CaseDetail } from '../../casesApi.ts';
import { dispatcherUser, sampleDepartments, sampleDetail } from './casesSamples.ts';

/**
 * The case page as its tests open it (CasePage.test.tsx, actions/*.test.tsx): one case served with the
 * departments, the user signed in, uploads through fetch. Each test file still declares its own `vi.mock` of
 * photoPrep.ts: a mock is hoisted only inside the test file.
 */
export const caseNo = '2026-00000123';

/** What POST /api/cases/photo-uploads answers, bar the upload id. */
export const uploadAnswer = {
  width: 80,
  height: 60,
  takenAt: null,
  location: null,
  expiresAt: '2026-11-30T01:00:00.000Z',
};

/** 监督员 of 霞阳镇: reports, 核实 and 核查 (cases.module.ts grants). */
export const inspectorUser: SampleUser = {
  ...sampleUser,
  id: 'u-inspector',
  username: 'inspector.xiayang',
  displayName: '李明',
  roles: ['inspector'],
  permissions: [...sampleUser.permissions, 'cases.read', 'cases.report', 'cases.verify', 'cases.catalogue.read'],
  scopeRegion: '430225100',
};

/** The server of one case: its detail, the departments, and whatever routes a test adds. */
export function caseServer(
  user: SampleUser = dispatcherUser,
  detail: CaseDetail = sampleDetail(),
  extra: Parameters<typeof mockApi>[0] = {},
) {
  return mockApi({
    ...signedInAs(user),
    [`GET /api/cases/${caseNo}`]: jsonResponse(200, detail),
    'GET /api/cases/departments': jsonResponse(200, sampleDepartments),
    ...extra,
  });
}

/** Opens the case page and waits for its header. */
export async function openCase(): Promise<HTMLElement> {
  renderApp(`/m/cases/${caseNo}`);
  return screen.findByTestId('case-header', {}, { timeout: 10_000 });
}

/** The POSTs of one action's route, in order. */
export const posts = (requests: RecordedRequest[], action: string) =>
  requests.filter((r) => r.method === 'POST' && r.path === `/api/cases/${caseNo}/${action}`);

/** Without XMLHttpRequest photo uploads go through fetch, which the tests mock. */
export function uploadThroughFetch(): void {
  vi.stubGlobal('XMLHttpRequest', undefined);
}

/** The phone's position as navigator.geolocation reports it. */
export function stubPosition(coords: { longitude: number; latitude: number; accuracy: number }): void {
  const getCurrentPosition = vi.fn((found: PositionCallback) => found({ coords } as GeolocationPosition));
  vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
}
