import type { MessageKey } from '../../../../app/i18n/zh.ts';
import type { ActionBody, ActionPath, CaseAction, CaseDetail, Priority } from '../../casesApi.ts';

/** A button on the case page: one action route (verify covers both 通过 and 不通过). */
export type ActionKey = ActionPath;

export interface ActionSpec {
  key: ActionKey;
  /** The form's fields, so the server's field messages land next to the right one. */
  fields: readonly string[];
  danger?: boolean;
  /** Photos go up with this action (progress is shown). */
  photos?: 'required' | 'optional';
  /** What the page says once it went through, when “{action}：已完成” would leave out where the case goes next. */
  done?: MessageKey;
}

export const actionSpecs: Record<ActionKey, ActionSpec> = {
  register: { key: 'register', fields: ['regionCode', 'note', 'priority'] },
  reject: { key: 'reject', fields: ['reason'], danger: true },
  // 核实 comes before 立案: the intake must know the case comes back to it to be registered.
  sendToVerify: { key: 'sendToVerify', fields: ['regionCode', 'note'], done: 'cases.done.sendToVerify' },
  verifyReport: { key: 'verifyReport', fields: ['confirmed', 'note', 'photos'], photos: 'required' },
  merge: { key: 'merge', fields: ['duplicateOf', 'note'] },
  dispatch: { key: 'dispatch', fields: ['department', 'note'] },
  return: { key: 'return', fields: ['reason'], danger: true },
  accept: { key: 'accept', fields: ['note'] },
  feedback: { key: 'feedback', fields: ['result', 'photos'], photos: 'required' },
  verify: { key: 'verify', fields: ['passed', 'note', 'photos'], photos: 'optional' },
  extension: { key: 'extension', fields: ['hours', 'reason'] },
  suspension: { key: 'suspension', fields: ['reason'] },
  decision: { key: 'decision', fields: ['approved', 'note'] },
  resume: { key: 'resume', fields: ['note'] },
  escalate: { key: 'escalate', fields: ['note'] },
};

/**
 * The buttons for this case, from the actions the server says the user may take (`detail.actions`: role ×
 * state). Requests are offered only when they can succeed: one pending request at a time, a decision only
 * when one waits, resume only while suspended.
 */
export function actionButtons(detail: Pick<CaseDetail, 'actions' | 'pendingRequest' | 'clock'>): ActionKey[] {
  const allowed = new Set(detail.actions);
  const pending = detail.pendingRequest !== null;
  const suspended = detail.clock.suspended;
  const offered: [ActionKey, boolean][] = [
    ['verifyReport', allowed.has('confirm_report') || allowed.has('refute_report')],
    ['register', allowed.has('register')],
    ['dispatch', allowed.has('dispatch')],
    ['accept', allowed.has('accept')],
    ['feedback', allowed.has('feedback') && !suspended],
    ['verify', allowed.has('verify_pass') || allowed.has('verify_fail')],
    ['decision', allowed.has('decide_request') && pending],
    ['resume', allowed.has('resume') && suspended],
    ['extension', allowed.has('request_extension') && !pending],
    ['suspension', allowed.has('request_suspension') && !pending && !suspended],
    ['sendToVerify', allowed.has('send_to_verify')],
    ['merge', allowed.has('merge')],
    ['escalate', allowed.has('escalate')],
    ['return', allowed.has('return')],
    ['reject', allowed.has('reject')],
  ];
  return offered.filter(([, shown]) => shown).map(([key]) => key);
}

/**
 * Why an action the user's role allows is not offered on this case (the server's `withheldActions`): they did
 * the work it checks — handed back the result, or asked for the extension — so another person must.
 */
export function withheldNotes(withheld: readonly CaseAction[]): MessageKey[] {
  const notes = new Set<MessageKey>();
  for (const action of withheld) {
    if (action === 'verify_pass' || action === 'verify_fail') notes.add('cases.withheld.verify');
    if (action === 'decide_request') notes.add('cases.withheld.decision');
    if (action === 'confirm_report' || action === 'refute_report') notes.add('cases.withheld.verifyReport');
  }
  return [...notes];
}

/** A photo of an action's body: the id its upload answered with. */
export type PreparedPhoto = ActionBody<'feedback'>['photos'][number];

/** Where the verifier stood (the verify route's optional point). */
export type PositionFix = Required<Pick<ActionBody<'verify'>, 'lng' | 'lat'>>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The request body for an action from the form's values; every action carries the revision the user saw. A blank
 * required field is sent as missing (the `as` casts), so the server's own message lands under it.
 */
export function actionBody(
  key: ActionKey,
  values: Record<string, unknown>,
  revision: number,
  photos: PreparedPhoto[],
  position?: PositionFix,
): ActionBody {
  const body = { revision };
  const note = text(values.note);
  const reason = text(values.reason);
  switch (key) {
    case 'register':
      return { ...body, note, priority: values.priority as Priority | undefined, regionCode: text(values.regionCode) };
    case 'reject':
    case 'return':
    case 'suspension':
      return { ...body, reason: reason as string };
    case 'sendToVerify':
      return { ...body, note, regionCode: text(values.regionCode) };
    case 'verifyReport':
      return { ...body, confirmed: values.confirmed === true, note, photos, ...(position ?? {}) };
    case 'merge':
      return { ...body, duplicateOf: text(values.duplicateOf) as string, note };
    case 'dispatch':
      return { ...body, department: values.department as string, note };
    case 'feedback':
      return { ...body, result: text(values.result) as string, photos };
    case 'verify':
      return {
        ...body,
        passed: values.passed === true,
        note,
        ...(photos.length > 0 ? { photos } : {}),
        ...(position ?? {}),
      };
    case 'extension':
      return { ...body, hours: values.hours as number, reason: reason as string };
    case 'decision':
      return { ...body, approved: values.approved === true, note };
    case 'accept':
    case 'resume':
    case 'escalate':
      return { ...body, note };
  }
}

/** JSON.stringify drops undefined, but a clean body is easier to read in tests and logs. */
export function withoutBlanks<B extends object>(body: B): B {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as B;
}
