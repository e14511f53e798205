// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi, signedInAs } from '../../test/fetchMock.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { ImportKindInfo, ImportRun } from './importsApi.ts';

beforeEach(() => {
  window.localStorage.clear();
  // Without XMLHttpRequest the upload goes through fetch, which the tests mock.
  vi.stubGlobal('XMLHttpRequest', undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = '/api/imports/auth.accounts';
const kind: ImportKindInfo = {
  key: 'auth.accounts',
  title: '账号',
  columns: [{ key: 'loginId', header: '用户名', required: true, type: 'code', example: 'zhangwei', note: '' }],
  maxBytes: 20 * 1024 * 1024,
};
const run: ImportRun = {
  id: '33333333-3333-4333-8333-333333333333',
  kind: 'auth.accounts',
  fileName: 'staff.xlsx',
  format: 'xlsx',
  fileBytes: 2048,
  status: 'checked',
  mode: null,
  totalRows: 3,
  validRows: 2,
  errorRows: 1,
  processedRows: 3,
  committedRows: 0,
  skippedRows: 0,
  failure: null,
  hasHandouts: false,
  createdAt: '2026-03-02T01:00:00.000Z',
  finishedAt: null,
};
const rowError = {
  rowNumber: 3,
  column: 'phone',
  columnHeader: '手机号',
  code: 'mobile.format',
  message: '手机号码格式不正确',
  phase: 'check',
};

function importServer(upload: () => Response) {
  return mockApi({
    ...signedInAs(),
    [`GET ${base}`]: () => jsonResponse(200, kind),
    [`GET ${base}/runs`]: () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 1 }),
    [`POST ${base}/runs`]: upload,
    [`GET ${base}/runs/${run.id}/errors`]: () =>
      jsonResponse(200, { items: [rowError], total: 1, page: 1, pageSize: 10 }),
    [`POST ${base}/runs/${run.id}/commit`]: () =>
      jsonResponse(202, { ...run, status: 'committed', mode: 'valid', committedRows: 2 }),
  });
}

const pick = (name: string) => {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['PK'], name)] } });
};

describe('the import page', () => {
  it('uploads a file, shows the dry run with its refused rows, and commits only the valid rows', async () => {
    const { requests } = importServer(() => jsonResponse(201, run));
    renderApp('/imports/auth.accounts');
    expect(await screen.findByText('批量导入 · 账号')).toBeTruthy();
    pick('staff.xlsx');
    const card = await screen.findByTestId('import-run');
    expect(within(card).getByTestId('import-status').textContent).toBe('试导入完成');
    expect(await within(card).findByText('手机号码格式不正确')).toBeTruthy();
    const sent = requests.find((r) => r.method === 'POST' && r.path === `${base}/runs`);
    expect(sent?.query.get('fileName')).toBe('staff.xlsx');
    expect((within(card).getByTestId('import-commit-all') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(card).getByTestId('import-commit-valid'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s?定|OK/ }));
    await waitFor(() => expect(within(card).getByTestId('import-status').textContent).toBe('已导入'));
    expect(requests.find((r) => r.path === `${base}/runs/${run.id}/commit`)?.body).toEqual({ mode: 'valid' });
  });

  it('shows why a file was refused, in the field’s words', async () => {
    importServer(() => errorResponse(400, 'validation_failed', '请检查输入', { file: '表头与模板不符，缺少列：姓名' }));
    renderApp('/imports/auth.accounts');
    await screen.findByText('批量导入 · 账号');
    pick('other.csv');
    expect((await screen.findByTestId('import-upload-error')).textContent).toBe('表头与模板不符，缺少列：姓名');
  });
});
