import { documentRoutes } from '../../../platform/documents/document-routes.ts';
import type { AnyDocumentKind } from '../../../platform/documents/document-kind.ts';
import { loadVisibleCase } from '../apply-action.ts';
import { CaseNoParams } from '../cases.schema.ts';
import { caseFileDocument } from './case-file.document.ts';
import { caseDocumentPermissions as P } from './documents.permissions.ts';
import { rectificationNoticeDocument } from './rectification-notice.document.ts';

/** The case's printable documents, as the manifest declares them. */
export const caseDocumentKinds: readonly AnyDocumentKind[] = [caseFileDocument, rectificationNoticeDocument];

/**
 * GET /api/cases/:caseNo/documents/case-file.pdf|.docx and rectification-notice.pdf|.docx (issue and download),
 * GET /api/cases/:caseNo/documents (the case's issues), POST /api/cases/documents/:code/revoke.
 */
export const registerCaseDocumentRoutes = documentRoutes({
  basePath: '/api/cases',
  subjectParam: { name: 'caseNo', schema: CaseNoParams.properties.caseNo },
  kinds: caseDocumentKinds,
  readPermission: P.print,
  revokePermission: P.revoke,
  requireSubject: loadVisibleCase,
  tag: 'cases',
});
