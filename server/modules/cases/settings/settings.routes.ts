import { defineRoute, registerRoutes } from '../../../platform/http/define-route.ts';
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
const access = { permission: P.configure };
const response = { 200: SettingsSchema };

const settings = defineRoute({
  method: 'GET',
  url: '/api/cases/settings',
  summary: 'The county’s loop settings',
  tags,
  access,
  schema: { response },
  handler: async (request) => readSettings(request.ctx),
});

const policy = defineRoute({
  method: 'PUT',
  url: '/api/cases/settings/policy',
  summary: 'Default stage limits, duplicate radius, 督办 ladder, extension cap',
  tags,
  access,
  schema: { body: PolicyBody, response },
  handler: async (request) => savePolicy(request.ctx, request.body),
});

const department = defineRoute({
  method: 'PUT',
  url: '/api/cases/settings/departments/:key',
  summary: 'Add or edit a handling department',
  tags,
  access,
  schema: { params: DepartmentParams, body: DepartmentBody, response },
  handler: async (request) => saveDepartment(request.ctx, request.params.key, request.body),
});

const routing = defineRoute({
  method: 'PUT',
  url: '/api/cases/settings/routes/:categoryCode',
  summary: 'Send a code to a department (county-wide or in one township)',
  tags,
  access,
  schema: { params: RouteParams, body: RouteBody, response },
  handler: async (request) => saveRoute(request.ctx, request.params.categoryCode, request.body),
});

const removeRouting = defineRoute({
  method: 'DELETE',
  url: '/api/cases/settings/routes/:categoryCode',
  summary: 'Remove a routing rule',
  tags,
  access,
  schema: { params: RouteParams, querystring: RouteQuery, response },
  handler: async (request) => deleteRoute(request.ctx, request.params.categoryCode, request.query.areaCode ?? ''),
});

/** The 创文办's settings for the loop: time limits where the catalogue has none, 督办 ladder, departments, routing. */
export function registerCaseSettingsRoutes(app: TypedApp): void {
  registerRoutes(app, [settings, policy, department, routing, removeRouting]);
}
