import { z } from 'zod';

/** A length as the page states it: a value (or a range up to `max`) and a unit. */
const StatedLength = z.object({
  value: z.number().positive(),
  max: z.number().positive().nullable().optional(),
  unit: z.string().min(1),
});

/**
 * Hand-checked facts of the first course on a saved page (format: real-pages/README.md). `null` means the page
 * does not state the fact, so anything extracted there is invented.
 */
export const PageTruth = z.looseObject({
  url: z.url(),
  title: z.string().min(1).nullable(),
  price: z
    .looseObject({
      amount: z.number().nonnegative().nullable(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD", or null')
        .nullable(),
    })
    .nullable(),
  duration: StatedLength.loose().nullable(),
  workload: z
    .looseObject({
      min: z.number().nonnegative(),
      max: z.number().nonnegative(),
      unit: z.enum(['hours/week', 'hours total', 'hours/day']),
    })
    .nullable(),
  delivery_mode: z
    .string()
    .regex(/^(?:online|in person|blended)\b/, 'starts with "online", "in person" or "blended"')
    .nullable(),
});
export type PageTruth = z.infer<typeof PageTruth>;

/** Reads a truth file's JSON, naming the file and the field that is wrong. */
export function parseTruth(json: unknown, file: string): PageTruth {
  const parsed = PageTruth.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
