import type { paths } from './schema.gen.ts';

/**
 * Names for the generated types: the web app never redeclares what the server answers, it points at the route.
 * `ResponseOf<'/api/cases/{caseNo}', 'get'>` is the case detail exactly as the server's schema says it.
 */
export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type OperationOf<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<P extends ApiPath, M extends Method> = OperationOf<P, M> extends { responses: infer R } ? R : never;

/** The JSON body of the route's success answer (200 or 201). */
export type ResponseOf<P extends ApiPath, M extends Method> =
  Responses<P, M> extends { 200: infer R } ? JsonOf<R> : Responses<P, M> extends { 201: infer R } ? JsonOf<R> : never;

/** The JSON body the route accepts. */
export type BodyOf<P extends ApiPath, M extends Method> =
  OperationOf<P, M> extends {
    requestBody?: { content: { 'application/json': infer B } };
  }
    ? B
    : never;

/** The route's query parameters. */
export type QueryOf<P extends ApiPath, M extends Method> =
  OperationOf<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

/** One element of a list type. */
export type ItemOf<L> = L extends readonly (infer T)[] ? T : never;
