import { defineRoute, registerRoutes } from '../http/define-route.ts';
import type { TypedApp } from '../module.ts';
import { RevealBody, RevealResponse } from './pii.schema.ts';
import { revealPersonalData } from './reveal.ts';

const reveal = defineRoute({
  method: 'POST',
  url: '/api/pii/reveal',
  summary: 'Reveal masked personal fields of one object, with a reason (audited, values never logged)',
  tags: ['pii'],
  access: { permission: 'pii.reveal' },
  // 404: the object named in the body is unknown or outside the actor's scope.
  errors: [404],
  schema: { body: RevealBody, response: { 200: RevealResponse } },
  handler: async (request) => ({ values: await revealPersonalData(request.ctx, request.body) }),
});

/** Personal-data protection: the audited reveal of masked fields (PI-03, AC-04). */
export function registerPiiRoutes(app: TypedApp): void {
  registerRoutes(app, [reveal]);
}
