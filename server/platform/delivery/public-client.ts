import { createHmac } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import type { MessageCatalogue } from '../i18n/locale.ts';

/** Its messages, listed by the platform manifest that installs them (no registration on import). */
export const deviceIdMessages: MessageCatalogue = {
  zh: { 'client.device_id_invalid': '设备标识须为 16–64 位字母、数字或 - _' },
  en: { 'client.device_id_invalid': 'The device id must be 16–64 letters, digits, - or _' },
};

/**
 * The header the public web app sends with every anonymous write: a random id it keeps in the browser's
 * storage. It is not proof of anything (a client can send another one each time): it lets the limits on
 * anonymous writes tell phones apart behind one carrier address (CGNAT) and gives each phone its own
 * idempotency keys. The address limit stays the backstop.
 */
export const deviceIdHeader = 'x-device-id';
const deviceIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** An anonymous client as the server tells it apart; every part is a keyed hash, never the id or address itself. */
export interface PublicClient {
  /** The device the public page names, or null when the request names none. */
  device: string | null;
  address: string;
  /** Whose anonymous writes these are: the device, else the address (idempotency scopes, budgets). */
  own: string;
}

/** The client behind an anonymous request; a malformed device id is a 400 on its header. */
export function publicClientOf(ctx: Pick<Ctx, 'keyring' | 'ip'>, header: string | string[] | undefined): PublicClient {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw !== undefined && !deviceIdPattern.test(raw)) throw AppError.field('X-Device-Id', 'client.device_id_invalid');
  const device = raw === undefined ? null : clientTag(ctx.keyring.blindIndexKey, 'device', raw);
  const address = clientTag(ctx.keyring.blindIndexKey, 'address', ctx.ip);
  return { device, address, own: device === null ? `a.${address}` : `d.${device}` };
}

/** Keyed (an address hashed without a key could be found again by trying all of them), short, and per kind. */
function clientTag(key: Buffer, kind: 'device' | 'address', value: string): string {
  return createHmac('sha256', key).update(`public-client:${kind}:${value}`, 'utf8').digest('base64url').slice(0, 32);
}
