import { BlockList, isIP } from 'node:net';

/** `::ffff:203.0.113.7`, `203.0.113.7:5555` and `[2001:db8::1]:443`, as sockets and proxies write them: the address alone. */
export function plainAddress(entry: string): string {
  const address = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)?.[1];
  const withPort = /^([\d.]+):\d+$/.exec(address)?.[1];
  return (bracketed ?? withPort ?? address).replace(/^::ffff:(?=[\d.]+$)/i, '');
}
const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

function parseRange(entry: string): { address: string; bits?: number } | undefined {
  const [, address = '', prefix] = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry) ?? [];
  const bits = prefix === undefined ? undefined : Number(prefix);
  if (!isIP(address) || (bits !== undefined && bits > (isIP(address) === 6 ? 128 : 32))) return undefined;
  return { address, bits };
}

/**
 * The reverse proxies in front of Shortlist (addresses and CIDR ranges). A request that comes from one of them is
 * from the address its proxies recorded in `X-Forwarded-For`: read from the right, the first one that is not a
 * trusted proxy. A request from anywhere else is from its connection's address, whatever it claims.
 */
export class TrustedProxies {
  private readonly list = new BlockList();

  /** `value`: e.g. `127.0.0.1, 10.0.0.0/8, 2001:db8::/32`; throws naming an entry that is neither. */
  constructor(value: string) {
    const entries = value.split(',').map((entry) => entry.trim());
    for (const entry of entries.filter(Boolean)) {
      const range = parseRange(entry);
      if (!range)
        throw new Error(`"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8 or 2001:db8::/32)`);
      if (range.bits === undefined) this.list.addAddress(range.address, family(range.address));
      else this.list.addSubnet(range.address, range.bits, family(range.address));
    }
  }

  private trusts(address: string): boolean {
    return isIP(address) !== 0 && this.list.check(address, family(address));
  }

  /** The client's address, given the connection's and the request's `X-Forwarded-For` header. */
  clientAddress(peer: string | undefined, forwardedFor: string | undefined): string | undefined {
    let client = peer && plainAddress(peer);
    if (!client || !this.trusts(client)) return client;
    for (const hop of (forwardedFor ?? '').split(',').map(plainAddress).filter(Boolean).reverse()) {
      client = hop;
      if (!this.trusts(hop)) break;
    }
    return client;
  }
}
