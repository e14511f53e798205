import type { Locale } from '../i18n/locale.ts';
import { adoptedManifests } from '../modules/adopt.ts';

/**
 * A permission in words, in the reader's language, from the manifests' declarations (every permission a role
 * holds is declared with zh/en names: manifest.test.ts); a code nobody declares is shown as stored.
 */
export function permissionNames(codes: readonly string[], locale: Locale): Record<string, string> {
  const declared = new Map(adoptedManifests().flatMap((m) => (m.permissions ?? []).map((p) => [p.key, p[locale]])));
  return Object.fromEntries(codes.map((code) => [code, declared.get(code) ?? code]));
}
