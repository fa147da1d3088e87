import { join } from 'node:path';
import { CatalogueStore, readIndexerEnv } from '@shortlist/indexer';
import { PartnerAccounts } from '@shortlist/indexer/partners';
import { Provider, ProviderType } from '@shortlist/schemas';
import { serverUrl, type ApiEnv } from '../env.ts';

export interface PartnerArgs {
  name?: string;
  provider?: string;
  partner?: string;
  type?: string;
  country?: string;
  url?: string;
}

/** `shortlist partner create|list|rotate|revoke`: accounts that may send feeds for one provider each. */
export async function partnerCommand(
  env: ApiEnv,
  action: string | undefined,
  args: PartnerArgs,
): Promise<void> {
  const store = new CatalogueStore(join(readIndexerEnv().dataDir, 'catalogue.db'));
  const accounts = new PartnerAccounts(store);
  try {
    switch (action) {
      case 'create':
        await create(store, accounts, args, serverUrl(env));
        return;
      case 'list':
        return list(accounts);
      case 'rotate': {
        const key = await accounts.rotate(
          required(args.partner, '--partner ID (see shortlist partner list)'),
        );
        console.log(
          `New API key for ${args.partner} (shown once; the old keys no longer work):\n\n  ${key}\n`,
        );
        return;
      }
      case 'revoke': {
        const revoked = accounts.revoke(required(args.partner, '--partner ID (see shortlist partner list)'));
        console.log(
          `Revoked ${revoked} key${revoked === 1 ? '' : 's'} of ${args.partner}; shortlist partner rotate issues a new one.`,
        );
        return;
      }
      default:
        throw new Error(
          `partner needs an action: create, list, rotate or revoke (got ${action ? `"${action}"` : 'none'})`,
        );
    }
  } finally {
    store.close();
  }
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new Error(`give ${what}`);
  return value;
}

/** Creates the partner, and its provider when the catalogue does not know it yet. */
export async function create(
  store: CatalogueStore,
  accounts: PartnerAccounts,
  args: PartnerArgs,
  url: string,
) {
  const name = required(args.name, '--name "Partner name"');
  const providerId = required(
    args.provider,
    '--provider ID (the provider the partner may write, e.g. harbour-institute)',
  );
  let provider = store.getProvider(providerId);
  if (!provider) {
    if (!args.country || !args.url)
      throw new Error(
        `provider "${providerId}" is new: say where it is and give its site, e.g. --country GB --url https://www.${providerId}.example/ (and --type ${ProviderType.options.join('|')}, default company)`,
      );
    const parsed = Provider.safeParse({
      id: providerId,
      name,
      type: args.type ?? 'company',
      country: args.country.toUpperCase(),
      url: args.url,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`provider ${issue.path.join('.')}: ${issue.message}`);
    }
    store.upsertProvider(parsed.data);
    provider = parsed.data;
    console.log(`Created provider ${provider.id} (${provider.name}, ${provider.type}, ${provider.country}).`);
  }
  const { partner, key } = await accounts.create(name, provider.id);
  console.log(`Created partner ${partner.id} "${partner.name}" for provider ${provider.id}.`);
  console.log(`API key (shown once; store it now):\n\n  ${key}\n`);
  console.log(
    `Send a feed: curl -H "Authorization: Bearer <key>" -H "Content-Type: text/csv" --data-binary @courses.csv ${url}/v1/partner/feeds`,
  );
  return { partner, key };
}

function list(accounts: PartnerAccounts): void {
  const partners = accounts.list();
  if (partners.length === 0)
    return console.log('No partners yet: shortlist partner create --name NAME --provider ID');
  for (const partner of partners) {
    const live = partner.keys.filter((key) => key.revokedAt === null);
    const used = live
      .map((key) => key.lastUsedAt)
      .filter(Boolean)
      .sort()
      .at(-1);
    console.log(
      `${partner.id}  ${partner.name}  provider ${partner.providerId}  keys: ${live.map((key) => `slk_${key.keyId}_…`).join(', ') || 'none (revoked)'}${used ? `  last used ${used}` : ''}`,
    );
  }
}
