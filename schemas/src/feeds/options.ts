import { z } from 'zod';

/** The formats a partner feed can arrive in. */
export const FEED_FORMATS = ['csv', 'json', 'schemaorg', 'ctdl', 'elm'] as const;
export const FeedFormat = z.enum(FEED_FORMATS);
export type FeedFormat = z.infer<typeof FeedFormat>;

export function isFeedFormat(value: string): value is FeedFormat {
  return (FEED_FORMATS as readonly string[]).includes(value);
}

/** replace: the feed is the provider's whole catalogue; upsert: it adds and updates. */
export const FeedMode = z.enum(['replace', 'upsert']);
export type FeedMode = z.infer<typeof FeedMode>;

export const DELIMITERS = [',', ';', '\t'] as const;
export const Delimiter = z.enum(DELIMITERS);
export type Delimiter = z.infer<typeof Delimiter>;
const DELIMITER_NAMES: Record<string, Delimiter> = { comma: ',', semicolon: ';', tab: '\t' };

/** A partner's column names mapped onto Shortlist's (null: ignore the column). */
export const ColumnMapping = z.record(z.string(), z.string().nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** Safety limits for replace mode; a feed beyond either is not applied. */
export const FeedLimits = z.object({
  /** the share of the provider's listed courses a feed may withdraw */
  maxWithdrawShare: z.number().min(0).max(1),
  /** the share of a feed's rows that may be rejected */
  maxRejectedShare: z.number().min(0).max(1),
});
export type FeedLimits = z.infer<typeof FeedLimits>;
export const DEFAULT_FEED_LIMITS: FeedLimits = { maxWithdrawShare: 0.5, maxRejectedShare: 0.2 };

/** The options that are switches: `--dry-run` on the command line, `dryRun=true` in a query or form. */
const switches = new Set<z.ZodType>();

function switchOption(name: string, description: string) {
  const option = z
    .enum(['true', 'false', '1', '0'], {
      error: (issue) => `${name} must be true or false, not "${String(issue.input)}".`,
    }) // prettier-ignore
    .optional()
    .transform((value) => value === 'true' || value === '1')
    .describe(description);
  switches.add(option);
  return option;
}

function shareOption(name: string, description: string) {
  return z
    .string()
    .transform((text, context) => {
      const share = Number(text);
      if (Number.isFinite(share) && share >= 0 && share <= 1) return share;
      context.addIssue({
        code: 'custom',
        message: `${name} must be a share between 0 and 1, such as 0.8, not "${text}".`,
      });
      return z.NEVER;
    })
    .optional()
    .describe(description);
}

/**
 * The feed options as text, as a query string, a form, a JSON body or the command line gives them: each is checked
 * here, and a wrong one is refused naming the option and how to write it.
 */
export const FeedOptionFields = z.object({
  mode: z
    .enum(FeedMode.options, {
      error: (issue) =>
        `mode must be "replace" (the whole catalogue) or "upsert" (add and update), not "${String(issue.input)}".`,
    })
    .optional()
    .describe('replace: the feed is your whole catalogue, and courses it no longer lists are withdrawn; upsert (the default): it adds and updates'), // prettier-ignore
  dryRun: switchOption('dryRun', 'check the feed and report what it would do, writing nothing'),
  format: z
    .string()
    .transform((text, context) => {
      if (text === 'auto') return undefined;
      if (isFeedFormat(text)) return text;
      context.addIssue({
        code: 'custom',
        message: `format must be one of ${FEED_FORMATS.join(', ')} (or left out to detect it), not "${text}".`,
      });
      return z.NEVER;
    })
    .optional()
    .describe(`${FEED_FORMATS.join(', ')}; detected from the content when left out`),
  mapping: z
    .string()
    .transform((text, context) => parseMapping(text, context))
    .optional()
    .describe(
      'your CSV columns mapped onto Shortlist’s: {"Course name":"title"} or Course name=title,Price=cost',
    ),
  delimiter: z
    .string()
    .transform((text, context) => {
      const delimiter = DELIMITER_NAMES[text] ?? Delimiter.safeParse(text).data;
      if (delimiter) return delimiter;
      context.addIssue({ code: 'custom', message: 'delimiter must be comma, semicolon or tab.' });
      return z.NEVER;
    })
    .optional()
    .describe('CSV: comma, semicolon or tab; detected when left out'),
  maxWithdrawShare: shareOption(
    'maxWithdrawShare',
    `replace: the share of your listed courses a feed may withdraw (default ${DEFAULT_FEED_LIMITS.maxWithdrawShare})`,
  ),
  maxRejectedShare: shareOption(
    'maxRejectedShare',
    `replace: the share of a feed's rows that may be rejected (default ${DEFAULT_FEED_LIMITS.maxRejectedShare})`,
  ),
  force: switchOption('force', 'replace: apply the feed whatever it withdraws or rejects'),
});

export type FeedOptionName = keyof typeof FeedOptionFields.shape;
export const FEED_OPTION_NAMES = Object.keys(FeedOptionFields.shape) as FeedOptionName[];

/** Whether an option is a switch (true or false) rather than a value. */
export const isSwitchOption = (name: FeedOptionName) => switches.has(FeedOptionFields.shape[name]);

/** A polled feed is always applied: a feed URL takes every option but dryRun. */
export const FeedUrlOptionFields = FeedOptionFields.omit({ dryRun: true });
export const FEED_URL_OPTION_NAMES = Object.keys(FeedUrlOptionFields.shape) as FeedOptionName[];

export const FEED_POLL_MINUTES = { min: 5, max: 7 * 24 * 60 };
const intervalMessage = `intervalMinutes must be between ${FEED_POLL_MINUTES.min} and ${FEED_POLL_MINUTES.max} (a week).`;

/** Where a partner's feed is and how often to fetch it; its feed options come with it. */
export const FeedUrlTarget = z.object({
  url: z
    .string({ error: 'url is missing: give the address of your feed.' })
    .describe('the address of your feed: public, https'),
  intervalMinutes: z.coerce
    .number({ error: intervalMessage })
    .min(FEED_POLL_MINUTES.min, { error: intervalMessage })
    .max(FEED_POLL_MINUTES.max, { error: intervalMessage })
    .optional()
    .describe('how often it is fetched, in minutes; the server’s poll interval when left out'),
});

/** The body of `POST /v1/partner/feed-urls`. */
export const FeedUrlRequest = FeedUrlTarget.extend(FeedUrlOptionFields.shape);

/** Options as they arrive: text, by name. */
export type RawFeedOptions = Partial<Record<FeedOptionName, string>>;

/** The options a feed is read and applied with. */
export const FeedSettings = FeedOptionFields.transform((options) => ({
  mode: options.mode ?? 'upsert',
  dryRun: options.dryRun,
  limits: {
    ...(options.force ? { maxWithdrawShare: 1, maxRejectedShare: 1 } : DEFAULT_FEED_LIMITS),
    ...(options.maxWithdrawShare === undefined ? {} : { maxWithdrawShare: options.maxWithdrawShare }),
    ...(options.maxRejectedShare === undefined ? {} : { maxRejectedShare: options.maxRejectedShare }),
  },
  ...(options.format ? { format: options.format } : {}),
  ...(options.mapping ? { mapping: options.mapping } : {}),
  ...(options.delimiter ? { delimiter: options.delimiter } : {}),
}));
export type FeedSettings = z.output<typeof FeedSettings>;

/** A feed option given wrongly; names the parameter (`mode`, `mapping` …) so the answer can too. */
export class FeedOptionError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks feed options given as text; an option left empty counts as not given. */
export function parseFeedOptions(raw: RawFeedOptions): FeedSettings {
  const given = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = FeedSettings.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new FeedOptionError(String(issue.path[0]), issue.message);
}

/** `{"Course name":"title"}` as JSON, or `Course name=title,Price=cost`. */
function parseMapping(text: string, context: z.RefinementCtx): ColumnMapping {
  const refuse = (message: string) => {
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return refuse(`mapping is not valid JSON: ${(error as Error).message}. Write {"Your column":"title"}.`);
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, value]) => typeof value !== 'string' && value !== null))
      return refuse('mapping values must be Shortlist column names (text), e.g. {"Course name":"title"}.');
    return Object.fromEntries(entries) as ColumnMapping;
  }
  const mapping: ColumnMapping = {};
  for (const pair of trimmed.split(/[,;\n]/)) {
    if (!pair.trim()) continue;
    const [from, to] = pair.split('=');
    if (!from?.trim() || to === undefined)
      return refuse(`mapping entry "${pair.trim()}" is not "Your column=shortlist_column".`);
    mapping[from.trim()] = to.trim();
  }
  return mapping;
}
