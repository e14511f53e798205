import { S } from '../http/schema.ts';
import type { TypedApp } from '../module.ts';
import { RevealBody, RevealResponse } from './pii.schema.ts';
import { revealPersonalData } from './reveal.ts';

const tags = ['pii'];

/** Personal-data protection: the audited reveal of masked fields (PI-03, AC-04). */
export function registerPiiRoutes(app: TypedApp): void {
  app.post(
    '/api/pii/reveal',
    {
      config: { access: { permission: 'pii.reveal' } },
      schema: {
        tags,
        summary: 'Reveal masked personal fields of one object, with a reason (audited, values never logged)',
        body: RevealBody,
        response: { 200: RevealResponse, 400: S.error(), 401: S.error(), 403: S.error(), 404: S.error() },
      },
    },
    async (request) => ({ values: await revealPersonalData(request.ctx, request.body) }),
  );
}
