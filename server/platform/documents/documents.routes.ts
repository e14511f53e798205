import { defineRoute, registerRoutes } from '../http/define-route.ts';
import type { RouteRegistrar } from '../module.ts';
import { adoptedManifests } from '../modules/adopt.ts';
import { VerificationSchema, VerifyParams } from './documents.schema.ts';
import { verifyDocument } from './verify-document.ts';

/** Every kind the adopted manifests declare (adopted before any route registers). */
const declaredKinds = () => adoptedManifests().flatMap((manifest) => manifest.documents ?? []);

/**
 * GET /api/verify/:code — public, rate-limited ('public-read'): what the QR on a printed document leads to.
 * Unknown and malformed codes are both 404; the answer carries nothing personal beyond the kind's public fields.
 */
export const registerVerifyRoutes: RouteRegistrar = (app) => {
  registerRoutes(app, [
    defineRoute({
      method: 'GET',
      url: '/api/verify/:code',
      summary: 'Verify a printed document by its code: kind, issuer, date, content hash and whether it was revoked',
      tags: ['documents'],
      access: 'public',
      rateLimit: 'public-read',
      schema: { params: VerifyParams, response: { 200: VerificationSchema } },
      handler: async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return verifyDocument(request.ctx, request.params.code, declaredKinds());
      },
    }),
  ]);
};
