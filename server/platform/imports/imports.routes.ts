import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../http/app-error.ts';
import { type DefinedRoute, defineRoute, registerRoutes } from '../http/define-route.ts';
import type { RouteRegistrar } from '../module.ts';
import type { AnyImportKind } from './import-kind.ts';
import { countHandouts } from './handouts.store.ts';
import { listOwnRuns, listRowErrors } from './imports.store.ts';
import { presentKind, presentRowError, presentRun } from './imports.presenter.ts';
import {
  CommitBody,
  EmptyBody,
  ImportKindSchema,
  ImportRunPageSchema,
  ImportRunSchema,
  PageQuery,
  RowErrorPageSchema,
  RunIdParams,
  UploadQuery,
} from './imports.schema.ts';
import { defaultImportLimits, type ImportLimits } from './limits.ts';
import { discardRun, ownRun, requestCommit, takeRunHandouts } from './run-actions.ts';
import { errorReportOf } from './error-report.ts';
import { tooLarge, uploadRun } from './upload-run.ts';
import { queueRunWork } from './queue.ts';
import { streamed, writeHandouts, writeTemplate, xlsxType } from './xlsx-files.ts';

/** The upload body is the file itself, as the browser's file picker gives it; its type is read from its bytes. */
export const uploadContentTypes = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/**
 * The raw request stream, handed to the handler wrapped: the app's body checks (storable-text.ts walks a parsed
 * body's plain objects) must see an opaque value, not the socket's object graph, which is large and cyclic.
 */
class UploadStream {
  readonly [Symbol.toStringTag] = 'UploadStream';
  constructor(readonly stream: Readable) {}
}

