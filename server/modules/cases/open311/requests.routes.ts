import type { FastifyRequest } from 'fastify';
import { defineRoute } from '../../../platform/http/define-route.ts';
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
import { formatOf, open311Route } from './route-support.ts';
import {
  checkOpen311Submission,
  presentSubmission,
  type SubmittedArguments,
  storeOpen311Submission,
} from './submit-request.ts';

/**
 * Public at the HTTP level: the access guard knows sessions and Bearer keys, while GeoReport v2 carries the
 * partner's key as the `api_key` argument. `partnerFromApiKey` checks it before validation (a bad key is the
 * spec's 403 whatever else is wrong) and makes the partner the request's actor.
 */
const keyedByArgument = {
  access: 'public',
  keyArgument: { permission: open311SubmitPermission },
  preValidation: partnerFromApiKey,
} as const;
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

/** The spec's POST body; scoped to the Open311 plugin, so the rest of the app still refuses forms (415). */
export function parseOpen311Forms(scope: TypedApp): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseOpen311Form(String(body)));
  });
}

const postRequest = defineRoute({
  ...open311Route,
  ...keyedByArgument,
  method: 'POST',
  url: '/v2/requests.:format',
  summary: 'GeoReport v2 POST Service Request (form or JSON; Idempotency-Key honoured)',
  bodyLimit: open311BodyLimit,
  schema: { consumes, params: FormatParams, querystring: PostRequestQuery, body: PostRequestBody },
  idempotency: {
    operation: 'open311',
    status: 200,
    // The partner's secret is not part of what a retry must repeat (nor stored in the fingerprint).
    fingerprint: (request) => {
      const { api_key: _secret, ...fingerprint } = request.body;
      return fingerprint;
    },
    // Checked before the transaction, like every report: nothing is written when any of it fails.
    prepare: (request) => checkOpen311Submission(request.ctx, request.body as SubmittedArguments),
    write: (t, checked, request) => storeOpen311Submission(t, checked, request.body as SubmittedArguments),
    respond: (reply, answer, request) =>
      sendOpen311(
        reply.code(answer.statusCode),
        formatOf(request.params.format),
        'service_requests',
        'request',
        presentSubmission(answer.body, request.ctx.locale),
      ),
  },
});

const listRequests = defineRoute({
  ...open311Route,
  method: 'GET',
  url: '/v2/requests.:format',
  summary: 'GeoReport v2 GET Service Requests (filters, paging extension, extensions=true)',
  access: 'public',
  schema: { params: FormatParams, querystring: ServiceRequestsQuery },
  handler: async (request, reply) => {
    const requests = await listOpen311Requests(request.ctx, request.query);
    return sendOpen311(reply, formatOf(request.params.format), 'service_requests', 'request', requests);
  },
});

const readRequest = defineRoute({
  ...open311Route,
  method: 'GET',
  url: '/v2/requests/:service_request_id.:format',
  summary: 'GeoReport v2 GET Service Request',
  access: 'public',
  schema: { params: ServiceRequestParams, querystring: ServiceRequestQuery },
  handler: async (request, reply) => {
    const { service_request_id: id, format } = request.params;
    const requests = await readOpen311Request(request.ctx, id, request.query.extensions === true);
    return sendOpen311(reply, formatOf(format), 'service_requests', 'request', requests);
  },
});

const resolveToken = defineRoute({
  ...open311Route,
  method: 'GET',
  url: '/v2/tokens/:token.:format',
  summary: 'GeoReport v2 GET service_request_id from a token',
  access: 'public',
  schema: { params: TokenParams, querystring: Open311ReadQuery },
  handler: async (request, reply) => {
    const found = await resolveOpen311Token(request.ctx, request.params.token);
    return sendOpen311(reply, formatOf(request.params.format), 'service_requests', 'request', found);
  },
});

const listUpdates = defineRoute({
  ...open311Route,
  ...keyedByArgument,
  method: 'GET',
  url: '/v2/servicerequestupdates.:format',
  summary: 'mySociety GET Service Request Updates (status changes; api_key required)',
  schema: { params: FormatParams, querystring: RequestUpdatesQuery },
  handler: async (request, reply) => {
    const updates = await listRequestUpdates(request.ctx, request.query);
    return sendOpen311(reply, formatOf(request.params.format), 'service_request_updates', 'request_update', updates);
  },
});

const postUpdate = defineRoute({
  ...open311Route,
  ...keyedByArgument,
  method: 'POST',
  url: '/v2/servicerequestupdates.:format',
  summary: "mySociety POST Service Request Update (a partner's comment; the case does not move)",
  bodyLimit: open311BodyLimit,
  schema: { consumes, params: FormatParams, querystring: PostRequestQuery, body: PostUpdateBody },
  handler: async (request, reply) => {
    const recorded = await recordPartnerUpdate(request.ctx, request.body as PartnerUpdateArguments);
    const format = formatOf(request.params.format);
    return sendOpen311(reply, format, 'service_request_updates', 'request_update', [recorded]);
  },
});

/** The request methods of GeoReport v2 and mySociety's updates feed, inside the Open311 plugin's scope. */
export const open311RequestRoutes = [postRequest, listRequests, readRequest, resolveToken, listUpdates, postUpdate];
