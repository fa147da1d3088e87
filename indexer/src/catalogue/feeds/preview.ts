import type { Course, FeedCounts } from '@shortlist/schemas';
import { urlKey } from '../../near-duplicate.ts';
import type { CatalogueDatabase, Statement } from '../database.ts';
import { listedIds } from './apply.ts';

/** What the preview reads of a checked row: its course when accepted, the record it names when rejected. */
export interface PreviewRow {
  id: string | null;
  course: Pick<Course, 'id' | 'url' | 'contentHash' | 'status'> | null;
}

interface KnownRecord {
  record_id: string;
  course_id: string;
  provider_id: string;
  content_hash: string;
  status: string;
  url_key: string;
}

const LOOKUP_CHUNK = 500;

/**
 * What a feed would do, worked out with reads only (for dry runs, and to refuse a row that claims another
 * provider's course page before anything is written). Rows are looked up a batch at a time.
 */
export class FeedPreview {
  readonly counts: FeedCounts = { new: 0, changed: 0, unchanged: 0, withdrawn: 0 };
  private readonly covered = new Set<string>();
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: CatalogueDatabase,
    private readonly providerId: string,
  ) {}

  /**
   * Counts each accepted course as new, changed or unchanged, and keeps the listings rejected rows name.
   * Returns the first row whose course page belongs to another provider (the feed must then be refused).
   */
  review<T extends PreviewRow>(rows: readonly T[]): { row: T; providerId: string } | null {
    const accepted = rows.filter((row) => row.course !== null);
    const urls = new Map(accepted.map((row) => [row, urlKey(row.course!.url)]));
    const byUrl = byUrlKey(this.find('url_key', [...new Set(urls.values())], "status = 'active'"));
    for (const [row, key] of urls) {
      const foreign = byUrl.get(key)?.find((record) => record.provider_id !== this.providerId);
      if (foreign) return { row, providerId: foreign.provider_id };
    }
    const ids = rows.map((row) => row.id).filter((id): id is string => id !== null);
    const byId = new Map(this.find('record_id', ids).map((record) => [record.record_id, record]));
    for (const row of rows) {
      const existing = row.id === null ? undefined : byId.get(row.id);
      if (existing) this.covered.add(existing.course_id);
      const course = row.course;
      if (!course) continue;
      if (!existing) {
        this.counts.new++;
        const own = byUrl.get(urls.get(row)!)?.find((record) => record.provider_id === this.providerId);
        if (own) this.covered.add(own.course_id);
      } else if (existing.content_hash === course.contentHash && existing.status === course.status)
        this.counts.unchanged++;
      else this.counts.changed++;
    }
    return null;
  }

  /** In replace mode: how many listings would be withdrawn, out of how many. */
  withdrawals(): { withdrawn: number; listed: number } {
    const listed = listedIds(this.db, this.providerId);
    const withdrawn = [...listed].filter((id) => !this.covered.has(id)).length;
    return { withdrawn, listed: listed.size };
  }

  /** The source records whose `column` is one of `values`, read in chunks. */
  private find(column: 'url_key' | 'record_id', values: readonly string[], where = '1'): KnownRecord[] {
    const found: KnownRecord[] = [];
    for (let start = 0; start < values.length; start += LOOKUP_CHUNK) {
      const chunk = values.slice(start, start + LOOKUP_CHUNK);
      const sql = `SELECT record_id, course_id, provider_id, content_hash, status, url_key FROM course_records
        WHERE ${column} IN (${chunk.map(() => '?').join(',')}) AND ${where}`;
      let statement = this.statements.get(sql);
      if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
      found.push(...(statement.all(...chunk) as KnownRecord[]));
    }
    return found;
  }
}

function byUrlKey(records: KnownRecord[]): Map<string, KnownRecord[]> {
  const groups = new Map<string, KnownRecord[]>();
  for (const record of records) {
    const list = groups.get(record.url_key);
    if (list) list.push(record);
    else groups.set(record.url_key, [record]);
  }
  return groups;
}
