import { BlockList, isIP } from 'node:net';

/** Where a feed URL may point. Strict by default: https to public addresses only. */
export interface FetchPolicy {
  /** plain http, for local demos and tests */
  allowHttp: boolean;
  /** loopback, private, link-local and other non-public addresses, for local demos and tests */
  allowPrivate: boolean;
  /** exact addresses trusted although not public (an intranet feed server) */
  trustedAddresses?: readonly string[];
}

export const STRICT_POLICY: FetchPolicy = { allowHttp: false, allowPrivate: false };

/** Addresses no partner feed may make Shortlist connect to (RFC 6890 special-purpose ranges and cloud metadata). */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local, including fd00:ec2::254 (cloud metadata)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (::ffff:10.0.0.1, 64:ff9b::a00:1). */
function embeddedIpv4(address: string): string | null {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Why an address may not be fetched from under the policy, or null when it may. */
export function refuseAddress(address: string, policy: FetchPolicy): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return `"${address}" is not an IP address`;
  if (policy.allowPrivate || policy.trustedAddresses?.includes(bare)) return null;
  const inner = family === 6 ? embeddedIpv4(bare) : null;
  const blocked = inner ? BLOCKED.check(inner, 'ipv4') : BLOCKED.check(bare, family === 4 ? 'ipv4' : 'ipv6');
  return blocked ? `${bare} is a loopback, private, link-local or otherwise non-public address` : null;
}

/** Why a URL may not be fetched from under the policy (scheme, credentials, an IP literal), or null. */
export function refuseUrl(url: URL, policy: FetchPolicy): string | null {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    return `only https:// feed URLs are fetched (got ${url.protocol}//)`;
  if (url.username || url.password) return 'feed URLs may not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return refuseAddress(host, policy);
  if (!policy.allowPrivate && /(^|\.)(?:localhost|local|internal|localdomain)$/i.test(host))
    return `${host} is a local host name`;
  return null;
}
