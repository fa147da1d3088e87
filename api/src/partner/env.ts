import { z } from 'zod';
import type { KeyAttemptLimit } from './key-attempts.ts';

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
  SHORTLIST_FEED_POLL_MINUTES: z.coerce.number().positive().default(60),
  SHORTLIST_FEED_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** local demos and tests only: lets feed URLs use plain http and private or loopback addresses */
  SHORTLIST_FEED_ALLOW_PRIVATE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  SHORTLIST_PARTNER_MAX_REFUSED_KEYS: z.coerce.number().int().positive().default(10),
  SHORTLIST_PARTNER_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** behind a reverse proxy: the client is the last address it adds to X-Forwarded-For */
  SHORTLIST_TRUST_FORWARDED_FOR: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
});

/** What partner feeds may do: how big, how long, where from. */
export interface PartnerSettings {
  /** the largest feed accepted, in bytes after decompression */
  maxFeedBytes: number;
  /** feeds up to this size are processed while the request waits; larger ones become jobs (202) */
  syncFeedBytes: number;
  /** how often registered feed URLs are polled by default */
  pollMinutes: number;
  fetchTimeoutMs: number;
  allowPrivateUrls: boolean;
  /** refused keys one client address may send before it is turned away for the window */
  keyAttempts: KeyAttemptLimit;
  /** take the client address from X-Forwarded-For (last entry) rather than the connection */
  trustForwardedFor: boolean;
}

export function readPartnerSettings(env: NodeJS.ProcessEnv = process.env): PartnerSettings {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    maxFeedBytes: values.SHORTLIST_FEED_MAX_BYTES,
    syncFeedBytes: values.SHORTLIST_FEED_SYNC_BYTES,
    pollMinutes: values.SHORTLIST_FEED_POLL_MINUTES,
    fetchTimeoutMs: values.SHORTLIST_FEED_FETCH_TIMEOUT_MS,
    allowPrivateUrls: values.SHORTLIST_FEED_ALLOW_PRIVATE,
    keyAttempts: {
      maxRefused: values.SHORTLIST_PARTNER_MAX_REFUSED_KEYS,
      windowMs: values.SHORTLIST_PARTNER_LOCKOUT_MINUTES * 60_000,
    },
    trustForwardedFor: values.SHORTLIST_TRUST_FORWARDED_FOR,
  };
}
