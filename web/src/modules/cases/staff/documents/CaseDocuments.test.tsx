// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, mockApi, signedInAs } from '../../../../test/fetchMock.ts';
import { renderApp } from '../../../../test/renderApp.tsx';
import { dispatcherUser, sampleDepartments, sampleDetail } from '../test/casesSamples.ts';
import type { IssuedDocument } from './caseDocumentsApi.ts';

const caseNo = '2026-00000123';
const code = 'abcdefghijklmnopqrstuvwxyz234567';
const printer = { ...dispatcherUser, permissions: [...dispatcherUser.permissions, 'cases.documents.print'] };

const issued: IssuedDocument = {
  code,
  kind: 'cases.case-file',
  kindTitle: { zh: '市容案件案卷', en: 'Case file' },
  title: '市容案件案卷',
  issuedAt: '2026-12-07T02:00:00.000Z',
  contentSha256: 'b'.repeat(64),
  status: 'issued',
  revokedAt: null,
  revokeReason: null,
  revocable: true,
};

beforeEach(() => {
  window.localStorage.clear();
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:document');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function caseServer(
  user = printer,
  department: string | null = 'chengguan',
  extra: Parameters<typeof mockApi>[0] = {},
) {
  let items: IssuedDocument[] = [];
  const api = mockApi({
    ...signedInAs(user),
    [`GET /api/cases/${caseNo}`]: jsonResponse(200, sampleDetail({ department })),
    'GET /api/cases/departments': jsonResponse(200, sampleDepartments),
    [`GET /api/cases/${caseNo}/documents`]: () => jsonResponse(200, { items }),
    [`GET /api/cases/${caseNo}/documents/case-file.pdf`]: () => {
      items = [issued];
      return new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="case-file.pdf"' },
      });
    },
    [`POST /api/cases/documents/${code}/revoke`]: () => {
      items = [{ ...issued, status: 'revoked', revocable: false, revokeReason: '打印错误' }];
      return jsonResponse(200, items[0]);
    },
    ...extra,
  });
  return api;
}

async function documentsCard() {
  renderApp(`/m/cases/${caseNo}`);
  return screen.findByTestId('case-documents', {}, { timeout: 10_000 });
}

describe('the case page’s documents', () => {
  it('are not offered to someone who may not print', async () => {
    caseServer(dispatcherUser);
    renderApp(`/m/cases/${caseNo}`);
    await screen.findByTestId('case-header', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('case-documents')).toBeNull();
  });

  it('print the case file, then list it with its code linking to the verification page', async () => {
    const { requests } = caseServer();
    const card = await documentsCard();
    expect(await within(card).findByText('尚未出具文书')).toBeTruthy();
    fireEvent.click(within(card).getByTestId('print-case-file-pdf'));
    const item = await within(card).findByTestId('issued-document');
    expect(item.textContent).toContain('市容案件案卷');
    expect(within(item).getByTestId('issued-document-code').getAttribute('href')).toBe(`/verify/${code}`);
    expect(requests.some((r) => r.path === `/api/cases/${caseNo}/documents/case-file.pdf`)).toBe(true);
  });

  it('offer the rectification notice only once the case has a department', async () => {
    caseServer(printer, null);
    const card = await documentsCard();
    expect((within(card).getByTestId('print-rectification-notice-pdf') as HTMLButtonElement).disabled).toBe(true);
    expect(card.textContent).toContain('派遣到处置部门后可出具整改通知书');
  });

  it('show the server’s refusal when a print is refused', async () => {
    caseServer(printer, 'chengguan', {
      [`GET /api/cases/${caseNo}/documents/rectification-notice.docx`]: errorResponse(
        409,
        'no_department',
        '案件尚未派遣到处置部门，不能出具整改通知书',
      ),
    });
    const card = await documentsCard();
    fireEvent.click(within(card).getByTestId('print-rectification-notice-docx'));
    await screen.findByText('案件尚未派遣到处置部门，不能出具整改通知书', {}, { timeout: 5_000 });
  });

  it('revoke a document with a reason', async () => {
    const { requests } = caseServer();
    const card = await documentsCard();
    fireEvent.click(within(card).getByTestId('print-case-file-pdf'));
    fireEvent.click(await within(card).findByTestId('document-revoke'));
    const dialog = await screen.findByTestId('document-revoke-dialog');
    fireEvent.change(within(dialog).getByTestId('document-revoke-reason'), { target: { value: '打印错误' } });
    fireEvent.click(screen.getByTestId('document-revoke-dialog-ok'));
    await waitFor(() => expect(within(card).getByText('已作废')).toBeTruthy());
    const revoke = requests.find((r) => r.method === 'POST');
    expect(revoke?.body).toEqual({ reason: '打印错误' });
  });
});
