import type { MiddlewareHandler } from 'hono';
import type { CatalogueStore } from '@shortlist/indexer';
import type { Partner, PartnerAccounts } from '@shortlist/indexer/partners';
import type { Provider } from '@shortlist/schemas';
import { apiError } from '../errors.ts';

export interface PartnerVariables {
  partner: Partner;
  provider: Provider;
}

const REFUSALS = {
  malformed:
    'The key is not a Shortlist partner key (they look like slk_xxxxxxxxxxxx_…); copy it again in full.',
  unknown:
    'The key is not valid; check it was copied in full, or ask for a new one (shortlist partner rotate).',
  revoked: 'The key has been revoked; ask for a new one (shortlist partner rotate).',
} as const;

function unauthorized(message: string) {
  const error = apiError(401, message, 'Authorization');
  error.res?.headers.set('WWW-Authenticate', 'Bearer realm="shortlist-partner"');
  return error;
}

/** Requires `Authorization: Bearer <partner key>`; puts the partner and its provider on the context. */
export function partnerAuth({ accounts, store }: { accounts: PartnerAccounts; store: CatalogueStore }) {
  const handler: MiddlewareHandler<{ Variables: PartnerVariables }> = async function partnerAuthentication(
    c,
    next,
  ) {
    const header = c.req.header('Authorization');
    if (!header)
      throw unauthorized(
        'This endpoint needs your partner key: send the header "Authorization: Bearer <key>".',
      );
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('Send the partner key as "Authorization: Bearer <key>".');
    const result = await accounts.authenticate(match[1]!);
    if ('refused' in result) throw unauthorized(REFUSALS[result.refused]);
    const provider = store.getProvider(result.partner.providerId);
    if (!provider)
      throw apiError(403, `Your provider "${result.partner.providerId}" is not in the catalogue any more.`);
    c.set('partner', result.partner);
    c.set('provider', provider);
    await next();
  };
  return handler;
}
