import { defineRoute, registerRoutes } from '../../platform/http/define-route.ts';
import type { RouteRegistrar } from '../../platform/module.ts';
import { editMerchant } from './edit-merchant.ts';
import { checkMerchant } from './merchant-input.ts';
import { merchantPermissions as P } from './merchants.permissions.ts';
import {
  MerchantBody,
  MerchantEditBody,
  MerchantIdParam,
  MerchantListQuery,
  MerchantListSchema,
  MerchantSchema,
} from './merchants.schema.ts';
import { getMerchant, listMerchantsFor } from './read-merchants.ts';
import { registerMerchant } from './register-merchant.ts';

const tags = ['merchants'];

const merchantList = defineRoute({
  method: 'GET',
  url: '/api/merchants',
  summary: 'Merchants in your area: filters and paging',
  tags,
  access: { permission: P.read },
  schema: { querystring: MerchantListQuery, response: { 200: MerchantListSchema } },
  handler: async (request) => listMerchantsFor(request.ctx, request.query),
});

const merchantOne = defineRoute({
  method: 'GET',
  url: '/api/merchants/:id',
  summary: "One merchant's record (the operator masked)",
  tags,
  access: { permission: P.read },
  schema: { params: MerchantIdParam, response: { 200: MerchantSchema } },
  handler: async (request) => getMerchant(request.ctx, request.params.id),
});

const merchantRegister = defineRoute({
  method: 'POST',
  url: '/api/merchants',
  summary: 'Register a merchant (send an Idempotency-Key)',
  tags,
  access: { permission: P.manage },
  schema: { body: MerchantBody, response: { 201: MerchantSchema, 200: MerchantSchema } },
  idempotency: {
    operation: 'merchants.register',
    status: 201,
    prepare: (request) => checkMerchant(request.ctx, request.body),
    write: (t, checked) => registerMerchant(t, checked),
  },
});

const merchantEdit = defineRoute({
  method: 'PUT',
  url: '/api/merchants/:id',
  summary: "Edit a merchant's record, naming the revision read (a stale one is a 409)",
  tags,
  access: { permission: P.manage },
  schema: { params: MerchantIdParam, body: MerchantEditBody, response: { 200: MerchantSchema } },
  handler: async (request) => {
    const { status, revision, ...fields } = request.body;
    const checked = await checkMerchant(request.ctx, fields);
    return editMerchant(request.ctx, request.params.id, checked, { status, revision });
  },
});

export const registerMerchantRoutes: RouteRegistrar = (app) =>
  registerRoutes(app, [merchantList, merchantOne, merchantRegister, merchantEdit]);
