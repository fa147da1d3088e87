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

/** IPv4 ranges no partner feed may make Shortlist connect to (RFC 6890 special-purpose ranges and cloud metadata). */
const BLOCKED_V4 = new BlockList();
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
  BLOCKED_V4.addSubnet(network, prefix, 'ipv4');

/** Special-purpose ranges inside IPv6 global unicast (2000::/3). */
const BLOCKED_V6 = new BlockList();
for (const [network, prefix] of [
  ['2001::', 23], // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing
] as const)
  BLOCKED_V6.addSubnet(network, prefix, 'ipv6');

/** The eight 16-bit words of an IPv6 address, `::` expanded and a dotted IPv4 tail converted. */
function ipv6Words(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted
    ? address.slice(0, dotted.index) +
      [((+dotted[1]! << 8) | +dotted[2]!).toString(16), ((+dotted[3]! << 8) | +dotted[4]!).toString(16)].join(
        ':',
      )
    : address;
  const [head, tail] = text.split('::') as [string, string | undefined];
  const words = (part: string | undefined) => (part ? part.split(':').map((word) => parseInt(word, 16)) : []);
  const [first, last] = [words(head), words(tail)];
  return tail === undefined
    ? first
    : [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

const ipv4Of = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');

/**
 * Whether an IPv6 address is global unicast that reaches the public Internet. An IPv4 address carried inside
 * (mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4 address; the other forms
 * that carry one (IPv4-compatible ::/96, Teredo 2001::/32) are refused.
 */
function isPublicIpv6(address: string): boolean {
  const words = ipv6Words(address);
  const zeros = (count: number) => words.slice(0, count).every((word) => word === 0);
  if (zeros(5) && words[5] === 0xffff) return isPublicIpv4(ipv4Of(words[6]!, words[7]!));
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((word) => word === 0))
    return isPublicIpv4(ipv4Of(words[6]!, words[7]!));
  if (words[0] === 0x2002) return isPublicIpv4(ipv4Of(words[1]!, words[2]!));
  // global unicast is 2000::/3; everything else (::/96, fc00::/7, fe80::/10, fec0::/10, ff00::/8 …) is not
  if ((words[0]! & 0xe000) !== 0x2000) return false;
  return !BLOCKED_V6.check(address, 'ipv6');
}

const isPublicIpv4 = (address: string) => !BLOCKED_V4.check(address, 'ipv4');

/** Why an address may not be fetched from under the policy, or null when it may. */
export function refuseAddress(address: string, policy: FetchPolicy): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return `"${address}" is not an IP address`;
  if (policy.allowPrivate || policy.trustedAddresses?.includes(bare)) return null;
  const isPublic = family === 4 ? isPublicIpv4(bare) : isPublicIpv6(bare);
  return isPublic ? null : `${bare} is a loopback, private, link-local or otherwise non-public address`;
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
