import { buildCourse, type Course, type RawCourse } from '@shortlist/schemas';

/** Builds a course the way the crawler would, for tests. */
export function testCourse(
  raw: RawCourse & { title: string },
  providerId = 'northbridge-university',
): Course {
  const result = buildCourse(raw, {
    providerId,
    country: 'GB',
    source: 'crawl',
    sourceUrl: `https://${providerId}.example/courses/${encodeURIComponent(raw.title)}`,
    fetchedAt: '2026-11-01T10:00:00.000Z',
    key: raw.url ?? raw.title,
    extractor: 'jsonld',
  });
  if ('error' in result) throw new Error(result.error);
  return result.course;
}
