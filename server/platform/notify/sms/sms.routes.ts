import { defineRoute, registerRoutes } from '../../http/define-route.ts';
import type { TypedApp } from '../../module.ts';
import { listSmsDeliveries, retrySmsDelivery } from './sms-admin.ts';
import { SmsDeliverySchema, SmsIdParams, SmsListQuery, SmsListSchema } from './sms.schema.ts';

const tags = ['system'];

/** The system administrator's SMS permission (三员: sys_admin, roles.ts): the delivery list and retrying; named system.* as every sys_admin permission is (role-matrix test). */
export const smsManagePermission = 'system.sms';
const manage = { permission: smsManagePermission };

const list = defineRoute({
  method: 'GET',
  url: '/api/system/sms',
  summary: 'SMS deliveries, newest first: template, masked phone, status, attempts, last error',
  tags,
  access: manage,
  schema: { querystring: SmsListQuery, response: { 200: SmsListSchema } },
  handler: async (request) => listSmsDeliveries(request.ctx, request.query),
});

const retry = defineRoute({
  method: 'POST',
  url: '/api/system/sms/:id/retry',
  summary: 'Send a message that was given up (dead) again',
  tags,
  access: manage,
  schema: { params: SmsIdParams, response: { 200: SmsDeliverySchema } },
  handler: async (request) => retrySmsDelivery(request.ctx, request.params.id),
});

export function registerSmsRoutes(app: TypedApp): void {
  registerRoutes(app, [list, retry]);
}
