import type { Course, Provider } from '@shortlist/schemas';

/** Where a crawl hands what it found; the caller decides how to store it. */
export interface CrawlSink {
  provider(provider: Provider): void | Promise<void>;
  courses(courses: Course[]): void | Promise<void>;
}
