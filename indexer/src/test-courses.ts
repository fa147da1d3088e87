import { buildCourse, type Course, type Provider, type RawCourse } from '@shortlist/schemas';

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

const TOPICS = [
  'Data Analytics',
  'Welding',
  'Nursing Leadership',
  'Cloud Computing',
  'Spanish',
  'Project Management',
  'UX Design',
  'Accounting',
  'Solar Installation',
  'Early Childhood Education',
];
const LEVELS = ['Introductory', 'Intermediate', 'Advanced', 'EQF level 5'];
const MODES = ['Online', 'In person', 'Blended', 'Self-paced online'];
const COSTS = [
  '£450',
  'AUD 495',
  '€1.250,00',
  'Free',
  'US$1,125',
  'FREE-Add a Verified Certificate for $49 USD',
];
const CREDITS = [undefined, '5 ECTS', '10 ECTS, stackable towards an MSc', '15 CATS credits', '2 credits'];
const CREDENTIALS = ['Certificate', 'Digital badge', undefined, 'Micro-degree'];
const LANGUAGES = [['English'], ['German'], ['English', 'French'], ['Spanish'], ['English']];
const COUNTRIES = ['GB', 'IE', 'US', 'AU', 'DE'];
const PROVIDER_TYPES = ['university', 'college', 'professional_body', 'company', 'partnership'] as const;
/** more cities than a facet shows, so that the facet says more values exist */
const GENERATED_CITIES = 300;
const DAY_MS = 86_400_000;

/** The providers of `generateCourses`: `provider-0` … `provider-(count-1)`. */
export function generatedProviders(count = 200): Provider[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `provider-${n}`,
    name: `Provider ${n}`,
    type: PROVIDER_TYPES[n % PROVIDER_TYPES.length]!,
    country: COUNTRIES[n % COUNTRIES.length]!,
    url: `https://provider-${n}.example/`,
  }));
}

/**
 * Courses `first` … `first + count - 1`, built from provider-style text; course n is always the same, so a large
 * catalogue can be written in slices. Every filter, facet and sort of the search has values to work on.
 */
export function generateCourses(
  count: number,
  { first = 0, providers = 200, from = '2026-11-01' } = {},
): Course[] {
  const start = Date.parse(from);
  const courses: Course[] = [];
  for (let n = first; n < first + count; n++) {
    const providerId = `provider-${n % providers}`;
    const sourceUrl = `https://${providerId}.example/courses/${n}`;
    const firstStart = start + (((n * 7) % 400) - 30) * DAY_MS;
    const built = buildCourse(
      {
        title: `${TOPICS[n % TOPICS.length]} ${Math.floor(n / TOPICS.length)}`,
        summary: `A practical short course, edition ${n}.`,
        duration: `${2 + (n % 18)} weeks`,
        workload: `${2 + (n % 6)}–${4 + (n % 6)} hours per week`,
        cost: COSTS[n % COSTS.length],
        mode: MODES[n % MODES.length],
        level: LEVELS[n % LEVELS.length],
        learningOutcomes: ['Apply the methods', 'Explain the principles'],
        credit: CREDITS[n % CREDITS.length],
        credential: CREDENTIALS[n % CREDENTIALS.length],
        languages: LANGUAGES[n % LANGUAGES.length],
        city: `City ${n % GENERATED_CITIES}`,
        region: `Region ${n % 30}`,
        startDates: [firstStart, firstStart + 91 * DAY_MS].map((at) =>
          new Date(at).toISOString().slice(0, 10),
        ),
      },
      {
        providerId,
        country: COUNTRIES[(n % providers) % COUNTRIES.length]!,
        source: 'crawl',
        sourceUrl,
        fetchedAt: '2026-11-01T10:00:00.000Z',
        key: sourceUrl,
        extractor: 'jsonld',
      },
    );
    if ('error' in built) throw new Error(built.error);
    courses.push(built.course);
  }
  return courses;
}
