import { describe, expect, it } from 'vitest';
import type { StatedDuration } from '../course.ts';
import { normaliseDuration, type NormalisedDuration } from './duration.ts';

const weeks = (
  minWeeks: number | null,
  maxWeeks: number | null,
  extra: Partial<NormalisedDuration> = {},
) => ({
  minWeeks,
  maxWeeks,
  selfPaced: false,
  ...extra,
});
const approx = { approximate: true } as const;
const selfPaced = { selfPaced: true } as const;

const rows: [string, NormalisedDuration | null][] = [
  // weeks as providers write them
  ['6 weeks', weeks(6, 6)],
  ['6 Weeks', weeks(6, 6)],
  ['6 WEEKS', weeks(6, 6)],
  ['1 week', weeks(1, 1)],
  ['6-week course', weeks(6, 6)],
  ['6weeks', weeks(6, 6)],
  ['6 wks', weeks(6, 6)],
  ['Duration: 8 weeks', weeks(8, 8)],
  ['Six weeks', weeks(6, 6)],
  ['Four-week online course', weeks(4, 4)],
  ['twelve weeks part time', weeks(12, 12)],
  ['a week-long bootcamp', weeks(1, 1)],
  // months × 52/12, years, terms, semesters
  ['4 Months', weeks(17.3, 17.3)],
  ['1 month', weeks(4.3, 4.3)],
  ['6 months', weeks(26, 26)],
  ['3 mths', weeks(13, 13)],
  ['18 months', weeks(78, 78)],
  ['1 year', weeks(52, 52)],
  ['2 years part-time', weeks(104, 104)],
  ['1 year and 6 months', weeks(78, 78)],
  ['1 year 3 months', weeks(65, 65)],
  ['2 weeks and 3 days', weeks(2.4, 2.4)],
  ['1 semester', weeks(16, 16)],
  ['2 semesters', weeks(32, 32)],
  ['1 term', weeks(12, 12)],
  ['3 terms', weeks(36, 36)],
  ['One trimester', weeks(12, 12)],
  ['twenty-four months', weeks(104, 104)],
  // days and short courses
  ['5 days', weeks(0.7, 0.7)],
  ['1 day', weeks(0.1, 0.1)],
  ['2-day workshop', weeks(0.3, 0.3)],
  ['Full day', weeks(0.1, 0.1)],
  ['Half-day', weeks(0.1, 0.1)],
  ['1½ days', weeks(0.2, 0.2)],
  ['10 days intensive', weeks(1.4, 1.4)],
  // hours as a length only when the whole course fits in a day
  ['3-hour workshop', weeks(0.1, 0.1)],
  ['90 minutes', weeks(0.1, 0.1)],
  ['2-3 hours', weeks(0.1, 0.1)],
  ['40 hours', null],
  ['10 x 2-hour sessions', null],
  ['Weekly 2-hour sessions', null],
  // ranges
  ['3–6 months', weeks(13, 26)],
  ['3-6 months', weeks(13, 26)],
  ['3 - 6 months', weeks(13, 26)],
  ['3 to 6 months', weeks(13, 26)],
  ['from 3 to 6 months', weeks(13, 26)],
  ['Between 8 and 10 weeks', weeks(8, 10)],
  ['8—12 weeks', weeks(8, 12)],
  ['3 or 4 weeks', weeks(3, 4)],
  ['18 months to 2 years', weeks(78, 104)],
  ['6 weeks to 3 months', weeks(6, 13)],
  ['12 weeks part-time or 6 weeks full-time', weeks(6, 12)],
  ['4-6 weeks (self-paced)', weeks(4, 6, selfPaced)],
  // up to, at least, approximately
  ['Up to 12 weeks', weeks(null, 12)],
  ['up to 6 months', weeks(null, 26)],
  ['Max. 10 weeks', weeks(null, 10)],
  ['Complete within 6 months', weeks(null, 26)],
  ['You have 12 months to complete', weeks(null, 52)],
  ['Less than 1 week', weeks(null, 1)],
  ['min. 6 weeks', weeks(6, null)],
  ['Minimum 8 weeks', weeks(8, null)],
  ['At least 3 months', weeks(13, null)],
  ['6+ weeks', weeks(6, null)],
  ['Complete in as little as 8 weeks', weeks(8, null)],
  ['Approx. 6 weeks', weeks(6, 6, approx)],
  ['approximately 10 weeks', weeks(10, 10, approx)],
  ['About 3 months', weeks(13, 13, approx)],
  ['~6 weeks', weeks(6, 6, approx)],
  ['around 4-6 weeks', weeks(4, 6, approx)],
  ['6 weeks (approx.)', weeks(6, 6, approx)],
  ['Typically 8 weeks', weeks(8, 8, approx)],
  ['etc. 6 weeks', weeks(6, 6)],
  // ISO 8601 durations from schema.org and CTDL
  ['P6W', weeks(6, 6)],
  ['P4M', weeks(17.3, 17.3)],
  ['P1Y', weeks(52, 52)],
  ['P10D', weeks(1.4, 1.4)],
  ['P1Y6M', weeks(78, 78)],
  ['P2W3D', weeks(2.4, 2.4)],
  ['PT3H', weeks(0.1, 0.1)],
  ['PT40H', null],
  // self-paced
  ['Self-paced', weeks(null, null, selfPaced)],
  ['Self paced', weeks(null, null, selfPaced)],
  ['At your own pace', weeks(null, null, selfPaced)],
  ['Learn at your own pace', weeks(null, null, selfPaced)],
  ['Rolling', weeks(null, null, selfPaced)],
  ['On-demand', weeks(null, null, selfPaced)],
  ['Self-paced (approx. 6 weeks)', weeks(6, 6, { selfPaced: true, approximate: true })],
  ['Self-paced (12 months access)', weeks(null, null, selfPaced)],
  ['Self-paced, 4-6 weeks', weeks(4, 6, selfPaced)],
  ['Start anytime – 10 weeks', weeks(10, 10, selfPaced)],
  // lengths next to workload, frequency and access periods
  ['6 weeks, 3–5 hours per week', weeks(6, 6)],
  ['6 weeks (2 hours per week)', weeks(6, 6)],
  ['3 hours a week for six weeks', weeks(6, 6)],
  ['2 days per week for 10 weeks', weeks(10, 10)],
  ['1 day a week over 12 weeks', weeks(12, 12)],
  ['10 weeks, 1 evening per week', weeks(10, 10)],
  ['8 weeks; 12 months access to materials', weeks(8, 8)],
  ['12-month access', null],
  ['Course runs 8 weeks, starting 3 March', weeks(8, 8)],
  // other languages
  ['6 semanas', weeks(6, 6)],
  ['3 a 6 meses', weeks(13, 26)],
  ['3 mois', weeks(13, 13)],
  ['2 ans', weeks(104, 104)],
  ['6 Wochen', weeks(6, 6)],
  ['1,5 Jahre', weeks(78, 78)],
  ['5 Tage', weeks(0.7, 0.7)],
  ['6 meses', weeks(26, 26)],
  ['1 año', weeks(52, 52)],
  ['2 semestres', weeks(32, 32)],
  // nothing to read
  ['', null],
  ['   ', null],
  ['TBC', null],
  ['Duration varies', null],
  ['Flexible', null],
  ['0 weeks', null],
  ['2026', null],
  ['Starts 12 January 2026', null],
  ['Level 5', null],
];

