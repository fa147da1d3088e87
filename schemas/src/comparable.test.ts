import { expect, it } from 'vitest';
import { buildCourse } from './build-course.ts';
import { costPerCredit, costPerWorkloadHour } from './comparable.ts';

function course(cost: string, workload: string, duration = '6 weeks', credit?: string) {
  const built = buildCourse(
    { title: 'Data Analytics', cost, workload, duration, credit },
    {
      providerId: 'northbridge-university',
      country: 'GB',
      source: 'crawl',
      sourceUrl: 'https://northbridge.example/courses/data',
      fetchedAt: '2026-11-01T10:00:00.000Z',
      key: 'data',
      extractor: 'jsonld',
    },
  );
  if ('error' in built) throw new Error(built.error);
  return built.course;
}

it.each([
  // €1,200 over 6 × 4–6 hours (24–36 h, middle 30 h)
  ['€1,200', '4–6 hours per week', '6 weeks', 40],
  ['€300', '30 hours in total', '6 weeks', 10],
  ['Free', '5 hours per week', '4 weeks', 0],
  ['€300', '', '6 weeks', null],
  ['Contact us', '5 hours per week', '4 weeks', null],
])('%s for %s over %s costs %s EUR an hour', (cost, workload, duration, expected) => {
  expect(costPerWorkloadHour(course(cost, workload, duration))).toBe(expected);
});

it.each([
  ['€1,200', '5 ECTS', 240],
  ['£450', '10 ECTS', 51.43],
  ['Free', '5 ECTS', 0],
  ['€300', undefined, null],
  ['Contact us', '5 ECTS', null],
])('%s for %s costs %s EUR a credit', (cost, credit, expected) => {
  expect(costPerCredit(course(cost, '', '6 weeks', credit))).toBe(expected);
});
