import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { CatalogueStore, Partner } from '@shortlist/indexer';
import type { PartnerAccounts } from '@shortlist/indexer/partners';
import type { Provider } from '@shortlist/schemas';
import { apiError } from '../../errors.ts';
import type { KeyAttempts } from './key-attempts.ts';
import type { TrustedProxies } from './trusted-proxies.ts';

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

function turnedAway(waitMs: number, { maxRefused, windowMs }: KeyAttempts['limit']) {
  const minutes = (ms: number) => `${Math.ceil(ms / 60_000)} minute${ms > 60_000 ? 's' : ''}`;
  const error = apiError(
    429,
    `Too many refused partner keys from your address (${maxRefused} within ${minutes(windowMs)}): try again in ${minutes(waitMs)}, with the key exactly as it was issued (shortlist partner rotate issues a new one).`,
    'Authorization',
  );
  error.res?.headers.set('Retry-After', String(Math.ceil(waitMs / 1000)));
  return error;
}

/** The client's address: the connection's, or, from a trusted proxy, the one its X-Forwarded-For names. */
function clientAddress(c: Context, trustedProxies: TrustedProxies): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return (
    trustedProxies.clientAddress(incoming?.socket.remoteAddress, c.req.header('X-Forwarded-For')) ?? 'unknown'
  );
}

/**
 * Requires `Authorization: Bearer <partner key>`; puts the partner and its provider on the context. Keys from one
 * address are checked one at a time, and an address that keeps sending wrong ones is turned away with 429 for a
 * while (see KeyAttempts).
 */
export function partnerAuth({
  accounts,
  store,
  attempts,
  trustedProxies,
}: {
  accounts: PartnerAccounts;
  store: CatalogueStore;
  attempts: KeyAttempts;
  trustedProxies: TrustedProxies;
}) {
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
    const address = clientAddress(c, trustedProxies);
    const result = await attempts.inTurn(address, async () => {
      const waitMs = attempts.waitFor(address);
      if (waitMs > 0) return { waitMs };
      const checked = await accounts.authenticate(match[1]!);
      // a revoked key is a real one, still sent by an old integration: it does not count as a guess
      if ('refused' in checked && checked.refused !== 'revoked') attempts.refused(address);
      return checked;
    });
    if ('waitMs' in result) throw turnedAway(result.waitMs, attempts.limit);
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
