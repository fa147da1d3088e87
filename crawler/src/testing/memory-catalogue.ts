import type { Course, Provider } from '@shortlist/schemas';
import type { CrawlReport } from '../run/crawl-report.ts';
import type { CrawlSink, PageState, StoreCounts } from '../sink.ts';

interface StoredCourse {
  course: Course;
  status: 'active' | 'withdrawn';
  lastSeenAt: string;
  missed: number;
}

/**
 * A catalogue in memory that keeps the CrawlSink contract as the SQLite catalogue does (upsert by id, unchanged
 * content not rewritten, seen/missed counts, withdrawal after `threshold` complete crawls), so crawler tests can
 * watch what a crawl writes without a database.
 */
export class MemoryCatalogue implements CrawlSink {
  readonly stored = new Map<string, StoredCourse>();
  readonly pages = new Map<string, PageState>();
  readonly reports: CrawlReport[] = [];
  providers: Provider[] = [];
  /** course records written (new or changed), across every crawl */
  writes = 0;

  provider(provider: Provider): void {
    this.providers.push(provider);
  }

  courses(courses: Course[]): StoreCounts {
    const counts: StoreCounts = { new: 0, changed: 0, unchanged: 0 };
    for (const course of courses) {
      const existing = this.stored.get(course.id);
      if (existing?.course.contentHash === course.contentHash && existing.status === 'active') {
        this.seen([course.id], course.lastSeenAt);
        counts.unchanged++;
        continue;
      }
      counts[existing ? 'changed' : 'new']++;
      this.writes++;
      this.stored.set(course.id, { course, status: 'active', lastSeenAt: course.lastSeenAt, missed: 0 });
    }
    return counts;
  }

  seen(ids: string[], seenAt: string): void {
    for (const id of ids) {
      const stored = this.stored.get(id);
      if (stored) Object.assign(stored, { lastSeenAt: seenAt, missed: 0 });
    }
  }

  /** Trusted only while every course it names is active, as the catalogue sink does. */
  pageState(url: string): PageState | undefined {
    const state = this.pages.get(url);
    return state?.courseIds.every((id) => this.stored.get(id)?.status === 'active') ? state : undefined;
  }

  savePageState(state: PageState): void {
    this.pages.set(state.url, state);
  }

  withdrawUnseen(providerId: string, crawlStartedAt: string, threshold: number): string[] {
    const withdrawn: string[] = [];
    for (const [id, stored] of this.stored) {
      if (stored.course.providerId !== providerId || stored.status !== 'active') continue;
      if (stored.lastSeenAt < crawlStartedAt) stored.missed++;
      if (stored.missed >= threshold) {
        stored.status = 'withdrawn';
        withdrawn.push(id);
      }
    }
    return withdrawn;
  }

  finished(report: CrawlReport): void {
    this.reports.push(report);
  }

  active(): Course[] {
    return [...this.stored.values()]
      .filter((stored) => stored.status === 'active')
      .map(({ course }) => course);
  }

  titles(status: 'active' | 'withdrawn' = 'active'): string[] {
    return [...this.stored.values()]
      .filter((stored) => stored.status === status)
      .map(({ course }) => course.title)
      .sort();
  }
}
