import { columnContext } from './field-crypto.ts';
import type { NotPersonalColumn, PiiCategory, PiiField } from './pii-field.ts';
import { notPersonalPlatformColumns, platformPiiFields } from './platform-fields.ts';

/**
 * The personal-information field registry (PI-01, PIPL art. 51(二) 分类管理): one entry per database column
 * that holds personal information, with why it is processed, on what legal basis, how long it is kept, how it
 * is masked and whether it is encrypted. A catalog test fails on any column that looks personal and is not
 * here, and on any entry whose column does not exist, so the registry cannot drift from the schema.
 *
 * A module declares its columns in its manifest (`personalData.fields`); adoptManifests registers them.
 */

export class PiiRegistryError extends Error {}

const fields = new Map<string, PiiField>();
const notPersonal = new Map<string, NotPersonalColumn>();

const keyOf = (table: string, column: string) => `${table}.${column}`;

export function registerPiiFields(entries: readonly PiiField[]): void {
  for (const entry of entries) {
    const key = keyOf(entry.table, entry.column);
    if (fields.has(key) || notPersonal.has(key)) throw new PiiRegistryError(`${key} is registered twice`);
    const problem = entryProblem(entry);
    if (problem) throw new PiiRegistryError(`${key}: ${problem}`);
    fields.set(key, Object.freeze({ ...entry }));
  }
}

export function registerNotPersonal(entries: readonly NotPersonalColumn[]): void {
  for (const entry of entries) {
    const key = keyOf(entry.table, entry.column);
    if (fields.has(key) || notPersonal.has(key)) throw new PiiRegistryError(`${key} is registered twice`);
    if (entry.reason.trim().length < 4) throw new PiiRegistryError(`${key}: say why it is not personal`);
    notPersonal.set(key, Object.freeze({ ...entry }));
  }
}

export function piiFields(): readonly PiiField[] {
  return [...fields.values()];
}

export function piiField(table: string, column: string): PiiField | undefined {
  return fields.get(keyOf(table, column));
}

export function notPersonalColumns(): readonly NotPersonalColumn[] {
  return [...notPersonal.values()];
}

/** The encryption context of a registered encrypted column. */
export function encryptionContextOf(field: PiiField): string {
  return field.cryptoContext ?? columnContext(field.table, field.column);
}

/** PIPL art. 28 categories are sensitive by law; a registry entry cannot say otherwise. */
const sensitiveByLaw: ReadonlySet<PiiCategory> = new Set([
  'identity',
  'health',
  'special_status',
  'minor',
  'financial',
]);
/** DATA-02: ID numbers, diagnoses and bank accounts are encrypted at rest. */
const encryptedByRule: ReadonlySet<PiiCategory> = new Set(['identity', 'health', 'financial']);

/** Why an entry is inconsistent, or null. Exported for the registry test. */
export function entryProblem(entry: PiiField): string | null {
  if (!/^[a-z_][a-z0-9_]*$/.test(entry.table) || !/^[a-z_][a-z0-9_]*$/.test(entry.column))
    return 'not a SQL identifier';
  if (entry.purpose.trim().length < 4) return 'purpose must say why the column is processed (PI-02)';
  if (entry.retention.trim().length < 2) return 'retention rule missing (PIPL art. 19)';
  if (sensitiveByLaw.has(entry.category) && !entry.sensitive) return `${entry.category} is sensitive (PIPL art. 28)`;
  if (encryptedByRule.has(entry.category) && !entry.encrypted && !entry.derivedFrom)
    return `${entry.category} must be encrypted (DATA-02)`;
  if (entry.blindIndexColumn && !entry.encrypted) return 'a blind index belongs to an encrypted column';
  if (entry.blindIndexColumn && !entry.blindIndexKind) return 'blindIndexKind says how to normalise the value';
  if (entry.revealPermission && !entry.revealPermission.startsWith('pii.reveal.'))
    return "reveal permissions are 'pii.reveal.<what>'";
  if (entry.category === 'auth_secret' && (entry.mask !== 'secret' || entry.revealPermission))
    return 'secrets are never shown or revealed';
  if (entry.derivedFrom && (entry.mask !== 'secret' || entry.revealPermission))
    return 'derived columns are never shown';
  return null;
}

registerPiiFields(platformPiiFields);
registerNotPersonal(notPersonalPlatformColumns);
