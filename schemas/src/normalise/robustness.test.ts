import { describe, expect, it } from 'vitest';
import { buildCourse } from '../build-course.ts';
import { Course } from '../course.ts';
import { RAW_LIST_FIELDS, RAW_TEXT_FIELDS } from '../raw-course.ts';
import { cpuTimeMs } from '../testing.ts';
import {
  classifyField,
  normaliseCost,
  normaliseDuration,
  normaliseLanguage,
  normaliseLevel,
  normaliseMode,
  normalisePacing,
  normaliseStackable,
  normaliseWorkload,
  toPlainText,
} from './index.ts';

const normalisers: [string, (text: string) => unknown][] = [
  ['normaliseDuration', normaliseDuration],
  ['normaliseWorkload', normaliseWorkload],
  ['normaliseCost', (text) => normaliseCost(text, { country: 'AU' })],
  ['normaliseMode', normaliseMode],
  ['normalisePacing', normalisePacing],
  ['normaliseStackable', normaliseStackable],
  ['normaliseLevel', normaliseLevel],
  ['classifyField', classifyField],
  ['normaliseLanguage', normaliseLanguage],
  ['toPlainText', toPlainText],
];

/** A deterministic generator, so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ...'0123456789 ,.;:-–—/\\()[]{}<>&#%$€£¥₹+x×~\'"\n\tPTWMDYHaeiouweeksmonthhoursfreeECTSlevel½é中\u0000\uFFFF\uD800',
];
const PIECES = [
  '6 weeks',
  '$',
  '£1,250',
  'free',
  'per week',
  'up to',
  '&amp;',
  '<p>',
  '{{',
  'P6W',
  'PT40H',
  'level 5',
  'ECTS',
  '–',
  '1.250,00',
];

function garbage(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    text +=
      next() < 0.3
        ? PIECES[Math.floor(next() * PIECES.length)]
        : ALPHABET[Math.floor(next() * ALPHABET.length)];
  }
  return text;
}

describe('every normaliser is total and quick', () => {
  // Generous bounds on CPU time (not wall time, which a busy machine stretches): a pattern that backtracks
  // badly takes seconds or forever on these strings; a sound one a millisecond or so.
  it.each(normalisers)(
    '%s never throws on 2,000 random strings and never stalls on one',
    (_name, normalise) => {
      const next = random(42);
      let slowest = 0;
      let total = 0;
      for (let index = 0; index < 2000; index++) {
        const text = garbage(next, Math.floor(next() * (index % 10 === 0 ? 3000 : 120)));
        const spent = cpuTimeMs(() => expect(() => normalise(text)).not.toThrow());
        slowest = Math.max(slowest, spent);
        total += spent;
      }
      expect(slowest).toBeLessThan(500);
      expect(total).toBeLessThan(5000);
    },
  );

  it.each(normalisers)('%s returns nothing for values that are not text', (_name, normalise) => {
    for (const value of [null, undefined, 0, 42, true, {}, [], Symbol('x'), () => 'x']) {
      const result = normalise(value as never);
      expect(result === null || (Array.isArray(result) && result.length === 0)).toBe(true);
    }
  });
});

describe('buildCourse makes only courses the Course schema accepts', () => {
  const context = {
    providerId: 'robust-college',
    country: 'AU',
    source: 'feed' as const,
    sourceUrl: 'https://robust.example/feed',
    fetchedAt: '2026-11-01T10:00:00.000Z',
    key: 'k',
    extractor: 'feed' as const,
  };

  it('parses the course built from 1,000 records of random text in every field', () => {
    const next = random(7);
    let built = 0;
    for (let index = 0; index < 1000; index++) {
      const raw: Record<string, string | string[]> = { title: garbage(next, 1 + Math.floor(next() * 40)) };
      for (const field of RAW_TEXT_FIELDS)
        if (next() < 0.7) raw[field] = garbage(next, Math.floor(next() * 60));
      for (const field of RAW_LIST_FIELDS)
        if (next() < 0.5) raw[field] = [garbage(next, 20), '2027-02-30', garbage(next, 5)];
      const result = buildCourse(raw, { ...context, key: `k${index}` });
      if ('error' in result) continue;
      built++;
      const parsed = Course.safeParse(result.course);
      expect(parsed.error?.issues ?? [], JSON.stringify(raw)).toEqual([]);
    }
    expect(built).toBeGreaterThan(900);
  });

  it.each([
    ['providerId', { providerId: 'Robust College' }],
    ['fetchedAt', { fetchedAt: 'yesterday' }],
    ['sourceUrl', { sourceUrl: 'robust.example' }],
  ])('refuses a context with a bad %s, naming it', (field, override) => {
    const result = buildCourse({ title: 'Welding 1' }, { ...context, ...override });
    expect(result).toEqual({ error: expect.stringMatching(new RegExp(`^${field}: `)) as unknown });
  });
});
