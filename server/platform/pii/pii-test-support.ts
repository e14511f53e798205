import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { sealColumnValue } from './column-crypto.ts';
import type { Keyring } from './keyring.ts';

/**
 * Test-only. A staff account written straight to the table the way the user store writes it (phone sealed,
 * with its blind index), under any keyring: tests use an older keyring to make values a rotation must move.
 */
export async function insertStaffUser(
  database: Database,
  keyring: Keyring,
  user: { scopeRegion: string; phone?: string | null; loginId?: string },
): Promise<string> {
  const id = randomUUID();
  const loginId = user.loginId ?? `u${id.slice(0, 8)}`;
  const sealed = user.phone ? sealColumnValue(keyring, 'app_user', 'phone_enc', user.phone) : null;
  await database.query(
    `insert into app_user (region_code, id, login_id, login_key, display_name, scope_region, phone_enc, phone_hmac)
     values ('430225', $1, $2, $3, '李四', $4, $5, $6)`,
    [id, loginId, loginId.toLowerCase(), user.scopeRegion, sealed?.value ?? null, sealed?.blindIndex ?? null],
  );
  return id;
}
