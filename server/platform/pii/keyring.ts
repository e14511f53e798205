import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Keys for field encryption (AES-256-GCM) and blind indexes (HMAC-SHA-256), kept OUTSIDE the database
 * (DATA-02): a JSON file named by WENMING_KEYS_FILE, or the WENMING_KEYS variable holding the same JSON.
 * Several encryption keys may exist; `active` encrypts new values, the others still decrypt old ones until
 * `wenming keys rotate` has re-encrypted everything.
 */
export interface Keyring {
  readonly activeKeyId: string;
  encryptionKey(keyId: string): Buffer;
  readonly blindIndexKey: Buffer;
  readonly keyIds: readonly string[];
}

export interface KeyFile {
  active: string;
  keys: Record<string, string>;
  blindIndex: string;
}

export class KeyringError extends Error {}

export function keyringFromJson(json: KeyFile): Keyring {
  const keys = new Map(Object.entries(json.keys).map(([id, b64]) => [id, decodeKey(b64, `key ${id}`)]));
  if (!keys.has(json.active)) throw new KeyringError(`the active key "${json.active}" is not among the keys`);
  const blindIndexKey = decodeKey(json.blindIndex, 'blindIndex');
  return {
    activeKeyId: json.active,
    keyIds: [...keys.keys()],
    blindIndexKey,
    encryptionKey(keyId) {
      const key = keys.get(keyId);
      if (!key) throw new KeyringError(`unknown key id "${keyId}"`);
      return key;
    },
  };
}

function decodeKey(b64: string, label: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new KeyringError(`${label} must be 32 bytes, base64-encoded`);
  return key;
}

export function newKeyFile(keyId = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`): KeyFile {
  return {
    active: keyId,
    keys: { [keyId]: randomBytes(32).toString('base64') },
    blindIndex: randomBytes(32).toString('base64'),
  };
}

export interface KeyringSource {
  keysFile?: string | undefined;
  keysJson?: string | undefined;
  /** Demo and development: create `<dataDir>/keys.json` on first start. Never in production. */
  createIn?: string | undefined;
}

export function loadKeyring(source: KeyringSource): Keyring {
  if (source.keysJson) return keyringFromJson(JSON.parse(source.keysJson) as KeyFile);
  const file = source.keysFile ?? (source.createIn ? path.join(source.createIn, 'keys.json') : undefined);
  if (!file) throw new KeyringError('No encryption keys: set WENMING_KEYS_FILE (see `wenming keys new`).');
  if (!fs.existsSync(file)) {
    if (!source.createIn) throw new KeyringError(`The keys file ${file} does not exist.`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(newKeyFile(), null, 2)}\n`, { mode: 0o600 });
  }
  return keyringFromJson(JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile);
}

/** Fixed keys for tests only: deterministic ciphertext inputs, never used outside the test harness. */
export function testKeyring(): Keyring {
  return keyringFromJson({
    active: 'test1',
    keys: { test1: Buffer.alloc(32, 1).toString('base64'), test0: Buffer.alloc(32, 2).toString('base64') },
    blindIndex: Buffer.alloc(32, 3).toString('base64'),
  });
}
