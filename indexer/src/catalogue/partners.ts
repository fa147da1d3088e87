import type { CatalogueDatabase } from './database.ts';

export interface Partner {
  id: string;
  name: string;
  providerId: string;
  createdAt: string;
}

export interface PartnerKeyInfo {
  keyId: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface PartnerListing extends Partner {
  keys: PartnerKeyInfo[];
}

/** A partner key as stored: its public id, and the salted hash of its secret (hex). */
export interface StoredKey {
  keyId: string;
  salt: string;
  hash: string;
}

const now = () => new Date().toISOString();

/** Partner accounts and their keys; the keys' secrets are never stored, only their hashes. */
export class Partners {
  constructor(private readonly db: CatalogueDatabase) {}

  create(partner: Partner, key: StoredKey): void {
    this.db.transaction(() => {
      this.db
        .sql('INSERT INTO partners (id, name, provider_id, created_at) VALUES (?, ?, ?, ?)')
        .run(partner.id, partner.name, partner.providerId, partner.createdAt);
      this.storeKey(partner.id, key);
    });
  }

  get(id: string): Partner | undefined {
    const row = this.db.sql('SELECT id, name, provider_id, created_at FROM partners WHERE id = ?').get(id) as
      { id: string; name: string; provider_id: string; created_at: string } | undefined;
    return row && { id: row.id, name: row.name, providerId: row.provider_id, createdAt: row.created_at };
  }

  list(): PartnerListing[] {
    const partners = this.db.sql('SELECT id FROM partners ORDER BY created_at, id').all() as { id: string }[];
    const keys = this.db.sql(
      'SELECT key_id, created_at, revoked_at, last_used_at FROM partner_keys WHERE partner_id = ? ORDER BY created_at',
    );
    return partners.map(({ id }) => ({
      ...this.get(id)!,
      keys: (
        keys.all(id) as {
          key_id: string;
          created_at: string;
          revoked_at: string | null;
          last_used_at: string | null;
        }[]
      ).map((key) => ({
        keyId: key.key_id,
        createdAt: key.created_at,
        revokedAt: key.revoked_at,
        lastUsedAt: key.last_used_at,
      })),
    }));
  }

  /** The stored key with this id, to check a secret against. */
  key(keyId: string): (StoredKey & { partnerId: string; revokedAt: string | null }) | undefined {
    const row = this.db
      .sql('SELECT partner_id, salt, hash, revoked_at FROM partner_keys WHERE key_id = ?')
      .get(keyId) as
      { partner_id: string; salt: string; hash: string; revoked_at: string | null } | undefined;
    return (
      row && { keyId, partnerId: row.partner_id, salt: row.salt, hash: row.hash, revokedAt: row.revoked_at }
    );
  }

  keyUsed(keyId: string): void {
    this.db.sql('UPDATE partner_keys SET last_used_at = ? WHERE key_id = ?').run(now(), keyId);
  }

  /** Stores a new key and revokes the partner's old ones at once. */
  replaceKeys(partnerId: string, key: StoredKey): void {
    this.db.transaction(() => {
      this.revokeKeys(partnerId);
      this.storeKey(partnerId, key);
    });
  }

  /** Revokes every key of the partner; returns how many were still valid. */
  revokeKeys(partnerId: string): number {
    return this.db
      .sql('UPDATE partner_keys SET revoked_at = ? WHERE partner_id = ? AND revoked_at IS NULL')
      .run(now(), partnerId).changes;
  }

  private storeKey(partnerId: string, key: StoredKey): void {
    this.db
      .sql('INSERT INTO partner_keys (key_id, partner_id, salt, hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(key.keyId, partnerId, key.salt, key.hash, now());
  }
}
