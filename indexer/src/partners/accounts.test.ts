import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogueStore } from '../catalogue/index.ts';
import { PartnerAccounts } from './accounts.ts';

const keyIdOf = (key: string) => key.slice(4, 16);
const secretOf = (key: string) => key.slice(17);

let folder: string;
let store: CatalogueStore;
let accounts: PartnerAccounts;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'accounts-'));
  store = new CatalogueStore(join(folder, 'catalogue.db'));
  accounts = new PartnerAccounts(store);
});

describe('partner keys', () => {
  it('authenticates the key it issued, and stores only a salted hash of it', async () => {
    const { partner, key } = await accounts.create('Harbour Institute', 'harbour-institute');
    expect(key).toMatch(/^slk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(await accounts.authenticate(key)).toEqual({ partner });
    expect(store.partners.key(keyIdOf(key))).toMatchObject({
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    store.close();
    const files = readdirSync(folder).map((file) => readFileSync(join(folder, file), 'latin1'));
    expect(files.join('')).toContain(keyIdOf(key));
    expect(files.join('')).not.toContain(secretOf(key));
  });

  it('refuses a key with a wrong secret, an unknown id, or no key shape at all', async () => {
    const { key } = await accounts.create('Harbour Institute', 'harbour-institute');
    const wrongSecret = `${key.slice(0, -4)}AAAA`;
    expect(await accounts.authenticate(wrongSecret)).toEqual({ refused: 'unknown' });
    expect(await accounts.authenticate(`slk_000000000000_${secretOf(key)}`)).toEqual({ refused: 'unknown' });
    expect(await accounts.authenticate('letmein')).toEqual({ refused: 'malformed' });
  });

  it('a revoked key stops working at once, also when it was just used', async () => {
    const { partner, key } = await accounts.create('Harbour Institute', 'harbour-institute');
    expect(await accounts.authenticate(key)).toEqual({ partner });
    expect(accounts.revoke(partner.id)).toBe(1);
    expect(await accounts.authenticate(key)).toEqual({ refused: 'revoked' });
  });

  it('rotating issues a new key and revokes the old one; the list shows key ids, never secrets', async () => {
    const { partner, key: old } = await accounts.create('Harbour Institute', 'harbour-institute');
    const fresh = await accounts.rotate(partner.id);
    expect(await accounts.authenticate(old)).toEqual({ refused: 'revoked' });
    expect(await accounts.authenticate(fresh)).toEqual({ partner });
    const [listed] = accounts.list();
    expect(listed!.keys.map((k) => [k.keyId, k.revokedAt === null])).toEqual([
      [keyIdOf(old), false],
      [keyIdOf(fresh), true],
    ]);
    expect(JSON.stringify(accounts.list())).not.toContain(secretOf(fresh));
  });
});
