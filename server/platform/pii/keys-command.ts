import fs from 'node:fs';
import { type Config, keyringFor } from '../../config.ts';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { type KeyFile, type Keyring, keyringFromJson, newKeyFile } from './keyring.ts';
import { keyUsage, rotateEncryptedColumns } from './rotate.ts';

/**
 * `wenming keys …` — the key file lives outside the database (DATA-02), so creating and changing it is the
 * operator's step and the command only prints JSON; nothing here writes a key file.
 *
 *   keys new      a fresh key file (first installation)
 *   keys add      the configured key file with a new key added and made active (old keys kept to decrypt)
 *   keys rotate   re-encrypt every value still on an older key with the active one; prints counts
 *   keys status   how many values of each encrypted column are on which key
 *
 * Rotating: `wenming keys add > keys.next.json`, install it as WENMING_KEYS_FILE, restart, `wenming keys
 * rotate`, check `wenming keys status`, then drop the old key from the file. The blind-index key is never
 * changed by these steps: changing it would orphan every index column.
 */

export const keysUsage = `Usage: wenming keys <new|add|rotate|status>
  new      print a fresh key file (JSON) to stdout
  add      print the configured key file with a new active key added
  rotate   re-encrypt all values on older keys with the active key
  status   count encrypted values by key id`;

export interface KeysOptions {
  /** Where the lines go (stdout by default). */
  out?(text: string): void;
  /** Opens the configured database, migrated (the CLI: openPreparedDatabase with the manifests; tests their own). */
  openDatabase?(config: Config, keyring: Keyring): Promise<Database>;
}

export class KeysUsageError extends Error {}

export async function keysCommand(args: readonly string[], config: Config, options: KeysOptions = {}): Promise<void> {
  const [sub] = args;
  const io = { out: options.out ?? ((text: string) => console.log(text)) };
  const withSystemCtx = (run: (ctx: Ctx) => Promise<void>) =>
    withDatabase(config, options.openDatabase ?? noDatabase, run);
  switch (sub) {
    case 'new':
      return io.out(JSON.stringify(newKeyFile(), null, 2));
    case 'add':
      return io.out(JSON.stringify(withNewActiveKey(readKeyFile(config)), null, 2));
    case 'rotate':
      return withSystemCtx(async (ctx) => {
        for (const r of await rotateEncryptedColumns(ctx)) {
          io.out(
            `${r.table}.${r.column}: ${r.reencrypted} re-encrypted${r.failed ? `, ${r.failed} FAILED to decrypt` : ''}`,
          );
        }
      });
    case 'status':
      return withSystemCtx(async (ctx) => {
        io.out(`active key: ${ctx.keyring.activeKeyId}`);
        for (const u of await keyUsage(ctx)) io.out(`${u.table}.${u.column}: ${u.count} on ${u.keyId}`);
      });
    default:
      throw new KeysUsageError(keysUsage);
  }
}

/** A new random key under a new id, made active; the existing keys and the blind-index key stay. */
export function withNewActiveKey(current: KeyFile, keyId?: string): KeyFile {
  const fresh = newKeyFile(keyId);
  let id = fresh.active;
  for (let n = 2; id in current.keys; n += 1) id = `${fresh.active}_${n}`; // two rotations on one day
  const next = {
    active: id,
    keys: { ...current.keys, [id]: fresh.keys[fresh.active]! },
    blindIndex: current.blindIndex,
  };
  keyringFromJson(next); // validates the result before anyone installs it
  return next;
}

function readKeyFile(config: Config): KeyFile {
  if (config.keysJson) return JSON.parse(config.keysJson) as KeyFile;
  if (!config.keysFile)
    throw new KeysUsageError('keys add reads the key file named by WENMING_KEYS_FILE (or WENMING_KEYS).');
  return JSON.parse(fs.readFileSync(config.keysFile, 'utf8')) as KeyFile;
}

/** rotate and status read the database: the caller says how to open it (the platform imports no manifest). */
async function noDatabase(): Promise<Database> {
  throw new Error('keys rotate and status need KeysOptions.openDatabase');
}

async function withDatabase(
  config: Config,
  open: (config: Config, keyring: Keyring) => Promise<Database>,
  run: (ctx: Ctx) => Promise<void>,
): Promise<void> {
  const keyring = keyringFor(config);
  const database = await open(config, keyring);
  try {
    await run(systemCtx(database, { countyCode: config.countyCode, keyring }));
  } finally {
    await database.close();
  }
}
