import { describe, expect, it } from 'vitest';
import { buildCourse, type CourseContext } from './build-course.ts';
import type { Course } from './course.ts';
import { RATES_DATE } from './normalise/rates.ts';
import type { RawCourse } from './raw-course.ts';

const context: CourseContext = {
  providerId: 'northbridge-university',
  country: 'GB',
  source: 'crawl',
  sourceUrl: 'https://northbridge.example/courses/data',
  fetchedAt: '2026-11-01T10:00:00.000Z',
  key: 'https://northbridge.example/courses/data',
  extractor: 'jsonld',
};

function build(raw: RawCourse, overrides: Partial<CourseContext> = {}): Course {
  const result = buildCourse({ title: 'Data Analytics with Python', ...raw }, { ...context, ...overrides });
  if ('error' in result) throw new Error(result.error);
  return result.course;
}

describe('buildCourse with the real normalisers', () => {
  it('derives total hours from weeks × hours per week and marks them derived', () => {
    const course = build({ duration: '6 weeks', workload: '5 hours per week' });
    expect(course.duration).toEqual({
      text: '6 weeks',
      minWeeks: 6,
      maxWeeks: 6,
      selfPaced: false,
      stated: { value: 6, max: null, unit: 'week' },
    });
    expect(course.workload).toEqual({
      text: '5 hours per week',
      hoursPerWeek: { min: 5, max: 5 },
      totalHours: { min: 30, max: 30 },
      totalDerived: true,
    });
  });

  it('keeps a stated total rather than deriving one', () => {
    const course = build({ duration: '6 weeks', workload: '5 hours per week, 40 hours in total' });
    expect(course.workload.totalHours).toEqual({ min: 40, max: 40 });
    expect(course.workload.totalDerived).toBe(false);
  });

  it('reads the workload from a combined duration text when no workload is given', () => {
    const course = build({ duration: '3–6 months, 3–5 hours per week' });
    expect(course.duration).toMatchObject({ minWeeks: 13, maxWeeks: 26 });
    expect(course.workload).toEqual({
      text: '3–6 months, 3–5 hours per week',
      hoursPerWeek: { min: 3, max: 5 },
      totalHours: { min: 39, max: 130 },
      totalDerived: true,
    });
  });

  it('classes a free course with a paid certificate and converts the certificate price to EUR', () => {
    const course = build({ cost: 'FREE-Add a Verified Certificate for $49 USD' }, { country: 'US' });
    expect(course.cost).toEqual({
      text: 'FREE-Add a Verified Certificate for $49 USD',
      amount: 49,
      currency: 'USD',
      freeClass: 'free-audit-paid-certificate',
      basis: 'total',
      reference: { amount: 42.24, currency: 'EUR', rateDate: RATES_DATE },
    });
  });

  it('joins a separate priceCurrency to the cost and says when a price is the lowest of a range', () => {
    expect(build({ cost: '1250', currency: 'GBP' }).cost).toMatchObject({
      amount: 1250,
      currency: 'GBP',
      freeClass: 'paid',
    });
    expect(build({ cost: '0', currency: 'EUR' }).cost).toMatchObject({
      amount: 0,
      currency: 'EUR',
      freeClass: 'free',
      reference: { amount: 0, currency: 'EUR', rateDate: RATES_DATE },
    });
    expect(build({ cost: '$500–$1,200' }, { country: 'AU' }).cost).toMatchObject({
      amount: 500,
      currency: 'AUD',
      lowestOfRange: true,
      reference: { amount: 282.49, currency: 'EUR', rateDate: RATES_DATE },
    });
  });

  it('gives a free course a reference amount of 0 even without a currency', () => {
    expect(build({ cost: 'Free' }).cost.reference).toEqual({
      amount: 0,
      currency: 'EUR',
      rateDate: RATES_DATE,
    });
  });

  it('normalises mode, pacing, level with the provider country, fields and languages', () => {
    const course = build(
      {
        mode: 'deliveryType:BlendedDelivery',
        pacing: 'Instructor-led on a course schedule',
        level: 'Level 3',
        subjects: ['Statistics'],
        keywords: ['Python', 'pandas'],
        languages: ['English, Français', 'en-GB'],
      },
      { country: 'GB' },
    );
    expect(course.delivery).toEqual({
      text: 'deliveryType:BlendedDelivery',
      mode: 'blended',
      pacing: 'scheduled',
    });
    expect(course.level).toEqual({ text: 'Level 3', eqf: 4, label: null });
    expect(course.fields).toEqual(['0542', '0613']);
    expect(course.languages).toEqual(['en', 'fr', 'en-GB']);
  });

  it('reads a length in hours as a length only, not as a workload too', () => {
    const course = build({ duration: '6h' });
    expect(course.duration).toMatchObject({ minWeeks: 0.1, stated: { value: 6, max: null, unit: 'hour' } });
    expect(course.workload).toMatchObject({ text: null, hoursPerWeek: null, totalHours: null });
  });

  it('takes self-pacing from the duration and scores completeness with the missing elements named', () => {
    const course = build({
      duration: 'Self-paced',
      summary: '<p>Learn &amp; practise</p>',
      description: '{{description}}',
    });
    expect(course.delivery.pacing).toBe('self_paced');
    expect(course.summary).toBe('Learn & practise');
    expect(course.description).toBeNull();
    expect(course.completeness.missing).toContain('learning outcomes');
    expect(course.completeness.missing).not.toContain('start dates');
    expect(course.completeness.score).toBe(31);
  });

  it('rejects a record whose title is only a placeholder', () => {
    expect(buildCourse({ title: '{{title}}' }, context)).toEqual({
      error: 'title is missing: every course needs a name',
    });
  });
});
