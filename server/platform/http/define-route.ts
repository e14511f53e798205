import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  ContextConfigDefault,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { Access } from '../access/access.ts';
import type { KeyArgument } from '../access/key-argument.ts';
import type { TypedApp } from '../module.ts';
import { type IdempotentWrite, idempotentHandler } from './idempotent-write.ts';
import { type RateLimitClassName, spendRateLimit } from './rate-limit.ts';
import { S } from './schema.ts';

/** What a route validates and documents; the shared error answers are added by `defineRoute`. */
export interface RouteSchema {
  params?: TSchema;
  querystring?: TSchema;
  headers?: TSchema;
  body?: TSchema;
  response?: Record<number, TSchema>;
  /** For the OpenAPI document: the content types the body may come in (JSON when absent). */
  consumes?: readonly string[];
}

export type RouteRequest<Schema extends RouteSchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  Schema,
  TypeBoxTypeProvider
>;
export type RouteReply<Schema extends RouteSchema> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  ContextConfigDefault,
  Schema,
  TypeBoxTypeProvider
>;
/** A handler typed from the route's schemas: params, query, headers and body in, the response schema out. */
export type RouteHandler<Schema extends RouteSchema> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  Schema,
  TypeBoxTypeProvider
>;
type RouteHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

interface RouteParts<Schema extends RouteSchema> {
  method: HTTPMethods;
  url: string;
  summary: string;
  /** For the OpenAPI document: more than the summary says (what the answer means, side effects). */
  description?: string;
  /** Left out of the OpenAPI document (and so of the generated client): operators' endpoints such as /metrics. */
  hidden?: true;
  tags: readonly string[];
  /** A permission, or `'public'`: checked by the access guard before the body is read or validated. */
  access: Access;
  schema?: Schema;
  /** A budget class the request spends from on arrival, before its body is read (rate-limit.ts). */
  rateLimit?: RateLimitClassName;
  bodyLimit?: number;
  /** Public to the guard; the route takes a partner's key as its `api_key` argument (key-argument.ts). */
  keyArgument?: KeyArgument;
  /** An unsafe method whose answer never depends on the session (photo-uploads: the citizen's by secret). */
  csrfExempt?: boolean;
  /** Statuses the route answers besides the shared set (415 for a raw upload, …). */
  errors?: readonly number[];
  /** `false` for routes that answer errors in another shape (Open311's spec body): no shared error schemas. */
  sharedErrors?: false;
  /** Route-level hooks after the app's own (identity, guard): what a plugin scope cannot say for all its routes. */
  preValidation?: RouteHook;
  preHandler?: RouteHook;
}

export interface PlainRoute<Schema extends RouteSchema> extends RouteParts<Schema> {
  handler: RouteHandler<Schema>;
}

/** A write deduplicated by its Idempotency-Key: `prepare` outside the transaction, `write` inside it. */
export interface IdempotentRoute<Schema extends RouteSchema, Prepared, Answer> extends RouteParts<Schema> {
  idempotency: IdempotentWrite<RouteRequest<Schema>, RouteReply<Schema>, Prepared, Answer>;
}

/** Registers one declared route on an app (or a plugin scope); a module route file registers a list of them. */
export type DefinedRoute = (app: TypedApp) => void;

/**
 * One route as one declaration (DESIGN rule 1): access, schemas, the shared error set, an optional idempotent
 * write, an optional rate-limit class, and the OpenAPI security that the document derives from the access
 * (openapi-security.ts). The handler is typed from the schemas.
 */
export function defineRoute<const Schema extends RouteSchema>(route: PlainRoute<Schema>): DefinedRoute;
export function defineRoute<const Schema extends RouteSchema, Prepared, Answer>(
  route: IdempotentRoute<Schema, Prepared, Answer>,
): DefinedRoute;
export function defineRoute(
  route: PlainRoute<RouteSchema> | IdempotentRoute<RouteSchema, unknown, unknown>,
): DefinedRoute {
  const handler = 'idempotency' in route ? idempotentHandler(route.idempotency, route) : route.handler;
  const rateLimit = route.rateLimit;
  return (app) => {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit !== undefined ? { bodyLimit: route.bodyLimit } : {}),
      config: routeConfig(route),
      ...(rateLimit ? { onRequest: (request: FastifyRequest) => spendRateLimit(request, rateLimit) } : {}),
      ...(route.preValidation ? { preValidation: route.preValidation } : {}),
      ...(route.preHandler ? { preHandler: route.preHandler } : {}),
      schema: routeSchema(route),
      handler: handler as RouteHandlerMethod,
    });
  };
}

/** Registers a module's routes in order. */
export function registerRoutes(app: TypedApp, routes: readonly DefinedRoute[]): void {
  for (const register of routes) register(app);
}

function routeConfig(route: RouteParts<RouteSchema>) {
  return {
    access: route.access,
    ...(route.keyArgument ? { keyArgument: route.keyArgument } : {}),
    ...(route.csrfExempt ? { csrfExempt: true } : {}),
  };
}

function routeSchema(route: RouteParts<RouteSchema> & { idempotency?: unknown }) {
  const { response, consumes, ...inputs } = route.schema ?? {};
  const errors = route.sharedErrors === false ? {} : errorResponses(sharedErrorStatuses(route));
  const responses = { ...errors, ...response };
  return {
    tags: [...route.tags],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.hidden ? { hide: true } : {}),
    ...(consumes ? { consumes: [...consumes] } : {}),
    ...inputs,
    ...(Object.keys(responses).length > 0 ? { response: responses } : {}),
  };
}

const safeMethods = new Set<string>(['GET', 'HEAD', 'OPTIONS']);

/**
 * The error answers a route can give, from what it declares: 400 always (a query, a header, an idempotency key);
 * 503 always (the database out of reach, the server stopping: every route may meet either); 401/403 behind a
 * permission; 404 with a path parameter; 409 and 422 for writes (state and business rules);
 * 413 with a body; 422 with an idempotency key reused; 429 with a rate-limit class.
 */
export function sharedErrorStatuses(route: RouteParts<RouteSchema> & { idempotency?: unknown }): number[] {
  const write = !safeMethods.has(route.method);
  const statuses = new Set<number>([400, 503, ...(route.errors ?? [])]);
  if (route.access !== 'public' || route.keyArgument) statuses.add(401).add(403);
  if (route.url.includes(':')) statuses.add(404);
  if (write) statuses.add(409).add(422);
  if (route.schema?.body || route.bodyLimit !== undefined) statuses.add(413);
  if (route.idempotency) statuses.add(422);
  if (route.rateLimit) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

/** What a 503 means, in the OpenAPI document: a client retries it after `Retry-After`, unlike any other error. */
const unavailable = {
  description:
    'database_unavailable (the database cannot be reached), shutting_down (this instance is stopping) or, ' +
    'where photos are sent, photos_busy (every photo slot is taken): ' +
    'retry after Retry-After, with the same Idempotency-Key for a write',
  headers: { 'Retry-After': Type.Integer({ minimum: 1, description: 'seconds to wait before retrying' }) },
};

function errorResponses(statuses: readonly number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, status === 503 ? S.error(unavailable) : S.error()]));
}
