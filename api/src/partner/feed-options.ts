import {
  FEED_FORMATS,
  isFeedFormat,
  type ColumnMapping,
  type Delimiter,
  type FeedFormat,
} from '@shortlist/crawler/feeds';
import { DEFAULT_FEED_LIMITS, type FeedLimits, type FeedMode } from '@shortlist/indexer/feeds';

/** A feed option given wrongly; names the parameter (`mode`, `mapping` …) so the answer can too. */
export class FeedOptionError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FeedSettings {
  mode: FeedMode;
  dryRun: boolean;
  limits: FeedLimits;
  format?: FeedFormat;
  mapping?: ColumnMapping;
  delimiter?: Delimiter;
}

/** Options as they arrive from a query string, a form or the command line; all text. */
export type RawFeedOptions = Partial<
  Record<
    | 'mode'
    | 'dryRun'
    | 'format'
    | 'mapping'
    | 'delimiter'
    | 'maxWithdrawShare'
    | 'maxRejectedShare'
    | 'force',
    string
  >
>;

const DELIMITERS: Record<string, Delimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  tab: '\t',
};

export function parseFeedOptions(raw: RawFeedOptions): FeedSettings {
  const mode = raw.mode ?? 'upsert';
  if (mode !== 'replace' && mode !== 'upsert')
    throw new FeedOptionError(
      'mode',
      `mode must be "replace" (the whole catalogue) or "upsert" (add and update), not "${mode}".`,
    );
  const settings: FeedSettings = {
    mode,
    dryRun: flag('dryRun', raw.dryRun),
    limits: { ...DEFAULT_FEED_LIMITS },
  };
  if (raw.format !== undefined && raw.format !== '' && raw.format !== 'auto') {
    if (!isFeedFormat(raw.format))
      throw new FeedOptionError(
        'format',
        `format must be one of ${FEED_FORMATS.join(', ')} (or left out to detect it), not "${raw.format}".`,
      );
    settings.format = raw.format;
  }
  if (raw.mapping) settings.mapping = parseMapping(raw.mapping);
  if (raw.delimiter) {
    const delimiter = DELIMITERS[raw.delimiter];
    if (!delimiter) throw new FeedOptionError('delimiter', 'delimiter must be comma, semicolon or tab.');
    settings.delimiter = delimiter;
  }
  if (flag('force', raw.force)) settings.limits = { maxWithdrawShare: 1, maxRejectedShare: 1 };
  for (const name of ['maxWithdrawShare', 'maxRejectedShare'] as const) {
    const value = raw[name];
    if (value === undefined || value === '') continue;
    const share = Number(value);
    if (!Number.isFinite(share) || share < 0 || share > 1)
      throw new FeedOptionError(
        name,
        `${name} must be a share between 0 and 1, such as 0.8, not "${value}".`,
      );
    settings.limits[name] = share;
  }
  return settings;
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new FeedOptionError(name, `${name} must be true or false, not "${value}".`);
}

/** `{"Course name":"title"}` as JSON, or `Course name=title,Price=cost`. */
export function parseMapping(text: string): ColumnMapping {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new FeedOptionError(
        'mapping',
        `mapping is not valid JSON: ${(error as Error).message}. Write {"Your column":"title"}.`,
      );
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, value]) => typeof value !== 'string' && value !== null))
      throw new FeedOptionError(
        'mapping',
        'mapping values must be Shortlist column names (text), e.g. {"Course name":"title"}.',
      );
    return Object.fromEntries(entries) as ColumnMapping;
  }
  const mapping: ColumnMapping = {};
  for (const pair of trimmed.split(/[,;\n]/)) {
    if (!pair.trim()) continue;
    const [from, to] = pair.split('=');
    if (!from?.trim() || to === undefined)
      throw new FeedOptionError(
        'mapping',
        `mapping entry "${pair.trim()}" is not "Your column=shortlist_column".`,
      );
    mapping[from.trim()] = to.trim();
  }
  return mapping;
}
