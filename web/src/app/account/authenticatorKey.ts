/** The base32 key in groups of four (`JBSW Y3DP …`), so it can be read and typed by hand without losing place. */
export function groupedKey(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
