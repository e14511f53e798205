import { parsePublicUrl } from '../../../config.ts';
import type { Ctx } from '../../context.ts';
import { adoptedManifests } from '../../modules/adopt.ts';
import { localSmsGateway } from './local-gateway.ts';
import type { SmsGateway } from './sms-gateway.ts';
import type { SmsTemplate } from './sms-templates.ts';

/** The gateways this build has adapters for; a provider's adapter adds its name and its credentials' variables. */
export const smsGatewayKinds = ['local'] as const;
export type SmsGatewayKind = (typeof smsGatewayKinds)[number];

/** How this installation sends SMS, from its environment. */
export interface SmsSetup {
  /** `WENMING_SMS_GATEWAY`, default `local` (the stand-in: records, sends nothing). */
  gateway: SmsGatewayKind;
  /** `WENMING_SMS_SIGN_NAME`: the 签名 approved with the provider, without 【】. */
  signName: string;
  /** The public address templates write as `{site}` (`WENMING_PUBLIC_URL`, else http://localhost:<PORT>). */
  site: string;
  /**
   * `WENMING_SMS_TEMPLATE_CODES`, a JSON object `{ "cases.accepted": "SMS_123456789" }`: the ids the provider gave
   * this installation's filed templates, over the manifests' defaults (each account files its own templates).
   */
  templateCodes: Readonly<Record<string, string>>;
}

export const defaultSmsSignName = '文明创建';

/** Parsed at start (the manifest's prepare step) and by each sender run; a wrong value stops the server. */
export function smsSetupFrom(env: NodeJS.ProcessEnv): SmsSetup {
  const gateway = (env.WENMING_SMS_GATEWAY ?? '').trim() || 'local';
  if (!(smsGatewayKinds as readonly string[]).includes(gateway))
    throw new Error(`WENMING_SMS_GATEWAY must be one of ${smsGatewayKinds.join(', ')}, got "${gateway}"`);
  const signName = (env.WENMING_SMS_SIGN_NAME ?? '').trim() || defaultSmsSignName;
  // Providers approve 2–12 characters of Chinese or letters; 【】 are added by the gateway.
  if (signName.length > 12 || /[【】\p{Cc}]/u.test(signName))
    throw new Error(`WENMING_SMS_SIGN_NAME must be at most 12 characters without 【】, got "${signName}"`);
  const site = parsePublicUrl(env.WENMING_PUBLIC_URL) ?? `http://localhost:${env.PORT ?? '3000'}`;
  return { gateway: gateway as SmsGatewayKind, signName, site, templateCodes: templateCodesFrom(env) };
}

function templateCodesFrom(env: NodeJS.ProcessEnv): Record<string, string> {
  const raw = (env.WENMING_SMS_TEMPLATE_CODES ?? '').trim();
  if (raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('WENMING_SMS_TEMPLATE_CODES must be a JSON object of template key → provider template id');
  }
  const entries = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : null;
  if (!entries || entries.some(([, code]) => typeof code !== 'string' || code.trim() === ''))
    throw new Error('WENMING_SMS_TEMPLATE_CODES must be a JSON object of template key → provider template id');
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * Every template the adopted manifests declare (the registry: modules declare, the platform reads), with the
 * installation's own template ids where `WENMING_SMS_TEMPLATE_CODES` gives them.
 */
export function declaredSmsTemplates(setup: Pick<SmsSetup, 'templateCodes'> = { templateCodes: {} }): SmsTemplate[] {
  return adoptedManifests()
    .flatMap((manifest) => [...(manifest.smsTemplates ?? [])])
    .map((template) => {
      const code = setup.templateCodes[template.key];
      return code ? { ...template, templateCode: code } : template;
    });
}

/** The adapter the setup names, bound to this context (the stand-in records through it). */
export function smsGatewayFor(ctx: Ctx, setup: SmsSetup): SmsGateway {
  switch (setup.gateway) {
    case 'local':
      return localSmsGateway(ctx, { templates: declaredSmsTemplates(setup), site: setup.site });
  }
}
