import { beforeAll, describe, expect, it } from 'vitest';
import { docxText, pdfPages, pdfToPngs, qrOnPage } from '../../../platform/documents/document-files.test-support.ts';
import { registerReportsDirectly } from '../verify-report.test-support.ts';
import { groupedCode } from '../../../platform/documents/verification-code.ts';
import { useTestApp } from '../../../testing/test-app.ts';
import { type SignedIn, signIn } from '../../../testing/test-auth.ts';
import { type CaseActors, caseHttp, miandu, prepareCases, reportBody } from '../cases.test-support.ts';

const publicUrl = 'https://wenming.example';
const phone = '13912345678';

describe('case documents: 打印案卷 and 整改通知书, issued, verified, revoked', () => {
  const t = useTestApp({ config: { publicUrl } });
  const http = caseHttp(t);
  let who: CaseActors;
  let caseNo: string;
  let freshCaseNo: string;
  let miandouCoordinator: SignedIn;

  const file = (no: string, name: string, actor: SignedIn | null) =>
    http.get(`/api/cases/${no}/documents/${name}`, actor);
  const verify = (code: string, device = 'verify-tests-device-0001') =>
    http.get(`/api/verify/${code}`, null, { 'x-device-id': device });
  const revoke = (code: string, actor: SignedIn | null, payload: object) =>
    http.post(`/api/cases/documents/${code}/revoke`, actor, payload);
  const rowsOf = (no: string) =>
    t.db.database.query<{ code: string; status: string; kind: string }>(
      'select code, status, kind from documents_issued where subject_ref = $1 order by issued_at',
      [no],
    );

  beforeAll(async () => {
    who = await prepareCases(t);
    await registerReportsDirectly(t);
    miandouCoordinator = await signIn(t.app, { roles: ['coordinator'], scopeRegion: miandu });
    const reported = await http.post('/api/public/cases', null, { ...(await reportBody()), phone });
    expect(reported.statusCode, reported.body).toBe(201);
    caseNo = reported.json().caseNo;
    let view = (await http.get(`/api/cases/${caseNo}`, who.dispatcher)).json();
    for (const [path, body] of [
      ['register', {}],
      ['dispatch', { department: 'chengguan' }],
    ] as const) {
      const res = await http.post(`/api/cases/${caseNo}/${path}`, who.dispatcher, { revision: view.revision, ...body });
      expect(res.statusCode, res.body).toBe(200);
      view = res.json();
    }
    freshCaseNo = (await http.post('/api/public/cases', null, await reportBody())).json().caseNo;
  });

  describe('refuses', () => {
    it('401 without a session, on every document route', async () => {
      expect((await file(caseNo, 'case-file.pdf', null)).statusCode).toBe(401);
      expect((await http.get(`/api/cases/${caseNo}/documents`, null)).statusCode).toBe(401);
      expect((await revoke('a'.repeat(32), null, { reason: '错误' })).statusCode).toBe(401);
    });

    it('400 for a malformed file name or case number, unknown fields and a missing reason', async () => {
      for (const name of ['case-file.exe', 'Case-File.pdf', 'case-file', '..%2Fcase-file.pdf']) {
        expect((await file(caseNo, name, who.dispatcher)).statusCode, name).toBe(400);
      }
      expect((await file('not-a-case', 'case-file.pdf', who.dispatcher)).statusCode).toBe(400);
      expect((await revoke('a'.repeat(32), who.dispatcher, {})).statusCode).toBe(400);
      expect((await revoke('a'.repeat(32), who.dispatcher, { reason: '重复打印', extra: 1 })).statusCode).toBe(400);
      const blank = await revoke('a'.repeat(32), who.dispatcher, { reason: '   ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.fields.reason).toBeTruthy();
    });

    it('403 without the print permission (a volunteer reads cases but prints nothing)', async () => {
      expect((await file(caseNo, 'case-file.pdf', who.volunteer)).statusCode).toBe(403);
    });

    it('404 for an unknown kind, an unknown case, and a case outside the reader’s scope (audited)', async () => {
      expect((await file(caseNo, 'permit.pdf', who.dispatcher)).statusCode).toBe(404);
      expect((await file('2026-99999999', 'case-file.pdf', who.dispatcher)).statusCode).toBe(404);
      expect((await file(caseNo, 'case-file.pdf', who.miandouInspector)).statusCode).toBe(404);
      expect((await http.get(`/api/cases/${caseNo}/documents`, who.miandouInspector)).statusCode).toBe(404);
      const denied = await t.db.database.query<{ n: number }>(
        "select count(*)::int as n from audit_event where event_type = 'access.denied' and object_id = $1",
        [caseNo],
      );
      expect(denied[0]?.n).toBeGreaterThanOrEqual(2);
      expect(await rowsOf(caseNo)).toEqual([]);
    });

    it('409 for a rectification notice of a case not yet dispatched to a department', async () => {
      const res = await file(freshCaseNo, 'rectification-notice.pdf', who.dispatcher);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain(freshCaseNo);
    });
  });

  describe('prints', () => {
    it('the case file as a PDF: title, case number, masked reporter, timeline, pages, code and QR', async () => {
      const res = await file(caseNo, 'case-file.pdf', who.dispatcher);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const code = String(res.headers['x-document-code']);
      expect(code).toMatch(/^[a-z2-7]{32}$/);
      const pages = await pdfPages(res.rawPayload);
      const text = pages.join('\n');
      expect(text).toContain('市容案件案卷');
      expect(text).toContain(caseNo);
      expect(text).toContain('受理立案');
      expect(text).toContain('派遣');
      expect(text).toContain('县城市管理和综合执法局');
      expect(text).not.toContain(phone);
      expect(text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      pages.forEach((page, i) => {
        expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
        expect(page).toContain(groupedCode(code));
      });
      const [first] = await pdfToPngs(res.rawPayload, 150);
      expect(await qrOnPage(first as Buffer)).toBe(`${publicUrl}/verify/${code}`);
    });

    it('the same unchanged case file again, as PDF or .docx, under the same code (one issue, each print audited)', async () => {
      const pdf = await file(caseNo, 'case-file.pdf', who.dispatcher);
      const docx = await file(caseNo, 'case-file.docx', who.coordinator);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['x-document-code']).toBe(pdf.headers['x-document-code']);
      const xml = docxText(docx.rawPayload, 'word/document.xml');
      expect(xml).toContain('市容案件案卷');
      expect(xml).toContain(caseNo);
      expect(xml).not.toContain(phone);
      expect(docxText(docx.rawPayload, 'word/footer1.xml')).toContain(`${publicUrl}/verify/`);
      expect((await rowsOf(caseNo)).filter((r) => r.kind === 'cases.case-file')).toHaveLength(1);
      const prints = await t.db.database.query<{ event_type: string }>(
        "select event_type from audit_event where event_type in ('documents.issue', 'documents.reprint') order by seq",
      );
      expect(prints.map((p) => p.event_type)).toEqual(['documents.issue', 'documents.reprint', 'documents.reprint']);
    });

    it('the rectification notice to the department, with the deadline and the seal', async () => {
      const res = await file(caseNo, 'rectification-notice.docx', who.dispatcher);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const xml = docxText(res.rawPayload, 'word/document.xml');
      expect(xml).toContain('整改通知书');
      expect(xml).toContain('县城市管理和综合执法局：');
      expect(xml).toContain('特此通知。');
      expect(xml).toContain('<wp:anchor');
      const pdf = await file(caseNo, 'rectification-notice.pdf', who.dispatcher);
      expect((await pdfPages(pdf.rawPayload)).join('')).toContain('请你单位于');
    });
  });

  describe('verification', () => {
    it('shows kind, issuer, date and hash, and nothing personal beyond what the kind declares', async () => {
      const [caseFile, notice] = await rowsOf(caseNo);
      const res = await verify(caseFile?.code ?? '');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        kind: 'cases.case-file',
        kindTitle: { zh: '市容案件案卷', en: 'Case file' },
        status: 'issued',
        revokedAt: null,
        publicFields: [],
      });
      expect(body.issuer.organ).toContain('数字化城市管理监督指挥中心');
      expect(body.contentSha256).toMatch(/^[0-9a-f]{64}$/);
      for (const secret of [phone, caseNo, '水果摊', '炎帝大道', '测试用户']) expect(res.body).not.toContain(secret);
      const noticeBody = (await verify(notice?.code ?? '')).json();
      expect(noticeBody.publicFields.map((f: { label: { zh: string } }) => f.label.zh)).toEqual([
        '案件编号',
        '整改期限',
      ]);
      expect(noticeBody.publicFields[0].value).toBe(caseNo);
    });

    it('accepts the printed grouped form; 404 for an unknown or malformed code, never a 5xx', async () => {
      const [caseFile] = await rowsOf(caseNo);
      expect((await verify(groupedCode(caseFile?.code ?? '').toUpperCase())).statusCode).toBe(200);
      for (const bad of ['a'.repeat(32), 'abc', '0'.repeat(32), 'a%2Fb', 'a'.repeat(199)]) {
        const res = await verify(bad);
        expect(res.statusCode, bad).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      // A NUL is refused as unstorable text (400) before the route; an over-long path is refused by the router.
      for (const odd of ['%00', 'a'.repeat(400)]) expect((await verify(odd)).statusCode).toBeLessThan(500);
    });

    it('429 once one device has verified 60 times in the hour', async () => {
      const device = 'rate-limit-device-000001';
      for (let i = 0; i < 60; i += 1) expect((await verify('b'.repeat(32), device)).statusCode).toBe(404);
      const refused = await verify('b'.repeat(32), device);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeTruthy();
      expect((await verify('b'.repeat(32), 'another-device-00000001')).statusCode).toBe(404);
    });
  });

  describe('revocation', () => {
    it('403 without the revoke permission; 404 for an unknown code or a case outside the scope', async () => {
      const [caseFile] = await rowsOf(caseNo);
      const code = caseFile?.code ?? '';
      expect((await revoke(code, who.inspector, { reason: '打印错误' })).statusCode).toBe(403);
      expect((await revoke('c'.repeat(32), who.dispatcher, { reason: '打印错误' })).statusCode).toBe(404);
      expect((await revoke(code, miandouCoordinator, { reason: '打印错误' })).statusCode).toBe(404);
      expect((await verify(code)).json().status).toBe('issued');
    });

    it('revokes with a reason (audited): the verification page says revoked, when and why; once only', async () => {
      const [caseFile] = await rowsOf(caseNo);
      const code = caseFile?.code ?? '';
      const res = await revoke(code, who.dispatcher, { reason: '案件信息有误，重新出具' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'revoked', revocable: false });
      const shown = (await verify(code)).json();
      expect(shown).toMatchObject({ status: 'revoked', revokeReason: '案件信息有误，重新出具' });
      expect(Date.parse(shown.revokedAt)).toBe(t.clock().getTime());
      expect((await revoke(code, who.dispatcher, { reason: '再次作废' })).statusCode).toBe(409);
      const audit = await t.db.database.query<{ n: number }>(
        "select count(*)::int as n from audit_event where event_type = 'documents.revoke'",
      );
      expect(audit[0]?.n).toBe(1);
      // Printing it again issues a new document under a new code; the list shows both.
      const again = await file(caseNo, 'case-file.pdf', who.dispatcher);
      expect(again.headers['x-document-code']).not.toBe(code);
      const list = (await http.get(`/api/cases/${caseNo}/documents`, who.dispatcher)).json();
      expect(list.items.map((i: { status: string }) => i.status).sort()).toEqual(['issued', 'issued', 'revoked']);
    });
  });
});
