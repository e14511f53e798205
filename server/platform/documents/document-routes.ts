import { type TSchema, Type } from 'typebox';
import { publicBaseUrl } from '../../config.ts';
import type { Ctx } from '../context.ts';
import { type DefinedRoute, defineRoute, registerRoutes } from '../http/define-route.ts';
import { AppError } from '../http/app-error.ts';
import { S } from '../http/schema.ts';
import type { RouteRegistrar } from '../module.ts';
import type { AnyDocumentKind, DocumentFormat } from './document-kind.ts';
import { IssuedDocumentListSchema, IssuedDocumentSchema, RevokeBody, RevokeParams } from './documents.schema.ts';
import { listIssuesOf } from './documents.store.ts';
import { issueDocument } from './issue-document.ts';
import { revokeDocument } from './revoke-document.ts';
import { presentIssued } from './verify-document.ts';

/** How a module exposes its document kinds: under its own path, with its own permissions. */
export interface DocumentRouteOptions {
  /** The module's API path: '/api/cases'. */
  basePath: string;
  /** The path parameter naming the record, and its schema: 'caseNo'. */
  subjectParam: { name: string; schema: TSchema };
  kinds: readonly AnyDocumentKind[];
  /** To list a record's documents and reach the print route; each kind then checks its own issue permission. */
  readPermission: string;
  /** To reach the revoke route; each kind then checks its own revoke permission. */
  revokePermission: string;
  /**
   * Checks the record is in the reader's scope (the module's audited 404) before its issues are listed; a light
   * read, where a kind's `load` reads everything it prints. Defaults to the first kind's `load`.
   */
  requireSubject?: (ctx: Ctx, subjectRef: string) => Promise<unknown>;
  tag: string;
}

const fileParam = Type.String({
  pattern: '^[a-z][a-z0-9-]{1,40}\\.(pdf|docx)$',
  description: '<kind>.pdf or <kind>.docx',
});
const slugOf = (kind: AnyDocumentKind) => kind.key.slice(kind.key.indexOf('.') + 1);

function kindOfFile(
  kinds: readonly AnyDocumentKind[],
  file: string,
): { kind: AnyDocumentKind; format: DocumentFormat } {
  const dot = file.lastIndexOf('.');
  const kind = kinds.find((k) => slugOf(k) === file.slice(0, dot));
  if (!kind) throw AppError.notFound('what.document');
  return { kind, format: file.slice(dot + 1) as DocumentFormat };
}

/**
 * The routes a module's manifest lists for its document kinds:
 * GET `<base>/:<ref>/documents/<kind>.pdf|.docx` issues (or re-prints) and downloads, answering the code in
 * `x-document-code`; GET `<base>/:<ref>/documents` lists the record's issues; POST `<base>/documents/:code/revoke`.
 */
export function documentRoutes(options: DocumentRouteOptions): RouteRegistrar {
  return (app, deps) => {
    const baseUrl = publicBaseUrl(deps.config);
    registerRoutes(app, [printRoute(options, baseUrl), listRoute(options), revokeRoute(options)]);
  };
}

function printRoute(o: DocumentRouteOptions, baseUrl: string): DefinedRoute {
  return defineRoute({
    method: 'GET',
    url: `${o.basePath}/:${o.subjectParam.name}/documents/:file`,
    summary: `Print a document (${o.kinds.map(slugOf).join(', ')}) as PDF or .docx: issued once per content, audited`,
    tags: [o.tag],
    access: { permission: o.readPermission },
    schema: {
      params: S.object({ [o.subjectParam.name]: o.subjectParam.schema, file: fileParam }),
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'PDF or .docx' }) },
    },
    handler: async (request, reply) => {
      const params = request.params as Record<string, string>;
      const { kind, format } = kindOfFile(o.kinds, params.file ?? '');
      const file = await issueDocument(request.ctx, kind, params[o.subjectParam.name] ?? '', format, baseUrl);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-document-code', file.code)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
}

function listRoute(o: DocumentRouteOptions): DefinedRoute {
  return defineRoute({
    method: 'GET',
    url: `${o.basePath}/:${o.subjectParam.name}/documents`,
    summary: 'The documents issued for this record, newest first, with whether the reader may revoke each',
    tags: [o.tag],
    access: { permission: o.readPermission },
    schema: {
      params: S.object({ [o.subjectParam.name]: o.subjectParam.schema }),
      response: { 200: IssuedDocumentListSchema },
    },
    handler: async (request) => {
      const ctx = request.ctx;
      const ref = (request.params as Record<string, string>)[o.subjectParam.name] ?? '';
      const [first] = o.kinds;
      // The record in scope first (the kinds of one module read the same record type).
      if (o.requireSubject) await o.requireSubject(ctx, ref);
      else if (first) await first.load(ctx, ref);
      const subject = { subjectType: first?.subjectType ?? '', subjectRef: ref };
      const rows = await listIssuesOf(
        ctx.db,
        ctx.countyCode,
        subject,
        o.kinds.map((k) => k.key),
      );
      const permissions = ctx.actor?.permissions ?? new Set<string>();
      return { items: rows.map((row) => presentIssued(row, o.kinds, permissions)) };
    },
  });
}

function revokeRoute(o: DocumentRouteOptions): DefinedRoute {
  return defineRoute({
    method: 'POST',
    url: `${o.basePath}/documents/:code/revoke`,
    summary: 'Revoke an issued document with a reason (audited); its verification page then shows 已作废',
    tags: [o.tag],
    access: { permission: o.revokePermission },
    schema: { params: RevokeParams, body: RevokeBody, response: { 200: IssuedDocumentSchema } },
    handler: async (request) =>
      revokeDocument(request.ctx, { code: request.params.code, reason: request.body.reason }, o.kinds),
  });
}
