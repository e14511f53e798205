import { S } from '../../../platform/http/schema.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { casePermissions as P } from '../case-flow.ts';
import {
  DepartmentBody,
  DepartmentParams,
  PolicyBody,
  RouteBody,
  RouteParams,
  RouteQuery,
  SettingsSchema,
} from './settings.schema.ts';
import { deleteRoute, readSettings, saveDepartment, savePolicy, saveRoute } from './settings.service.ts';

const tags = ['cases'];
const errors = { 400: S.error(), 401: S.error(), 403: S.error(), 404: S.error() };
const configure = { access: { permission: P.configure } };

/** The 创文办's settings for the loop: time limits where the catalogue has none, 督办 ladder, departments, routing. */
export function registerCaseSettingsRoutes(app: TypedApp): void {
  app.get(
    '/api/cases/settings',
    {
      config: configure,
      schema: { tags, summary: 'The county’s loop settings', response: { 200: SettingsSchema, ...errors } },
    },
    async (request) => readSettings(request.ctx),
  );
  app.put(
    '/api/cases/settings/policy',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Default stage limits, duplicate radius, 督办 ladder, extension cap',
        body: PolicyBody,
        response: { 200: SettingsSchema, ...errors },
      },
    },
    async (request) => savePolicy(request.ctx, request.body),
  );
  app.put(
    '/api/cases/settings/departments/:key',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Add or edit a handling department',
        params: DepartmentParams,
        body: DepartmentBody,
        response: { 200: SettingsSchema, ...errors },
      },
    },
    async (request) => saveDepartment(request.ctx, request.params.key, request.body),
  );
  app.put(
    '/api/cases/settings/routes/:categoryCode',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Send a code to a department (county-wide or in one township)',
        params: RouteParams,
        body: RouteBody,
        response: { 200: SettingsSchema, ...errors },
      },
    },
    async (request) => saveRoute(request.ctx, request.params.categoryCode, request.body),
  );
  app.delete(
    '/api/cases/settings/routes/:categoryCode',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Remove a routing rule',
        params: RouteParams,
        querystring: RouteQuery,
        response: { 200: SettingsSchema, ...errors },
      },
    },
    async (request) => deleteRoute(request.ctx, request.params.categoryCode, request.query.areaCode ?? ''),
  );
}
