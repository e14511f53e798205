// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { languageStorageKey } from '../../../../app/i18n/language.ts';
import { jsonResponse } from '../../../../test/fetchMock.ts';
import { caseNo, caseServer, openCase, posts } from '../test/casePage.ts';
import { departmentUser, dispatcherUser, sampleDetail } from '../test/casesSamples.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The selected option's words in an antd Select. */
const chosen = (dialog: HTMLElement) =>
  within(dialog).getByTestId('action-field-department').querySelector('.ant-select-content')?.textContent ??
  within(dialog).getByTestId('action-field-department').textContent;

describe('派遣 with the routing rule’s suggestion', () => {
  it('preselects the suggested department, says the rule suggested it, and may be changed', async () => {
    const detail = sampleDetail({ status: 'registered', actions: ['dispatch'], suggestedDepartment: 'huanwei' });
    const { requests } = caseServer(dispatcherUser, detail, {
      [`POST /api/cases/${caseNo}/dispatch`]: jsonResponse(200, sampleDetail({ status: 'dispatched', actions: [] })),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-dispatch'));
    const dialog = await screen.findByTestId('action-dialog-dispatch');
    expect(chosen(dialog)).toContain('县环境卫生服务中心');
    expect(within(dialog).getByText('派遣建议：按派遣规则应派“县环境卫生服务中心”，可改选其他部门')).toBeTruthy();

    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('县城市管理和综合执法局'));
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await waitFor(() => expect(posts(requests, 'dispatch')).toHaveLength(1));
    expect(posts(requests, 'dispatch')[0]?.body).toEqual({ revision: 3, department: 'chengguan' });
  });

  it('sends the suggestion as it stands when the dispatcher agrees; no suggestion, nothing chosen', async () => {
    const detail = sampleDetail({ status: 'registered', actions: ['dispatch'], suggestedDepartment: 'huanwei' });
    const { requests } = caseServer(dispatcherUser, detail, {
      [`POST /api/cases/${caseNo}/dispatch`]: jsonResponse(200, sampleDetail({ status: 'dispatched', actions: [] })),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-dispatch'));
    const dialog = await screen.findByTestId('action-dialog-dispatch');
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    await waitFor(() => expect(posts(requests, 'dispatch')).toHaveLength(1));
    expect(posts(requests, 'dispatch')[0]?.body).toEqual({ revision: 3, department: 'huanwei' });

    cleanup();
    caseServer(dispatcherUser, sampleDetail({ status: 'registered', actions: ['dispatch'] }));
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-dispatch'));
    const plain = await screen.findByTestId('action-dialog-dispatch');
    expect(within(plain).queryByText(/派遣建议/)).toBeNull();
    expect(chosen(plain)).not.toContain('县环境卫生服务中心');
  });
});

describe('申请延期 up to the county’s limit', () => {
  const handling = sampleDetail({
    status: 'handling',
    department: 'chengguan',
    actions: ['feedback', 'request_extension', 'request_suspension'],
    limits: { maxExtensionHours: 40 },
  });

  async function askFor(hours: string) {
    const dialog = screen.getByTestId('action-dialog-extension');
    fireEvent.change(within(dialog).getByTestId('action-field-hours'), { target: { value: hours } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('action-submit')));
    return dialog;
  }

  it('refuses more than the case’s limit before sending, in the user’s words, and sends what fits', async () => {
    const { requests } = caseServer(departmentUser, handling, {
      [`POST /api/cases/${caseNo}/extension`]: jsonResponse(200, handling),
    });
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-extension'));
    const dialog = await screen.findByTestId('action-dialog-extension');
    expect(within(dialog).getByText('单次最多 40 个工作时')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('action-field-reason'), { target: { value: '连日降雨无法施工' } });
    await askFor('41');
    expect(await within(dialog).findByText('单次延期不能超过 40 个工作时')).toBeTruthy();
    expect(posts(requests, 'extension')).toHaveLength(0);

    await askFor('40');
    await waitFor(() => expect(posts(requests, 'extension')).toHaveLength(1));
    expect(posts(requests, 'extension')[0]?.body).toMatchObject({ hours: 40, reason: '连日降雨无法施工' });
  });

  it('says it in English when the page is in English', async () => {
    window.localStorage.setItem(languageStorageKey, 'en');
    caseServer(departmentUser, handling);
    await openCase();
    fireEvent.click(screen.getByTestId('case-action-extension'));
    await screen.findByTestId('action-dialog-extension');
    const dialog = await askFor('400');
    expect(await within(dialog).findByText('One extension may not exceed 40 working hours')).toBeTruthy();
  });
});
