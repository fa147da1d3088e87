import { createHash } from 'node:crypto';

/** Shortlist's own namespace for name-based UUIDs (RFC 9562 version 5); fixed forever, or every id changes. */
const NAMESPACE = Buffer.from('6f1c2a8e4b7d4e0f9a35c2d81b6e7f40', 'hex');

/**
 * A stable `urn:uuid:` for a name: the same name always gives the same URN, wherever Shortlist is served from, so a
 * feed reader recognises an entry it has seen even when the site moves.
 */
export function nameUrn(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
