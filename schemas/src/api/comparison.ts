import { z } from 'zod';
import { Course, CourseStatus } from '../course.ts';
import { ProviderId } from '../provider.ts';
import { ProviderStatistics } from './provider-statistics.ts';

/** The most courses or providers one comparison holds. */
export const MOST_COMPARED = 4;

/** 2–4 comma-separated ids, each well formed, none twice. */
function idList(what: 'course' | 'provider', id: z.ZodType<string>) {
  return z
    .string()
    .max(1000, 'at most 1,000 characters')
    .transform((text) => text.split(','))
    .superRefine((ids, context) => {
      const issue = (message: string) => context.addIssue({ code: 'custom', message });
      if (ids.length < 2 || ids.length > MOST_COMPARED)
        return issue(`2 to ${MOST_COMPARED} ${what} ids, comma-separated (${ids.length} given)`);
      const malformed = ids.find((candidate) => !id.safeParse(candidate).success);
      if (malformed !== undefined)
        return issue(`${JSON.stringify(malformed.slice(0, 64))} is not a ${what} id: ids are lowercase letters, digits and hyphens, as /v1/${what === 'course' ? 'search' : 'providers'} gives them`); // prettier-ignore
      const repeated = ids.find((id, n) => ids.indexOf(id) !== n);
      if (repeated !== undefined) issue(`"${repeated}" is given twice; compare different ${what}s`);
    });
}

/** Query parameters of GET /v1/compare: courses or providers, and the format of the answer. */
export const CompareParams = z
  .object({
    courses: idList('course', Course.shape.id)
      .optional()
      .meta({ description: '2 to 4 course ids, comma-separated' }),
    providers: idList('provider', ProviderId)
      .optional()
      .meta({ description: '2 to 4 provider ids, comma-separated' }),
    format: z
      .enum(['json', 'csv'])
      .default('json')
      .meta({ description: 'csv: the comparison table as a file to download' }),
  })
  .strict()
  .superRefine((params, context) => {
    if (params.courses && params.providers)
      context.addIssue({
        code: 'custom',
        path: ['providers'],
        message: 'give courses or providers, not both',
      });
    if (!params.courses && !params.providers)
      context.addIssue({
        code: 'custom',
        path: ['courses'],
        message: 'give courses=ID,ID (2 to 4 course ids) or providers=ID,ID (2 to 4 provider ids)',
      });
  });
export type CompareParams = z.infer<typeof CompareParams>;

/** What one compared course or provider says about one fact. */
export const ComparedValue = z.object({
  value: z
    .string()
    .nullable()
    .describe('the normalised value, written for people; null when it is not stated'),
  number: z.number().nullable().describe('the value as a number when the fact is a quantity, to sort or mark the lowest'), // prettier-ignore
  said: z.string().nullable().describe('the provider’s own words for it, when it gave some'),
});
export type ComparedValue = z.infer<typeof ComparedValue>;

/** One row of a comparison: a fact, with what each course or provider says, in the order they were asked for. */
export const ComparedFact = z.object({
  key: z.string(),
  label: z.string(),
  values: z.array(ComparedValue),
  differs: z
    .boolean()
    .describe('the values are not all the same; one stating a fact that another does not differs'),
});
export type ComparedFact = z.infer<typeof ComparedFact>;

const Rates = z.object({
  referenceCurrency: z.string(),
  date: z.string().describe('the date of the exchange-rate table that reference amounts use'),
});

/** An amount in the reference currency worked out from a course's facts. */
const ReferenceRatio = z
  .object({ amount: z.number(), currency: z.string(), per: z.string().describe('"hour" or a credit system') })
  .nullable();

/** A compared course: who and what it is, how complete, and its cost per hour of work and per credit. */
export const ComparedCourse = z.object({
  id: z.string(),
  title: z.string(),
  url: z.url(),
  status: CourseStatus,
  provider: z.object({ id: ProviderId, name: z.string() }),
  completeness: z.object({
    score: z.number().int().min(0).max(100),
    missing: z.array(z.string()).describe('the critical facts the course does not state'),
  }),
  costPerHour: ReferenceRatio.describe('reference cost over the stated total workload'),
  costPerCredit: ReferenceRatio.describe('reference cost over the credits awarded, in their system'),
});
export type ComparedCourse = z.infer<typeof ComparedCourse>;

export const CourseComparison = z
  .object({
    kind: z.literal('courses'),
    courses: z.array(ComparedCourse),
    facts: z.array(ComparedFact),
    rates: Rates,
  })
  .meta({ id: 'CourseComparison' });
export type CourseComparison = z.infer<typeof CourseComparison>;

export const ProviderComparison = z
  .object({
    kind: z.literal('providers'),
    providers: z.array(ProviderStatistics),
    facts: z.array(ComparedFact),
    rates: Rates,
  })
  .meta({ id: 'ProviderComparison' });
export type ProviderComparison = z.infer<typeof ProviderComparison>;

/** GET /v1/compare: courses or providers side by side, the facts aligned and the differences flagged. */
export const Comparison = z.discriminatedUnion('kind', [CourseComparison, ProviderComparison]);
export type Comparison = z.infer<typeof Comparison>;
