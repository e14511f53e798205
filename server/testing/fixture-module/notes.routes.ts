import { defineRoute, registerRoutes } from '../../platform/http/define-route.ts';
import type { RouteRegistrar } from '../../platform/module.ts';
import { listNotesFor } from './list-notes.ts';
import { notePermissions as P } from './notes.permissions.ts';
import { NoteListSchema, NotesQuery } from './notes.schema.ts';

const noteList = defineRoute({
  method: 'GET',
  url: '/api/notes',
  summary: 'Notes in your area',
  tags: ['notes'],
  access: { permission: P.read },
  schema: { querystring: NotesQuery, response: { 200: NoteListSchema } },
  handler: async (request) => listNotesFor(request.ctx, request.query),
});

export const registerNoteRoutes: RouteRegistrar = (app) => registerRoutes(app, [noteList]);