/** The weeks and flags of a result; the stated length has its own table below. */
function inWeeks(text: string): NormalisedDuration | null {
  const result = normaliseDuration(text);
  if (result) delete result.stated;
  return result;
}

// The length in the provider's own unit, kept so a course page can say "4 months" rather than "17.3 weeks".
const statedRows: [string, StatedDuration | undefined][] = [
  ['4 Months', { value: 4, max: null, unit: 'month' }],
  ['3-day Online Event', { value: 3, max: null, unit: 'day' }],
  ['6h', { value: 6, max: null, unit: 'hour' }],
  ['90 minutes', { value: 1.5, max: null, unit: 'hour' }],
  ['6-8 weeks', { value: 6, max: 8, unit: 'week' }],
  ['a two-semester certificate', { value: 2, max: null, unit: 'semester' }],
  ['Time to complete: 4 months', { value: 4, max: null, unit: 'month' }],
  ['most graduates finish within 30 months', { value: 30, max: null, unit: 'month' }],
  ['1 year and 6 months', { value: 18, max: null, unit: 'month' }],
  ['P6W', { value: 6, max: null, unit: 'week' }],
  ['P4M', { value: 4, max: null, unit: 'month' }],
  ['P1Y6M', { value: 78, max: null, unit: 'week' }],
  ['PT3H', { value: 3, max: null, unit: 'hour' }],
  ['12 weeks long, self paced', { value: 12, max: null, unit: 'week' }],
  ['Self-paced', undefined],
];

describe('normaliseDuration', () => {
  it.each(rows)('%j', (text, expected) => {
    expect(inWeeks(text)).toEqual(expected);
  });

  it.each(statedRows)('keeps %j as stated', (text, expected) => {
    expect(normaliseDuration(text)?.stated).toEqual(expected);
  });

  it('returns null for values that are not text', () => {
    expect(normaliseDuration(null)).toBeNull();
    expect(normaliseDuration(undefined)).toBeNull();
    expect(normaliseDuration(42 as unknown as string)).toBeNull();
  });

  it('reads a very long string without slowing down, looking only at its start', () => {
    const long = `6 weeks ${'lorem ipsum dolor sit amet '.repeat(20_000)}`;
    const started = performance.now();
    expect(inWeeks(long)).toEqual(weeks(6, 6));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
