import type { CostFact, DemoCourse } from './model.ts';

export interface CourseJsonLdOptions {
  /** the provider node, or a reference such as `{ '@id': '__ORIGIN__/#organization' }` */
  provider: Record<string, unknown>;
  currency: string;
  venue: string;
  country: string;
  courseCode: string;
  /** Google's style puts offers on the course; some providers put them on each instance */
  offersOnInstance: boolean;
  /** vary how the duration is published, as real sites do */
  variant: number;
}

export function offersFor(cost: CostFact, currency: string, url: string): Record<string, unknown>[] {
  const offer = (price: number | string, category: string, extra: Record<string, unknown> = {}) => ({
    '@type': 'Offer',
    price,
    priceCurrency: cost.currency ?? currency,
    category,
    url,
    ...extra,
  });
  if (cost.freeClass === 'free-audit-paid-certificate')
    return [offer(0, 'Free'), offer(cost.certificate ?? 0, 'Paid', { name: 'Verified certificate' })];
  if (cost.freeClass === 'free') return [offer(0, 'Free')];
  const amount = cost.amount ?? 0;
  if (cost.perMonth)
    return [
      offer(amount, 'Subscription', {
        priceSpecification: {
          '@type': 'UnitPriceSpecification',
          price: amount,
          priceCurrency: cost.currency,
          billingDuration: 'P1M',
          unitText: 'MONTH',
        },
      }),
    ];
  return [offer(amount >= 1000 ? amount.toFixed(2) : amount, 'Paid')];
}

function durationProperties(course: DemoCourse, variant: number, startDate: string | undefined) {
  const duration = course.duration;
  if (!duration) return {};
  const weekCount = /^P(\d+)W$/.exec(duration.iso ?? '')?.[1];
  if (weekCount && variant % 2 === 1) {
    // Google's documented shape: a weekly session of a few hours, repeated once a week.
    const schedule: Record<string, unknown> = {
      '@type': 'Schedule',
      duration: 'PT3H',
      repeatFrequency: 'Weekly',
      repeatCount: Number(weekCount),
    };
    if (startDate) schedule.startDate = startDate;
    return { courseSchedule: schedule };
  }
  return { duration: duration.iso ?? duration.text };
}

function credentialFor(credential: string, variant: number) {
  if (variant % 2 === 0) return credential;
  const category = /badge/i.test(credential)
    ? 'badge'
    : /micro/i.test(credential)
      ? 'micro-credential'
      : 'certificate';
  return { '@type': 'EducationalOccupationalCredential', name: credential, credentialCategory: category };
}

export function courseJsonLd(course: DemoCourse, options: CourseJsonLdOptions): Record<string, unknown> {
  const url = `__ORIGIN__${course.path}`;
  const offers = course.cost ? offersFor(course.cost, options.currency, url) : undefined;
  const location =
    course.mode && course.mode.mode !== 'online'
      ? {
          '@type': 'Place',
          name: options.venue,
          address: {
            '@type': 'PostalAddress',
            addressLocality: course.mode.city,
            addressCountry: options.country,
          },
        }
      : undefined;
  const starts = course.startDates.length > 0 ? course.startDates : [undefined];
  const instances = starts.map((startDate) => ({
    '@type': 'CourseInstance',
    courseMode: course.mode ? (course.mode.structured ?? course.mode.text) : undefined,
    courseWorkload: course.workload ? (course.workload.iso ?? course.workload.text) : undefined,
    ...durationProperties(course, options.variant, startDate),
    startDate,
    location,
    inLanguage: course.languages[0],
    offers: options.offersOnInstance ? offers : undefined,
  }));
  return {
    '@type': 'Course',
    '@id': `${url}#course`,
    name: course.title,
    // JSON-LD text is HTML to its readers, so a CMS entity-encodes what the page shows as text.
    description: encodeEntities(course.description.join('\n\n')),
    url,
    courseCode: options.courseCode,
    provider: options.provider,
    educationalLevel: course.level ?? undefined,
    teaches: course.outcomes,
    about: { '@type': 'Thing', name: course.about },
    inLanguage: course.languages.length > 1 ? course.languages : course.languages[0],
    coursePrerequisites: course.prerequisites ?? undefined,
    educationalCredentialAwarded: course.credential
      ? credentialFor(course.credential, options.variant)
      : undefined,
    numberOfCredits: course.credit
      ? { '@type': 'StructuredValue', value: course.credit.value, unitText: course.credit.text }
      : undefined,
    isAccessibleForFree: course.cost ? course.cost.freeClass !== 'paid' : undefined,
    hasCourseInstance: instances,
    offers: options.offersOnInstance ? undefined : offers,
  };
}

function encodeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
