import type { TSchema } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { S } from '../../platform/http/schema.ts';
import type { TypedApp } from '../../platform/module.ts';
import { casePermissions as P } from './case-flow.ts';
import { acceptCase, dispatchCase, feedbackCase, returnCase } from './department-actions.ts';
import { decideRequest, requestExtension, requestSuspension, resumeCase } from './case-requests.ts';
import { ActionBodies, CaseDetailSchema, CaseNoParams, photoBodyLimit } from './cases.schema.ts';
import type { CaseRow } from './cases.store.ts';
import { escalateCase } from './escalation.ts';
import { mergeCase, registerCase, rejectCase } from './intake-actions.ts';
import { readCase } from './read-cases.ts';
import { verifyCase } from './verify-case.ts';

const tags = ['cases'];
const errors = { 400: S.error(), 401: S.error(), 403: S.error(), 404: S.error(), 409: S.error(), 413: S.error() };

interface ActionRoute {
  path: string;
  permission: string;
  summary: string;
  body: TSchema;
  run: (ctx: Ctx, caseNo: string, body: never) => Promise<CaseRow>;
  photos?: boolean;
}

/** One POST per step of the loop; each answers with the case as it now stands (timeline and next actions). */
const actionRoutes: readonly ActionRoute[] = [
  {
    path: 'register',
    permission: P.register,
    summary: '立案: accept the report as a case',
    body: ActionBodies.register,
    run: registerCase,
  },
  {
    path: 'reject',
    permission: P.register,
    summary: '不予立案, with the reason',
    body: ActionBodies.reject,
    run: rejectCase,
  },
  {
    path: 'merge',
    permission: P.register,
    summary: 'Merge into an open case as a duplicate',
    body: ActionBodies.merge,
    run: mergeCase,
  },
  {
    path: 'dispatch',
    permission: P.dispatch,
    summary: '派遣 to a department; the handling clock starts',
    body: ActionBodies.dispatch,
    run: dispatchCase,
  },
  {
    path: 'return',
    permission: P.handle,
    summary: '回退: not this department’s matter',
    body: ActionBodies.return,
    run: returnCase,
  },
  { path: 'accept', permission: P.handle, summary: '签收 by a handler', body: ActionBodies.accept, run: acceptCase },
  {
    path: 'feedback',
    permission: P.handle,
    summary: '处理反馈 with photos after handling',
    body: ActionBodies.feedback,
    run: feedbackCase,
    photos: true,
  },
  {
    path: 'verify',
    permission: P.verify,
    summary: '核查 on site: pass closes, fail is 返工',
    body: ActionBodies.verify,
    run: verifyCase,
    photos: true,
  },
  {
    path: 'extension',
    permission: P.handle,
    summary: 'Ask for an extension (延期)',
    body: ActionBodies.extension,
    run: requestExtension,
  },
  {
    path: 'suspension',
    permission: P.handle,
    summary: 'Ask to suspend the clock (挂起)',
    body: ActionBodies.suspension,
    run: requestSuspension,
  },
  {
    path: 'decision',
    permission: P.dispatch,
    summary: 'Approve or refuse the pending request',
    body: ActionBodies.decide,
    run: decideRequest,
  },
  {
    path: 'resume',
    permission: P.dispatch,
    summary: 'Resume a suspended case',
    body: ActionBodies.resume,
    run: resumeCase,
  },
  {
    path: 'escalate',
    permission: P.supervise,
    summary: '督办: raise the case one rung',
    body: ActionBodies.escalate,
    run: escalateCase,
  },
];

export function registerCaseActionRoutes(app: TypedApp): void {
  for (const route of actionRoutes) {
    app.post(
      `/api/cases/:caseNo/${route.path}`,
      {
        ...(route.photos ? { bodyLimit: photoBodyLimit } : {}),
        config: { access: { permission: route.permission } },
        schema: {
          tags,
          summary: route.summary,
          params: CaseNoParams,
          body: route.body,
          response: { 200: CaseDetailSchema, ...errors },
        },
      },
      async (request) => {
        const { caseNo } = request.params as { caseNo: string };
        await route.run(request.ctx, caseNo, request.body as never);
        return readCase(request.ctx, caseNo);
      },
    );
  }
}
