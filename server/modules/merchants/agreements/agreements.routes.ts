import { Type } from 'typebox';
import { documentRoutes } from '../../../platform/documents/document-routes.ts';
import { defineRoute, registerRoutes } from '../../../platform/http/define-route.ts';
import type { RouteRegistrar } from '../../../platform/module.ts';
import { merchantPermissions } from '../merchants.permissions.ts';
import { MerchantIdParam } from '../merchants.schema.ts';
import { getAgreement, listMerchantAgreements, loadVisibleAgreement } from './agreement-read.ts';
import { agreementDocument } from './agreement.document.ts';
import { agreementPermissions as P } from './agreements.permissions.ts';
import {
  AgreementIdParam,
  AgreementListSchema,
  AgreementSchema,
  CoverageQuery,
  CoverageSchema,
  DraftBody,
  DraftEditBody,
  RevisionBody,
  SignBody,
  TemplateBody,
  TemplateListSchema,
  TemplateSchema,
  TemplateVersionParam,
  TerminateBody,
} from './agreements.schema.ts';
import { agreementCoverage } from './coverage.ts';
import { discardDraft, drawUpAgreement, editDraft, renewAgreement } from './draw-up-agreement.ts';
import { checkSignature, signAgreement, terminateAgreement } from './sign-agreement.ts';
import { activateTemplateVersion, draftTemplate, listTemplatesFor } from './templates.ts';

const tags = ['merchants'];
const read = { permission: merchantPermissions.read };
const manage = { permission: P.manage };
/** The signature or the signed paper's photo inline (base64 of at most 8 MB), and the text around it. */
const signBodyLimit = 64 * 1024 + Math.ceil((8 * 1_048_576 * 4) / 3);

const templates = [
  defineRoute({
    method: 'GET',
    url: '/api/merchants/agreement-templates',
    summary: 'The versions of the 门前三包责任书 wording (one active)',
    tags,
    access: manage,
    schema: { response: { 200: TemplateListSchema } },
    handler: async (request) => listTemplatesFor(request.ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merchants/agreement-templates',
    summary: 'Write a new version of the wording (a draft until activated; county-wide staff only)',
    tags,
    access: { permission: P.templates },
    schema: { body: TemplateBody, response: { 201: TemplateSchema } },
    handler: async (request, reply) => reply.code(201).send(await draftTemplate(request.ctx, request.body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merchants/agreement-templates/:version/activate',
    summary: 'Activate a draft version: new agreements copy it, the version before retires',
    tags,
    access: { permission: P.templates },
    schema: { params: TemplateVersionParam, response: { 200: TemplateSchema } },
    handler: async (request) => activateTemplateVersion(request.ctx, request.params.version),
  }),
];

const agreements = [
  defineRoute({
    method: 'GET',
    url: '/api/merchants/:id/agreements',
    summary: "A merchant's agreements, newest term first",
    tags,
    access: read,
    schema: { params: MerchantIdParam, response: { 200: AgreementListSchema } },
    handler: async (request) => listMerchantAgreements(request.ctx, request.params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merchants/:id/agreements',
    summary: 'Draw up an agreement for the merchant from the active wording (send an Idempotency-Key)',
    tags,
    access: manage,
    schema: { params: MerchantIdParam, body: DraftBody, response: { 201: AgreementSchema, 200: AgreementSchema } },
    idempotency: {
      operation: 'merchants.agreement.draw_up',
      status: 201,
      prepare: async (request) => ({ id: request.params.id, body: request.body }),
      write: (t, { id, body }) => drawUpAgreement(t, id, body),
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/merchants/agreements/:agreementId',
    summary: 'One agreement (the signer masked)',
    tags,
    access: read,
    schema: { params: AgreementIdParam, response: { 200: AgreementSchema } },
    handler: async (request) => getAgreement(request.ctx, request.params.agreementId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/merchants/agreements/:agreementId',
    summary: "Change a draft's zone, village or term, naming the revision read",
    tags,
    access: manage,
    schema: { params: AgreementIdParam, body: DraftEditBody, response: { 200: AgreementSchema } },
    handler: async (request) => editDraft(request.ctx, request.params.agreementId, request.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merchants/agreements/:agreementId/discard',
    summary: 'Discard a draft never signed',
    tags,
    access: manage,
    schema: { params: AgreementIdParam, body: RevisionBody, response: { 204: Type.Null() } },
    handler: async (request, reply) => {
      await discardDraft(request.ctx, request.params.agreementId, request.body.revision);
      return reply.code(204).send(null);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merchants/agreements/:agreementId/sign',
    summary:
      "Sign: the signer's name and the signature drawn on screen or a photo of the signed paper (send an Idempotency-Key)",
    tags,
    access: manage,
    bodyLimit: signBodyLimit,
    schema: { params: AgreementIdParam, body: SignBody, response: { 200: AgreementSchema } },
    idempotency: {
      operation: 'merchants.agreement.sign',
      status: 200,
      // Checked before the transaction: decoding the image is slow and must not hold the database.
      prepare: async (request) => {
        await loadVisibleAgreement(request.ctx, request.params.agreementId);
        return { id: request.params.agreementId, checked: await checkSignature(request.body) };
      },
      write: (t, { id, checked }) => signAgreement(t, id, checked),
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merchants/agreements/:agreementId/terminate',
    summary: 'End a signed agreement early, with the reason',
    tags,
    access: manage,
    schema: { params: AgreementIdParam, body: TerminateBody, response: { 200: AgreementSchema } },
    handler: async (request) => terminateAgreement(request.ctx, request.params.agreementId, request.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/merchants/agreements/:agreementId/renew',
    summary: 'Draw up the renewal of a signed agreement: the same zone, the next term (send an Idempotency-Key)',
    tags,
    access: manage,
    schema: {
      params: AgreementIdParam,
      body: Type.Partial(DraftBody, { additionalProperties: false }),
      response: { 201: AgreementSchema, 200: AgreementSchema },
    },
    idempotency: {
      operation: 'merchants.agreement.renew',
      status: 201,
      prepare: async (request) => ({ id: request.params.agreementId, body: request.body }),
      write: (t, { id, body }) => renewAgreement(t, id, body),
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/merchants/agreement-coverage',
    summary: 'Agreement coverage by township: merchants in business, covered, missing, ending within 30 days',
    tags,
    access: read,
    schema: { querystring: CoverageQuery, response: { 200: CoverageSchema } },
    handler: async (request) => agreementCoverage(request.ctx, request.query),
  }),
];

export const registerAgreementRoutes: RouteRegistrar = (app) => registerRoutes(app, [...templates, ...agreements]);

/** GET /api/merchants/agreements/:agreementId/documents/agreement.pdf|.docx, its issues, and revoking one. */
export const registerAgreementDocumentRoutes = documentRoutes({
  basePath: '/api/merchants/agreements',
  subjectParam: { name: 'agreementId', schema: AgreementIdParam.properties.agreementId },
  kinds: [agreementDocument],
  readPermission: P.manage,
  revokePermission: P.manage,
  requireSubject: loadVisibleAgreement,
  tag: 'merchants',
});
