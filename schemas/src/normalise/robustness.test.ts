import { describe, expect, it } from 'vitest';
import {
  classifyField,
  normaliseCost,
  normaliseDuration,
  normaliseLanguage,
  normaliseLevel,
  normaliseMode,
  normalisePacing,
  normaliseWorkload,
  toPlainText,
} from './index.ts';

const normalisers: [string, (text: string) => unknown][] = [
  ['normaliseDuration', normaliseDuration],
  ['normaliseWorkload', normaliseWorkload],
  ['normaliseCost', (text) => normaliseCost(text, { country: 'AU' })],
  ['normaliseMode', normaliseMode],
  ['normalisePacing', normalisePacing],
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
  it.each(normalisers)(
    '%s never throws on 2,000 random strings and answers each in under 20 ms',
    (_name, normalise) => {
      // Regular expressions compile on first use; warm them up before timing.
      const warmUp = random(7);
      for (let index = 0; index < 50; index++) normalise(garbage(warmUp, 600));
      const next = random(42);
      for (let index = 0; index < 2000; index++) {
        const text = garbage(next, Math.floor(next() * (index % 10 === 0 ? 3000 : 120)));
        const started = performance.now();
        expect(() => normalise(text)).not.toThrow();
        expect(performance.now() - started).toBeLessThan(20);
      }
    },
  );

  it.each(normalisers)('%s returns nothing for values that are not text', (_name, normalise) => {
    for (const value of [null, undefined, 0, 42, true, {}, [], Symbol('x'), () => 'x']) {
      const result = normalise(value as never);
      expect(result === null || (Array.isArray(result) && result.length === 0)).toBe(true);
    }
  });
});
