import { type Static, Type } from 'typebox';
import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { tx } from '../../db/tx.ts';
import { defineRoute, registerRoutes } from '../../http/define-route.ts';
import { S } from '../../http/schema.ts';
import type { TypedApp } from '../../module.ts';
import { readSetting, writeSetting } from '../../settings/settings.store.ts';
import type { AuthSettings } from '../auth-config.ts';
import { liftToFloors, securityBounds } from './policy-floors.ts';

const int = ([minimum, maximum]: readonly [number, number]) => Type.Integer({ minimum, maximum });
const floors = securityBounds.policy;

/** Every value within its 等保 floor and ceiling (policy-floors.ts): below a floor is a field error. */
export const SecurityPolicySchema = S.object({
  policy: S.object({
    minLength: int(floors.minLength),
    maxLength: int(floors.maxLength),
    minClasses: int(floors.minClasses),
    maxAgeDays: int(floors.maxAgeDays),
    historyCount: int(floors.historyCount),
    lockoutThreshold: int(floors.lockoutThreshold),
    lockoutMinutes: int(floors.lockoutMinutes),
  }),
  absoluteHours: int(securityBounds.absoluteHours),
  ipFailureLimit: int(securityBounds.ipFailureLimit),
  ipWindowMinutes: int(securityBounds.ipWindowMinutes),
});
type SecurityPolicy = Static<typeof SecurityPolicySchema>;

const settingKey = 'security.settings';

/**
 * Applies the saved policy over the defaults, into the settings object the app shares (read at each request),
 * lifted to the floors: a value saved before they existed does not weaken the installation.
 */
export async function loadSecuritySettings(db: Db, countyCode: string, into: AuthSettings): Promise<void> {
  const saved = await readSetting<SecurityPolicy>(db, countyCode, settingKey);
  if (!saved) return;
  const { policy, absoluteHours, ipFailureLimit, ipWindowMinutes } = into;
  const lifted = liftToFloors({
    policy: { ...policy, ...saved.policy },
    absoluteHours,
    ipFailureLimit,
    ipWindowMinutes,
    ...pickSession(saved),
  });
  Object.assign(into, lifted);
}

function pickSession(saved: Partial<SecurityPolicy>) {
  const { absoluteHours, ipFailureLimit, ipWindowMinutes } = saved;
  return Object.fromEntries(
    Object.entries({ absoluteHours, ipFailureLimit, ipWindowMinutes }).filter(([, v]) => typeof v === 'number'),
  );
}

function current(ctx: Ctx): SecurityPolicy {
  const { policy, absoluteHours, ipFailureLimit, ipWindowMinutes } = ctx.security;
  return { policy: { ...policy }, absoluteHours, ipFailureLimit, ipWindowMinutes };
}

/** Saves the policy (audited with what it was) and puts it in force for every request from now on. */
async function saveSecurityPolicy(ctx: Ctx, next: SecurityPolicy): Promise<SecurityPolicy> {
  const before = current(ctx);
  await tx(ctx, async (t) => {
    await writeSetting(t.db, t.countyCode, settingKey, next, t.clock());
    await recordAudit(t, {
      eventType: 'security.policy',
      action: 'update',
      objectType: 'setting',
      objectId: settingKey,
      details: { before, after: next },
    });
  });
  Object.assign(ctx.security, { ...next, policy: { ...next.policy } });
  return current(ctx);
}

const access = { permission: 'security.policy' };

const readPolicy = defineRoute({
  method: 'GET',
  url: '/api/admin/security-policy',
  summary: 'Password, lockout and session policy',
  tags: ['admin'],
  access,
  schema: { response: { 200: SecurityPolicySchema } },
  handler: async (request) => current(request.ctx),
});

const changePolicy = defineRoute({
  method: 'PUT',
  url: '/api/admin/security-policy',
  summary: 'Change the policy',
  tags: ['admin'],
  access,
  schema: { body: SecurityPolicySchema, response: { 200: SecurityPolicySchema } },
  handler: async (request) => saveSecurityPolicy(request.ctx, request.body),
});

/** The security administrator's policy page (等保: 安全管理员 sets the security parameters). */
export function registerSecurityPolicyRoutes(app: TypedApp): void {
  registerRoutes(app, [readPolicy, changePolicy]);
}
