import { buildCourse, type Course, type RawCourse } from '@shortlist/schemas';

/** Builds a course the way the crawler would, for tests; or, with a partner's key, as a feed row would be. */
export function testCourse(
  raw: RawCourse & { title: string },
  providerId = 'northbridge-university',
  feedKey?: string,
): Course {
  const result = buildCourse(raw, {
    providerId,
    country: 'GB',
    source: feedKey === undefined ? 'crawl' : 'feed',
    sourceUrl: `https://${providerId}.example/courses/${encodeURIComponent(raw.title)}`,
    fetchedAt: '2026-11-01T10:00:00.000Z',
    key: feedKey ?? raw.url ?? raw.title,
    extractor: feedKey === undefined ? 'jsonld' : 'feed',
  });
  if ('error' in result) throw new Error(result.error);
  return result.course;
}
