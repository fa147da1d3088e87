import {
  costPerCredit,
  costPerWorkloadHour,
  fieldName,
  languageLabel,
  RATES_DATE,
  REFERENCE_CURRENCY,
  valueLabel,
  type ComparedCourse,
  type ComparedFact,
  type ComparedValue,
  type Course,
  type CourseComparison,
  type Provider,
} from '@shortlist/schemas';
import { money, quantity } from './format.ts';

const cell = (
  value: string | null,
  number: number | null = null,
  said: string | null = null,
): ComparedValue => ({
  value: value === '' ? null : value,
  number,
  said: said?.trim() ? said : null,
});
const text = (value: string | null) => cell(value);

function cost(course: Course): ComparedValue {
  const { amount, currency, freeClass, lowestOfRange, basis } = course.cost;
  if (amount === null || currency === null)
    return cell(
      freeClass === 'unknown' ? null : valueLabel(freeClass),
      freeClass === 'free' ? 0 : null,
      course.cost.text,
    );
  const per = basis === 'total' || basis === 'unknown' ? '' : ` ${basis.replace('-', ' ')}`;
  const shown = `${lowestOfRange ? 'from ' : ''}${money(amount, currency)}${per}`;
  return cell(
    freeClass === 'free-audit-paid-certificate' ? `${valueLabel(freeClass)}: ${shown}` : shown,
    amount,
    course.cost.text,
  );
}

function totalHours({ workload }: Course): ComparedValue {
  const hours = quantity(workload.totalHours?.min ?? null, workload.totalHours?.max ?? null, 'hour');
  const shown = hours && workload.totalDerived ? `${hours} (weeks × hours a week)` : hours;
  return cell(shown, workload.totalHours?.max ?? null, workload.text);
}

const reference = (amount: number | null, suffix = '') =>
  cell(amount === null ? null : `${money(amount, REFERENCE_CURRENCY)}${suffix}`, amount);

/** Each fact a comparison aligns: its key, its label and how one course states it. */
const FACTS: [
  key: string,
  label: string,
  read: (course: Course, provider: Provider | undefined) => ComparedValue,
][] = [
  ['provider', 'Provider', (course, provider) => text(provider?.name ?? course.providerId)],
  [
    'fields',
    'Field of education',
    (course) => text(course.fields.map((code) => fieldName(code) ?? code).join('; ')),
  ],
  [
    'level',
    'Level',
    ({ level }) =>
      cell(
        [level.eqf && `EQF ${level.eqf}`, level.label && valueLabel(level.label)].filter(Boolean).join(', '),
        level.eqf,
        level.text,
      ),
  ],
  [
    'credential',
    'Credential',
    ({ credential }) => cell(credential.type && valueLabel(credential.type), null, credential.text),
  ],
  [
    'credit',
    'Credit',
    ({ credit }) =>
      cell(
        credit.value === null ? null : `${credit.value} ${credit.system ?? 'credits'}`,
        credit.value,
        credit.text,
      ),
  ],
  [
    'stackable',
    'Counts towards a qualification',
    ({ credit }) => text(credit.stackable === null ? null : credit.stackable ? 'Yes' : 'No'),
  ],
  [
    'duration',
    'Duration',
    ({ duration }) =>
      cell(
        quantity(duration.minWeeks, duration.maxWeeks, 'week') ?? (duration.selfPaced ? 'Self-paced' : null),
        duration.maxWeeks,
        duration.text,
      ),
  ],
  [
    'hoursPerWeek',
    'Hours a week',
    ({ workload }) =>
      cell(
        quantity(workload.hoursPerWeek?.min ?? null, workload.hoursPerWeek?.max ?? null, 'hour'),
        workload.hoursPerWeek?.max ?? null,
        workload.text,
      ),
  ],
  ['totalHours', 'Total workload', totalHours],
  [
    'mode',
    'Delivery mode',
    ({ delivery }) => cell(delivery.mode && valueLabel(delivery.mode), null, delivery.text),
  ],
  ['pacing', 'Pace', ({ delivery }) => text(delivery.pacing && valueLabel(delivery.pacing))],
  [
    'location',
    'Location',
    ({ location }) => text([location.city, location.region, location.country].filter(Boolean).join(', ')),
  ],
  ['languages', 'Languages', (course) => text(course.languages.map(languageLabel).join(', '))],
  ['startDates', 'Start dates', (course) => text(course.startDates.join(', '))],
  ['cost', 'Cost', cost],
  [
    'costReference',
    `Cost in ${REFERENCE_CURRENCY}`,
    (course) => reference(course.cost.reference?.amount ?? null),
  ],
  [
    'costPerHour',
    `Cost per hour of work in ${REFERENCE_CURRENCY}`,
    (course) => reference(costPerWorkloadHour(course), ' an hour'),
  ],
  [
    'costPerCredit',
    `Cost per credit in ${REFERENCE_CURRENCY}`,
    (course) =>
      reference(
        costPerCredit(course),
        course.credit.system ? ` per ${course.credit.system} credit` : ' per credit',
      ),
  ],
  ['assessment', 'Assessment', (course) => text(course.assessment)],
  ['qualityAssurance', 'Quality assurance', (course) => text(course.qualityAssurance)],
  ['endorsement', 'Endorsement', (course) => text(course.endorsement)],
  ['prerequisites', 'Prerequisites', (course) => text(course.prerequisites)],
  [
    'completeness',
    'Critical information stated',
    ({ completeness }) => cell(`${completeness.score}%`, completeness.score),
  ],
  ['missing', 'Not stated', ({ completeness }) => text(completeness.missing.join('; '))],
];

/** Rows of values, one per compared item, with `differs` set where they are not all the same. */
export function alignFacts<T>(
  items: readonly T[],
  facts: [string, string, (item: T) => ComparedValue][],
): ComparedFact[] {
  return facts.map(([key, label, read]) => {
    const values = items.map(read);
    const distinct = new Set(values.map((value) => JSON.stringify([value.value, value.number])));
    return { key, label, values, differs: distinct.size > 1 };
  });
}

function header(course: Course, provider: Provider | undefined): ComparedCourse {
  const perHour = costPerWorkloadHour(course);
  const perCredit = costPerCredit(course);
  return {
    id: course.id,
    title: course.title,
    url: course.url,
    status: course.status,
    provider: { id: course.providerId, name: provider?.name ?? course.providerId },
    completeness: course.completeness,
    costPerHour: perHour === null ? null : { amount: perHour, currency: REFERENCE_CURRENCY, per: 'hour' },
    costPerCredit:
      perCredit === null
        ? null
        : { amount: perCredit, currency: REFERENCE_CURRENCY, per: course.credit.system ?? 'credit' },
  };
}

/** Courses side by side: every fact aligned, the differences flagged, costs made comparable in the reference currency. */
export function compareCourses(
  entries: readonly { course: Course; provider: Provider | undefined }[],
): CourseComparison {
  return {
    kind: 'courses',
    courses: entries.map(({ course, provider }) => header(course, provider)),
    facts: alignFacts(
      entries,
      FACTS.map(([key, label, read]) => [key, label, ({ course, provider }) => read(course, provider)]),
    ),
    rates: { referenceCurrency: REFERENCE_CURRENCY, date: RATES_DATE },
  };
}
