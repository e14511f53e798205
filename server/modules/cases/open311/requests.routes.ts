import type { FastifyRequest } from 'fastify';
import { idempotencyHeader, idempotencyKeyOf, runIdempotent } from '../../../platform/delivery/idempotency.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { actorFromOpen311Key, open311SubmitPermission } from './api-key.ts';
import { sendOpen311 } from './format.ts';
import {
  FormatParams,
  Open311ReadQuery,
  PostRequestBody,
  PostRequestQuery,
  PostUpdateBody,
  RequestUpdatesQuery,
  ServiceRequestParams,
  ServiceRequestQuery,
  ServiceRequestsQuery,
  TokenParams,
} from './open311.schema.ts';
import { type PartnerUpdateArguments, recordPartnerUpdate } from './post-update.ts';
import { listOpen311Requests, readOpen311Request, resolveOpen311Token } from './read-requests.ts';
import { flattenOpen311Body, parseOpen311Form } from './request-body.ts';
import { listRequestUpdates } from './request-updates.ts';
import { formatOf } from './route-support.ts';
import {
  checkOpen311Submission,
  presentSubmission,
  type SubmittedArguments,
  storeOpen311Submission,
} from './submit-request.ts';

const tags = ['open311'];
/**
 * Public at the HTTP level: the access guard knows sessions and Bearer keys, while GeoReport v2 carries the
 * partner's key as the `api_key` argument. `partnerFromApiKey` checks it before validation (a bad key is the
 * spec's 403 whatever else is wrong) and makes the partner the request's actor.
 */
const keyedByArgument = { access: 'public' as const, keyArgument: { permission: open311SubmitPermission } };
const publicRead = { access: 'public' as const };
/**
 * A POST carries text only (no photos; media_url is not fetched): 4000 characters of description
 * percent-encoded (up to 36 KB), ten media URLs and the short arguments fit with room to spare.
 */
export const open311BodyLimit = 128 * 1024;
/** For the OpenAPI document: the spec's form first, JSON as well. */
const consumes = ['application/x-www-form-urlencoded', 'application/json'];

async function partnerFromApiKey(request: FastifyRequest): Promise<void> {
  request.body = flattenOpen311Body(request.body);
  const fromBody = (request.body as Record<string, unknown> | undefined)?.api_key;
  const fromQuery = (request.query as Record<string, unknown>).api_key;
  const apiKey = typeof fromBody === 'string' ? fromBody : typeof fromQuery === 'string' ? fromQuery : undefined;
  const actor = await actorFromOpen311Key(request.ctx, apiKey);
  request.ctx = { ...request.ctx, actor };
}

/** The request methods of GeoReport v2 and mySociety's updates feed, inside the Open311 plugin's scope. */
export function registerOpen311RequestRoutes(scope: TypedApp): void {
  // The spec's POST body; scoped to this plugin, so the rest of the app still refuses forms (415).
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseOpen311Form(String(body)));
  });

  scope.post(
    '/v2/requests.:format',
    {
      config: keyedByArgument,
      bodyLimit: open311BodyLimit,
      preValidation: partnerFromApiKey,
      schema: {
        tags,
        summary: 'GeoReport v2 POST Service Request (form or JSON; Idempotency-Key honoured)',
        consumes,
        params: FormatParams,
        querystring: PostRequestQuery,
        body: PostRequestBody,
      },
    },
    async (request, reply) => {
      const args = request.body as SubmittedArguments;
      const key = idempotencyKeyOf(request.headers[idempotencyHeader]);
      // Checked before the transaction, like every report: nothing is written when any of it fails.
      const checked = await checkOpen311Submission(request.ctx, args);
      const { api_key: _secret, ...fingerprint } = request.body;
      const result = await runIdempotent(
        request.ctx,
        { scope: `open311:${request.ctx.actor?.id}`, key, body: fingerprint },
        async (t) => ({
          statusCode: 200,
          body: await storeOpen311Submission(t, checked, args),
        }),
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return sendOpen311(
        reply.code(result.statusCode),
        formatOf(request.params.format),
        'service_requests',
        'request',
        presentSubmission(result.body, request.ctx.locale),
      );
    },
  );

  scope.get(
    '/v2/requests.:format',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'GeoReport v2 GET Service Requests (filters, paging extension, extensions=true)',
        params: FormatParams,
        querystring: ServiceRequestsQuery,
      },
    },
    async (request, reply) => {
      const requests = await listOpen311Requests(request.ctx, request.query);
      return sendOpen311(reply, formatOf(request.params.format), 'service_requests', 'request', requests);
    },
  );

  scope.get(
    '/v2/requests/:service_request_id.:format',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'GeoReport v2 GET Service Request',
        params: ServiceRequestParams,
        querystring: ServiceRequestQuery,
      },
    },
    async (request, reply) => {
      const requests = await readOpen311Request(
        request.ctx,
        request.params.service_request_id,
        request.query.extensions === true,
      );
      return sendOpen311(reply, formatOf(request.params.format), 'service_requests', 'request', requests);
    },
  );

  scope.get(
    '/v2/tokens/:token.:format',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'GeoReport v2 GET service_request_id from a token',
        params: TokenParams,
        querystring: Open311ReadQuery,
      },
    },
    async (request, reply) => {
      const found = await resolveOpen311Token(request.ctx, request.params.token);
      return sendOpen311(reply, formatOf(request.params.format), 'service_requests', 'request', found);
    },
  );

  scope.get(
    '/v2/servicerequestupdates.:format',
    {
      config: keyedByArgument,
      preValidation: partnerFromApiKey,
      schema: {
        tags,
        summary: 'mySociety GET Service Request Updates (status changes; api_key required)',
        params: FormatParams,
        querystring: RequestUpdatesQuery,
      },
    },
    async (request, reply) => {
      const updates = await listRequestUpdates(request.ctx, request.query);
      return sendOpen311(reply, formatOf(request.params.format), 'service_request_updates', 'request_update', updates);
    },
  );

  scope.post(
    '/v2/servicerequestupdates.:format',
    {
      config: keyedByArgument,
      bodyLimit: open311BodyLimit,
      preValidation: partnerFromApiKey,
      schema: {
        tags,
        summary: "mySociety POST Service Request Update (a partner's comment; the case does not move)",
        consumes,
        params: FormatParams,
        querystring: PostRequestQuery,
        body: PostUpdateBody,
      },
    },
    async (request, reply) => {
      const recorded = await recordPartnerUpdate(request.ctx, request.body as PartnerUpdateArguments);
      return sendOpen311(reply, formatOf(request.params.format), 'service_request_updates', 'request_update', [
        recorded,
      ]);
    },
  );
}
