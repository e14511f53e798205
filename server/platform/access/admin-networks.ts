import net from 'node:net';

/** Permissions that only the three administrators hold: their interfaces may be limited to known networks. */
export const administratorPermission = /^(users|roles|security|apikeys|audit|sessions|system)\./;

/**
 * 等保 L3-CES1-19 (AC-06): the administrators' interfaces answer only from the listed networks
 * (`WENMING_ADMIN_NETWORKS=10.20.0.0/16,192.168.8.10`). Unset = no restriction (a single-site demo).
 */
export function parseAdminNetworks(spec: string | undefined): net.BlockList | null {
  if (!spec?.trim()) return null;
  const list = new net.BlockList();
  for (const entry of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split('/');
    const family = net.isIP(address ?? '');
    if (!family) throw new Error(`WENMING_ADMIN_NETWORKS: "${entry}" is not an address or CIDR`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

export function isAllowedAdminAddress(list: net.BlockList | null, ip: string): boolean {
  if (!list) return true;
  const mapped = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const family = net.isIP(mapped);
  return family !== 0 && list.check(mapped, family === 6 ? 'ipv6' : 'ipv4');
}
