import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { CatalogueStore, Partner, PartnerListing, StoredKey } from '../catalogue/index.ts';

/** Why a key was refused, in words a partner can act on. */
export type KeyRefusal = 'malformed' | 'unknown' | 'revoked';

const KEY_PREFIX = 'slk';
const KEY_PATTERN = /^slk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
// scrypt's cost: ~16 MB and tens of milliseconds per check, so a stolen table is slow to attack
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function hashSecret(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, 32, SCRYPT, (error, derived) => (error ? reject(error) : resolve(derived))),
  );
}

const now = () => new Date().toISOString();
const DECOY_SALT = randomBytes(16);

/**
 * Partner accounts and their API keys. A key is `slk_<key id>_<secret>`: the key id finds the row, the
 * secret is checked against a salted scrypt hash; the key itself is shown once and never stored.
 */
export class PartnerAccounts {
  /** keys checked recently (by a SHA-256 of the whole key), so scrypt runs once per key, not per request */
  private readonly verified = new Map<string, { keyId: string; until: number }>();

  constructor(private readonly store: CatalogueStore) {}

  private get partners() {
    return this.store.partners;
  }

  /** Creates a partner for a provider that exists; returns the key, which cannot be shown again. */
  async create(name: string, providerId: string): Promise<{ partner: Partner; key: string }> {
    const partner: Partner = {
      id: `ptn_${randomBytes(6).toString('hex')}`,
      name,
      providerId,
      createdAt: now(),
    };
    const issued = await this.issueKey();
    this.partners.create(partner, issued);
    return { partner, key: issued.key };
  }

  get(id: string): Partner | undefined {
    return this.partners.get(id);
  }

  list(): PartnerListing[] {
    return this.partners.list();
  }

  /** Issues a new key and revokes the partner's old ones at once. */
  async rotate(partnerId: string): Promise<string> {
    this.require(partnerId);
    const issued = await this.issueKey();
    this.partners.replaceKeys(partnerId, issued);
    return issued.key;
  }

  /** Revokes every key of the partner; returns how many were still valid. */
  revoke(partnerId: string): number {
    this.require(partnerId);
    return this.partners.revokeKeys(partnerId);
  }

  /** The partner a key belongs to, or why it is refused. */
  async authenticate(key: string): Promise<{ partner: Partner } | { refused: KeyRefusal }> {
    const match = KEY_PATTERN.exec(key.trim());
    if (!match) return { refused: 'malformed' };
    const keyId = match[1]!;
    const row = this.partners.key(keyId);
    if (!row) {
      // as slow as a real check, so timing does not tell which key ids exist
      await hashSecret(match[2]!, DECOY_SALT);
      return { refused: 'unknown' };
    }
    const fingerprint = createHash('sha256').update(key.trim()).digest('hex');
    const cached = this.verified.get(fingerprint);
    if (!cached || cached.until < Date.now() || cached.keyId !== keyId) {
      const expected = Buffer.from(row.hash, 'hex');
      const actual = await hashSecret(match[2]!, Buffer.from(row.salt, 'hex'));
      if (!timingSafeEqual(expected, actual)) return { refused: 'unknown' };
      this.verified.set(fingerprint, { keyId, until: Date.now() + 5 * 60_000 });
    }
    // checked on every request, so a revoked key stops working at once
    if (row.revokedAt) return { refused: 'revoked' };
    const partner = this.get(row.partnerId);
    if (!partner) return { refused: 'unknown' };
    // written when no feed is being applied on its thread: the answer does not wait for it
    void this.store
      .writable()
      .then(() => this.partners.keyUsed(keyId))
      .catch(() => {});
    return { partner };
  }

  private require(partnerId: string): void {
    if (!this.get(partnerId)) throw new Error(`no partner "${partnerId}"; see shortlist partner list`);
  }

  private async issueKey(): Promise<StoredKey & { key: string }> {
    const keyId = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16);
    const hash = await hashSecret(secret, salt);
    return {
      key: `${KEY_PREFIX}_${keyId}_${secret}`,
      keyId,
      salt: salt.toString('hex'),
      hash: hash.toString('hex'),
    };
  }
}
