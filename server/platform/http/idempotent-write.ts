import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../access/access.ts';
import type { KeyArgument } from '../access/key-argument.ts';
import type { Ctx } from '../context.ts';
import {
  type IdempotentResult,
  idempotencyHeader,
  idempotencyKeyOf,
  idempotentReplayedHeader,
  runIdempotent,
} from '../delivery/idempotency.ts';
import { publicClientOfRequest } from './rate-limit.ts';

/**
 * A write from the field, run at most once per Idempotency-Key (DESIGN rule 5). The slow checks that must not
 * hold the database (photo decoding) go in `prepare`, outside the transaction; `write` runs inside it and its
 * answer is sealed with the key, so a retry gets the first answer back, marked `idempotent-replayed: true`.
 */
export interface IdempotentWrite<Request extends FastifyRequest, Reply extends FastifyReply, Prepared, Answer> {
  /** Names the write in the key's scope (`cases.report`); the scope adds whose keys they are. */
  operation: string;
  /** The status of a first answer (a replay gives back the stored one). */
  status: number;
  /** What a retry must repeat to get the first answer (default: the body); another one is a 422. */
  fingerprint?: (request: Request) => unknown;
  prepare?: (request: Request) => Promise<Prepared>;
  write: (t: Ctx, prepared: Prepared, request: Request) => Promise<Answer>;
  /** Sends the answer when it is not plain JSON (Open311's XML); default `reply.code(status).send(body)`. */
  respond?: (reply: Reply, answer: IdempotentResult<Answer>, request: Request) => unknown;
}

interface KeyOwnerRoute {
  access: Access;
  keyArgument?: KeyArgument;
}

/**
 * Whose keys these are, so two callers who happen to pick one key never see each other's answer: the signed-in
 * person or partner, or on an anonymous route the citizen's device (else address), whatever session the
 * browser also carries.
 */
function keyOwner(route: KeyOwnerRoute, request: FastifyRequest): string {
  if (route.access === 'public' && !route.keyArgument) return `citizen:${publicClientOfRequest(request).own}`;
  return String(request.ctx.actor?.id);
}

export function idempotentHandler<Request extends FastifyRequest, Reply extends FastifyReply, Prepared, Answer>(
  spec: IdempotentWrite<Request, Reply, Prepared, Answer>,
  route: KeyOwnerRoute,
) {
  return async (request: Request, reply: Reply): Promise<unknown> => {
    const key = idempotencyKeyOf(request.headers[idempotencyHeader]);
    const prepared = (spec.prepare ? await spec.prepare(request) : undefined) as Prepared;
    const scope = `${spec.operation}:${keyOwner(route, request)}`;
    const body = spec.fingerprint ? spec.fingerprint(request) : request.body;
    const answer = await runIdempotent(request.ctx, { scope, key, body }, async (t) => ({
      statusCode: spec.status,
      body: await spec.write(t, prepared, request),
    }));
    if (answer.replayed) reply.header(idempotentReplayedHeader, 'true');
    if (spec.respond) return spec.respond(reply, answer, request);
    return reply.code(answer.statusCode).send(answer.body);
  };
}
