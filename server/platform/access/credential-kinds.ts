import type { FastifyRequest } from 'fastify';
import { integrationPermissions } from './integration-permissions.ts';

/**
 * Who stands behind a request, as far as the access guard is concerned (issue 9 item 2): nobody; a person whose
 * sign-in still has a step pending (an MFA code, MFA enrolment, a password change); a person fully signed in
 * (MFA passed where a role requires it); or a partner system's API key.
 */
export const credentialKinds = ['anonymous', 'session_pending', 'session', 'api_key'] as const;
export type CredentialKind = (typeof credentialKinds)[number];

/** What a pending session may do: finish its step and see who it is. */
const pendingStepPermissions: ReadonlySet<string> = new Set(['self.profile', 'self.mfa', 'self.password']);

/**
 * Whether a credential of this kind may exercise the permission at all — on top of the actor holding it. Keys
 * carry integration permissions only, so a reveal, an export or an administrator's power always needs a person;
 * a user actor without a live session behind it counts as nobody (fail closed).
 */
export function credentialMayCarry(
  kind: CredentialKind,
  permission: string,
  integration: ReadonlySet<string> = integrationPermissions(),
): boolean {
  switch (kind) {
    case 'anonymous':
      return false;
    case 'api_key':
      return integration.has(permission);
    case 'session_pending':
      return pendingStepPermissions.has(permission);
    case 'session':
      return true;
  }
}

export function credentialKindOf(request: FastifyRequest): CredentialKind {
  const actor = request.ctx.actor;
  if (!actor) return 'anonymous';
  if (actor.kind === 'api_key') return 'api_key';
  if (!request.session) return 'anonymous';
  return request.session.pending ? 'session_pending' : 'session';
}
