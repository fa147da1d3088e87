import type { FeedProblem } from '@shortlist/schemas';

/** The formats a partner feed can arrive in. */
export const FEED_FORMATS = ['csv', 'json', 'schemaorg', 'ctdl', 'elm'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export function isFeedFormat(value: string): value is FeedFormat {
  return (FEED_FORMATS as readonly string[]).includes(value);
}

export type { FeedProblem };

export function problem(
  row: number,
  severity: FeedProblem['severity'],
  field: string | null,
  value: unknown,
  message: string,
  fix: string,
): FeedProblem {
  return { row, severity, field, value: shorten(value), message, fix };
}

export function shorten(value: unknown, limit = 200): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * A feed that cannot be read at all (not a feed, broken quotes, truncated JSON, wrong delimiter). It names
 * where reading stopped so the partner can open the file at that place.
 */
export class FeedError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    readonly where: { line?: number; column?: number; byte?: number } = {},
    /** a request parameter at fault, e.g. `mapping` or `format` */
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }

  /** "line 12, column 4: …  Fix: …" */
  describe(): string {
    return `${this.message} ${this.fix}`;
  }
}

export function describeLocation(where: FeedError['where']): string {
  if (where.line !== undefined)
    return where.column !== undefined ? `line ${where.line}, column ${where.column}` : `line ${where.line}`;
  return where.byte !== undefined ? `byte ${where.byte}` : 'the start';
}