const fileSchema = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: '.xlsx file' });

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function readRoutes(kind: AnyImportKind, base: string, limits: ImportLimits): DefinedRoute[] {
  const access = { permission: kind.permission };
  const tags = ['imports'];
  return [
    defineRoute({
      method: 'GET',
      url: base,
      summary: `${kind.title.en}: the import's columns`,
      tags,
      access,
      schema: { response: { 200: ImportKindSchema } },
      handler: async (request) => presentKind(request.ctx, kind, limits.maxBytes),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/template.xlsx`,
      summary: `${kind.title.en}: the template to fill in`,
      tags,
      access,
      schema: { response: { 200: fileSchema } },
      handler: async (request, reply) => {
        const ctx = request.ctx;
        const options = kind.options?.(await kind.reference(ctx)) ?? {};
        return reply
          .header('content-type', xlsxType)
          .header('content-disposition', attachment(`${kind.key}-template.xlsx`))
          .send(streamed((out) => writeTemplate(out, kind, options, ctx.locale)));
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/runs`,
      summary: `${kind.title.en}: my imports, newest first`,
      tags,
      access,
      schema: { querystring: PageQuery, response: { 200: ImportRunPageSchema } },
      handler: async (request) => {
        const { page = 1, pageSize = 20 } = request.query;
        const ctx = request.ctx;
        const scope = { kind: 'owner', userId: ctx.actor!.id } as const;
        const { rows, total } = await listOwnRuns(ctx.db, ctx.countyCode, scope, kind.key, {
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        return { items: rows.map((run) => presentRun(ctx, run, 0)), total, page, pageSize };
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/runs/:id`,
      summary: `${kind.title.en}: one import, its counts and progress`,
      tags,
      access,
      schema: { params: RunIdParams, response: { 200: ImportRunSchema } },
      handler: async (request) => {
        const run = await ownRun(request.ctx, kind, request.params.id);
        return presentRun(request.ctx, run, await countHandouts(request.ctx.db, request.ctx.countyCode, run));
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/runs/:id/errors`,
      summary: `${kind.title.en}: the rejected rows, by row`,
      tags,
      access,
      schema: { params: RunIdParams, querystring: PageQuery, response: { 200: RowErrorPageSchema } },
      handler: async (request) => {
        const { page = 1, pageSize = 20 } = request.query;
        const run = await ownRun(request.ctx, kind, request.params.id);
        const { rows, total } = await listRowErrors(request.ctx.db, request.ctx.countyCode, run, {
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        return { items: rows.map((e) => presentRowError(request.ctx, kind, e)), total, page, pageSize };
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/runs/:id/errors.xlsx`,
      summary: `${kind.title.en}: the error report`,
      tags,
      access,
      schema: { params: RunIdParams, response: { 200: fileSchema } },
      handler: async (request, reply) => {
        const { run, body } = await errorReportOf(request.ctx, kind, request.params.id);
        return reply
          .header('content-type', xlsxType)
          .header('content-disposition', attachment(`errors-${run.fileName}.xlsx`))
          .send(body);
      },
    }),
  ];
}

function writeRoutes(kind: AnyImportKind, base: string): DefinedRoute[] {
  const access = { permission: kind.permission };
  const tags = ['imports'];
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/runs/:id/commit`,
      summary: `${kind.title.en}: commit all-or-nothing, or the valid rows`,
      tags,
      access,
      schema: { params: RunIdParams, body: CommitBody, response: { 202: ImportRunSchema } },
      handler: async (request, reply) => {
        const run = await requestCommit(request.ctx, kind, request.params.id, request.body.mode, queueRunWork);
        return reply.code(202).send(presentRun(request.ctx, run, 0));
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/runs/:id/discard`,
      summary: `${kind.title.en}: drop an import not committed`,
      tags,
      access,
      schema: { params: RunIdParams, body: EmptyBody, response: { 200: ImportRunSchema } },
      handler: async (request) => presentRun(request.ctx, await discardRun(request.ctx, kind, request.params.id), 0),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/runs/:id/handouts.xlsx`,
      summary: `${kind.title.en}: the initial passwords the commit created, downloadable once`,
      tags,
      access,
      schema: { params: RunIdParams, body: EmptyBody, response: { 200: fileSchema } },
      handler: async (request, reply) => {
        const handouts = await takeRunHandouts(request.ctx, kind, request.params.id);
        const locale = request.ctx.locale;
        return reply
          .header('content-type', xlsxType)
          .header('cache-control', 'no-store')
          .header('content-disposition', attachment(`${kind.key}-passwords.xlsx`))
          .send(streamed((out) => writeHandouts(out, locale, handouts)));
      },
    }),
  ];
}

function uploadRoute(kind: AnyImportKind, base: string, limits: ImportLimits): DefinedRoute {
  return defineRoute({
    method: 'POST',
    url: `${base}/runs`,
    summary: `${kind.title.en}: upload a filled-in template (.xlsx or .csv as the body); the dry run starts`,
    tags: ['imports'],
    access: { permission: kind.permission },
    bodyLimit: limits.maxBytes,
    schema: { consumes: uploadContentTypes, querystring: UploadQuery, response: { 201: ImportRunSchema } },
    handler: async (request, reply) => {
      // No body at all (no content type, or an empty request) is an empty file, not a server error.
      if (!(request.body instanceof UploadStream)) throw AppError.field('file', 'imports.file.empty');
      const body = request.body.stream;
      const run = await uploadRun(request.ctx, kind, body, request.query.fileName, limits, queueRunWork);
      return reply.code(201).send(presentRun(request.ctx, run, 0));
    },
  });
}

/**
 * The routes of one import kind under /api/imports/<kind>, behind the kind's own permission: a module lists
 * `importRoutes(kind)` among its manifest's routes (and the kind in `imports`). The upload takes the raw file as
 * its body, streamed to disk (never whole in memory); a declared size over the limit is refused before a byte.
 */
export function importRoutes(kind: AnyImportKind, limits: ImportLimits = defaultImportLimits): RouteRegistrar {
  const base = `/api/imports/${kind.key}`;
  return async (app) => {
    registerRoutes(app, [...readRoutes(kind, base, limits), ...writeRoutes(kind, base)]);
    await app.register(async (plugin) => {
      const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(uploadContentTypes, (_request, payload, done) =>
        done(null, new UploadStream(payload)),
      );
      scope.addHook('onRequest', async (request: FastifyRequest) => {
        if (Number(request.headers['content-length'] ?? 0) > limits.maxBytes) throw tooLarge(limits);
      });
      registerRoutes(scope, [uploadRoute(kind, base, limits)]);
    });
  };
}
