import { recordAudit, recordAuditOutside } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import type { PiiCategory } from './pii-field.ts';
import { scrubPersonalNumbers } from './scrub.ts';

/**
 * Reveal (PI-03, AC-04): the one way a clear personal value leaves the server after masking. A caller names
 * the object, the fields and a reason; each field needs its own permission on top of the route's 'pii.reveal';
 * the object must be in the actor's scope; and the reveal is audited — object, field names and reason, never
 * the values (ASVS 8.3.5) — in the transaction that read them, so no value is returned without its audit row.
 *
 * Objects make their fields revealable with a Revealer declared in a manifest's `personalData.revealers`
 * (see user-revealers.ts); adoptManifests registers it.
 */

export interface RevealableField {
  category: PiiCategory;
  /** 'pii.reveal.phone', 'pii.reveal.idcard', 'pii.reveal.health', … */
  permission: string;
  /**
   * The clear value, read with the actor's scope applied (`ctx.actor`). `null` = the object does not exist,
   * lies outside the actor's scope, or holds no value: all three answer 404, so a caller learns nothing from
   * the difference.
   */
  load(ctx: Ctx, objectId: string): Promise<string | null>;
}

export interface Revealer {
  objectType: string;
  fields: Readonly<Record<string, RevealableField>>;
}

export interface RevealRequest {
  objectType: string;
  objectId: string;
  fields: readonly string[];
  reason: string;
}

export const minReasonLength = 4;

const revealers = new Map<string, Revealer>();

export function registerRevealer(revealer: Revealer): void {
  if (revealers.has(revealer.objectType))
    throw new Error(`a revealer for "${revealer.objectType}" is already registered`);
  for (const [name, field] of Object.entries(revealer.fields)) {
    if (!field.permission.startsWith('pii.reveal.')) {
      throw new Error(
        `${revealer.objectType}.${name}: reveal permissions are 'pii.reveal.<what>', got "${field.permission}"`,
      );
    }
  }
  revealers.set(revealer.objectType, revealer);
}

/** What can be revealed, for the permission catalogue and the web app. */
export function revealableFields(): Array<{
  objectType: string;
  field: string;
  permission: string;
  category: PiiCategory;
}> {
  return [...revealers.values()].flatMap((revealer) =>
    Object.entries(revealer.fields).map(([field, spec]) => ({ objectType: revealer.objectType, field, ...spec })),
  );
}

/** Thrown inside the reveal transaction when a field comes back empty; it rolls the transaction back. */
class NothingToReveal extends Error {}

export async function revealPersonalData(ctx: Ctx, request: RevealRequest): Promise<Record<string, string>> {
  const actor = ctx.actor;
  if (!actor) throw AppError.unauthenticated();
  const specs = checkRequest(request);
  if (specs.some(([, spec]) => !actor.permissions.has(spec.permission))) {
    await recordRefusal(ctx, request, specs, 'forbidden');
    throw AppError.forbidden(); // generic: it does not say which field, nor whether the object exists
  }
  try {
    return await tx(ctx, (t) => revealAndAudit(t, request, specs));
  } catch (error) {
    if (!(error instanceof NothingToReveal)) throw error;
    await recordRefusal(ctx, request, specs, 'not_found');
    throw AppError.notFound();
  }
}

/** 400s: a reason of substance, a known object type, known field names. */
function checkRequest(request: RevealRequest): Array<[string, RevealableField]> {
  if ([...request.reason.trim()].length < minReasonLength) {
    throw AppError.field('reason', 'field.min_length', { limit: String(minReasonLength) });
  }
  const revealer = revealers.get(request.objectType);
  if (!revealer) throw AppError.field('objectType', 'field.enum');
  const specs = request.fields.map(
    (name) => [name, Object.hasOwn(revealer.fields, name) ? revealer.fields[name] : undefined] as const,
  );
  if (specs.some(([, spec]) => spec === undefined)) throw AppError.field('fields', 'field.enum');
  return specs as Array<[string, RevealableField]>;
}

async function revealAndAudit(
  t: Ctx,
  request: RevealRequest,
  specs: Array<[string, RevealableField]>,
): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const [name, spec] of specs) {
    const value = await spec.load(t, request.objectId);
    if (value === null) throw new NothingToReveal();
    values[name] = value;
  }
  await recordAudit(t, {
    eventType: 'pii.reveal',
    action: 'reveal',
    outcome: 'success',
    ...auditSubject(request, specs),
  });
  return values;
}

/** Refused reveals are audited too (AC-08): many of them in an hour is what the alert rules look for. */
async function recordRefusal(
  ctx: Ctx,
  request: RevealRequest,
  specs: Array<[string, RevealableField]>,
  reasonCode: 'forbidden' | 'not_found',
): Promise<void> {
  await recordAuditOutside(ctx, {
    eventType: 'pii.reveal',
    action: 'reveal',
    outcome: 'failure',
    reasonCode,
    ...auditSubject(request, specs),
  });
}

/** Field names, categories and the reason; numbers typed into the reason or the id are masked first. */
function auditSubject(request: RevealRequest, specs: Array<[string, RevealableField]>) {
  return {
    objectType: request.objectType,
    objectId: scrubPersonalNumbers(request.objectId),
    details: {
      fields: specs.map(([name]) => name),
      categories: [...new Set(specs.map(([, spec]) => spec.category))],
      reason: scrubPersonalNumbers(request.reason.trim()),
    },
  };
}
