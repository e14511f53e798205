import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: the OWASP baseline, AUTH-07). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

// Verifying against this when the login id is unknown makes "no such user" cost the same time as a wrong
// password, so response timing does not reveal which accounts exist (AUTH-03).
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash('wenming-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
