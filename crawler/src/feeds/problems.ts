import type { FeedProblem } from '@shortlist/schemas';

export { FEED_FORMATS, isFeedFormat, type FeedFormat, type FeedProblem } from '@shortlist/schemas';

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
