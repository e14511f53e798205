import type { Static, TSchema } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { type DefinedRoute, defineRoute, registerRoutes } from '../../platform/http/define-route.ts';
import type { TypedApp } from '../../platform/module.ts';
import { actionRules, type CaseAction } from './case-flow.ts';
import { decideRequest, requestExtension, requestSuspension, resumeCase } from './case-requests.ts';
import { ActionBodies, CaseDetailSchema, CaseNoParams, photoBodyLimit } from './cases.schema.ts';
import type { CaseRow } from './cases.store.ts';
import { acceptCase, dispatchCase, feedbackCase, returnCase } from './department-actions.ts';
import { escalateCase } from './escalation.ts';
import { mergeCase, registerCase, rejectCase } from './intake-actions.ts';
import { readCase } from './read-cases.ts';
import { verifyCase } from './verify-case.ts';
import { sendToVerify, verifyReport } from './verify-report.ts';

interface ActionRouteSpec<Body extends TSchema> {
  path: string;
  /** The steps of the flow table this route takes: its access is their permission, written once in case-flow.ts. */
  actions: readonly CaseAction[];
  summary: string;
  body: Body;
  run: (ctx: Ctx, caseNo: string, body: Static<Body>) => Promise<CaseRow>;
  photos?: boolean;
}

/** A route of the loop as the route-table test sees it: its path and the flow actions it takes. */
export interface CaseActionRoute {
  path: string;
  actions: readonly CaseAction[];
  route: DefinedRoute;
}

/** The one permission the flow table gives all of `actions`; a route whose steps disagree does not start. */
export function flowAccess(actions: readonly CaseAction[]): { permission: string } {
  const permissions = new Set(actions.map((action) => actionRules[action].permission));
  const [permission] = permissions;
  if (permissions.size !== 1 || typeof permission !== 'string')
    throw new Error(`case actions ${actions.join(', ')} need one staff permission in case-flow.ts`);
  return { permission };
}

/** One POST per step of the loop; each answers with the case as it now stands (timeline and next actions). */
function actionRoute<const Body extends TSchema>(spec: ActionRouteSpec<Body>): CaseActionRoute {
  const route = defineRoute({
    method: 'POST',
    url: `/api/cases/:caseNo/${spec.path}`,
    summary: spec.summary,
    tags: ['cases'],
    access: flowAccess(spec.actions),
    ...(spec.photos ? { bodyLimit: photoBodyLimit } : {}),
    schema: { params: CaseNoParams, body: spec.body as TSchema, response: { 200: CaseDetailSchema } },
    handler: async (request) => {
      const { caseNo } = request.params;
      await spec.run(request.ctx, caseNo, request.body as Static<Body>);
      return readCase(request.ctx, caseNo);
    },
  });
  return { path: spec.path, actions: spec.actions, route };
}

const intake = [
  actionRoute({
    path: 'register',
    actions: ['register'],
    summary: '立案: accept the report as a case',
    body: ActionBodies.register,
    run: registerCase,
  }),
  actionRoute({
    path: 'reject',
    actions: ['reject'],
    summary: '不予立案, with the reason',
    body: ActionBodies.reject,
    run: rejectCase,
  }),
  actionRoute({
    path: 'send-to-verify',
    actions: ['send_to_verify'],
    summary: '送核实: the inspectors of the area check the report on site before 立案',
    body: ActionBodies.sendToVerify,
    run: sendToVerify,
  }),
  actionRoute({
    path: 'verify-report',
    actions: ['confirm_report', 'refute_report'],
    summary: '核实 on site: 属实 goes back to the intake to register, 不属实 is rejected',
    body: ActionBodies.verifyReport,
    run: verifyReport,
    photos: true,
  }),
  actionRoute({
    path: 'merge',
    actions: ['merge'],
    summary: 'Merge into an open case as a duplicate',
    body: ActionBodies.merge,
    run: mergeCase,
  }),
  actionRoute({
    path: 'dispatch',
    actions: ['dispatch'],
    summary: '派遣 to a department; the handling clock starts',
    body: ActionBodies.dispatch,
    run: dispatchCase,
  }),
];

const handling = [
  actionRoute({
    path: 'return',
    actions: ['return'],
    summary: '回退: not this department’s matter',
    body: ActionBodies.return,
    run: returnCase,
  }),
  actionRoute({
    path: 'accept',
    actions: ['accept'],
    summary: '签收 by a handler',
    body: ActionBodies.accept,
    run: acceptCase,
  }),
  actionRoute({
    path: 'feedback',
    actions: ['feedback'],
    summary: '处理反馈 with photos after handling',
    body: ActionBodies.feedback,
    run: feedbackCase,
    photos: true,
  }),
  actionRoute({
    path: 'verify',
    actions: ['verify_pass', 'verify_fail'],
    summary: '核查 on site: pass closes, fail is 返工',
    body: ActionBodies.verify,
    run: verifyCase,
    photos: true,
  }),
];

const requests = [
  actionRoute({
    path: 'extension',
    actions: ['request_extension'],
    summary: 'Ask for an extension (延期)',
    body: ActionBodies.extension,
    run: requestExtension,
  }),
  actionRoute({
    path: 'suspension',
    actions: ['request_suspension'],
    summary: 'Ask to suspend the clock (挂起)',
    body: ActionBodies.suspension,
    run: requestSuspension,
  }),
  actionRoute({
    path: 'decision',
    actions: ['decide_request'],
    summary: 'Approve or refuse the pending request',
    body: ActionBodies.decide,
    run: decideRequest,
  }),
  actionRoute({
    path: 'resume',
    actions: ['resume'],
    summary: 'Resume a suspended case',
    body: ActionBodies.resume,
    run: resumeCase,
  }),
  actionRoute({
    path: 'escalate',
    actions: ['escalate'],
    summary: '督办: raise the case one rung',
    body: ActionBodies.escalate,
    run: escalateCase,
  }),
];

/** Every staff step of the loop, in the order the OpenAPI document lists them. */
export const caseActionRoutes: readonly CaseActionRoute[] = [...intake, ...handling, ...requests];

export function registerCaseActionRoutes(app: TypedApp): void {
  registerRoutes(
    app,
    caseActionRoutes.map((action) => action.route),
  );
}
