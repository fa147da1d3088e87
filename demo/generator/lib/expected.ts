import type { ExpectedCourse } from '../../src/demo-sites.ts';
import type { DemoCourse } from './model.ts';

/** The ground truth a test compares extraction and normalisation against. */
export function expectedCourse(course: DemoCourse): ExpectedCourse {
  const { cost, duration } = course;
  // For a free course with a paid certificate, the amount is the certificate's price.
  const amount = !cost ? null : cost.freeClass === 'paid' ? cost.amount : (cost.certificate ?? 0);
  return {
    providerId: course.providerId,
    path: course.path,
    title: course.title,
    mode: course.mode?.mode ?? null,
    minWeeks: duration?.weeks?.[0] ?? null,
    maxWeeks: duration?.weeks?.[1] ?? null,
    selfPaced: duration?.selfPaced ?? false,
    costAmount: amount,
    costCurrency: amount ? cost!.currency : null,
    free: cost ? cost.freeClass !== 'paid' : null,
    freeClass: cost?.freeClass ?? 'unknown',
    costPerMonth: cost?.perMonth ?? false,
    fields: course.fields,
    durationText: duration?.text ?? null,
    workloadText: course.workload?.text ?? null,
    costText: cost?.text ?? null,
    modeText: course.mode?.text ?? null,
    city: course.mode?.city ?? null,
    level: course.level,
    ects: course.credit?.ects ?? null,
    credential: course.credential,
    startDates: course.startDates,
    languages: course.languages,
  };
}
