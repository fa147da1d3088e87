import { parseEnv } from '@shortlist/schemas';
import { z } from 'zod';
import type { KeyAttemptLimit } from './key-attempts.ts';
import { TrustedProxies } from './trusted-proxies.ts';

const Env = z.object({
  SHORTLIST_FEED_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  SHORTLIST_FEED_SYNC_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(256 * 1024),
  SHORTLIST_FEED_MAX_UPLOADS: z.coerce.number().int().positive().default(2),
  SHORTLIST_FEED_POLL_MINUTES: z.coerce.number().positive().default(60),
  SHORTLIST_FEED_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** local demos and tests only: lets feed URLs use plain http and private or loopback addresses */
  SHORTLIST_FEED_ALLOW_PRIVATE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  SHORTLIST_PARTNER_MAX_REFUSED_KEYS: z.coerce.number().int().positive().default(10),
  SHORTLIST_PARTNER_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** the reverse proxies in front of Shortlist, whose X-Forwarded-For names the client */
  SHORTLIST_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return new TrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** replaced: switched on, it is refused with what to set instead; switched off, it changes nothing */
  SHORTLIST_TRUST_FORWARDED_FOR: z
    .enum(['0', 'false'], {
      error:
        'replaced by SHORTLIST_TRUSTED_PROXIES, the addresses of your proxies (e.g. 127.0.0.1,192.0.2.10)',
    })
    .optional(),
});

/** What partner feeds may do: how big, how long, where from. */
export interface PartnerSettings {
  /** the largest feed accepted, in bytes after decompression */
  maxFeedBytes: number;
  /** feeds up to this size are processed while the request waits; larger ones become jobs (202) */
  syncFeedBytes: number;
  /** uploads one partner may have arriving at once; more are answered 429 */
  maxConcurrentUploads: number;
  /** how often registered feed URLs are polled by default */
  pollMinutes: number;
  fetchTimeoutMs: number;
  allowPrivateUrls: boolean;
  /** refused keys one client address may send before it is turned away for the window */
  keyAttempts: KeyAttemptLimit;
  /** who the client is behind a proxy */
  trustedProxies: TrustedProxies;
}

export function readPartnerSettings(env: NodeJS.ProcessEnv = process.env): PartnerSettings {
  const values = parseEnv(Env, env);
  return {
    maxFeedBytes: values.SHORTLIST_FEED_MAX_BYTES,
    syncFeedBytes: values.SHORTLIST_FEED_SYNC_BYTES,
    maxConcurrentUploads: values.SHORTLIST_FEED_MAX_UPLOADS,
    pollMinutes: values.SHORTLIST_FEED_POLL_MINUTES,
    fetchTimeoutMs: values.SHORTLIST_FEED_FETCH_TIMEOUT_MS,
    allowPrivateUrls: values.SHORTLIST_FEED_ALLOW_PRIVATE,
    keyAttempts: {
      maxRefused: values.SHORTLIST_PARTNER_MAX_REFUSED_KEYS,
      windowMs: values.SHORTLIST_PARTNER_LOCKOUT_MINUTES * 60_000,
    },
    trustedProxies: values.SHORTLIST_TRUSTED_PROXIES,
  };
}
