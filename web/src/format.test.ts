import { describe, expect, it } from 'vitest';
import { formatAge, formatCostWithReference, formatDuration } from './format.ts';

describe('formatDuration: the provider’s own unit, weeks when it gave none', () => {
  it.each([
    [{ minWeeks: 17.3, maxWeeks: 17.3, stated: { value: 4, max: null, unit: 'month' } }, '4 months'],
    [{ minWeeks: 4.3, maxWeeks: 4.3, stated: { value: 1, max: null, unit: 'month' } }, '1 month'],
    [{ minWeeks: 6, maxWeeks: 8, stated: { value: 6, max: 8, unit: 'week' } }, '6–8 weeks'],
    [{ minWeeks: 0.4, maxWeeks: 0.4, stated: { value: 3, max: null, unit: 'day' } }, '3 days'],
    [{ minWeeks: 6, maxWeeks: 6, stated: null }, '6 weeks'],
    [{ minWeeks: 6, maxWeeks: 6 }, '6 weeks'],
    [{ minWeeks: null, maxWeeks: null, stated: null }, null],
  ])('%j → %s', (duration, expected) => {
    expect(formatDuration(duration)).toBe(expected);
  });
});

describe('formatCostWithReference: its own currency, and the reference amount beside it', () => {
  it.each([
    [
      { amount: 450, currency: 'GBP', freeClass: 'paid', reference: { amount: 520, currency: 'EUR' } },
      '£450 (≈ €520)',
    ],
    [
      { amount: 300, currency: 'EUR', freeClass: 'paid', reference: { amount: 300, currency: 'EUR' } },
      '€300',
    ],
    [{ amount: 0, currency: 'GBP', freeClass: 'free', reference: { amount: 0, currency: 'EUR' } }, 'Free'],
    [{ amount: null, currency: null, freeClass: 'unknown', reference: null }, 'Cost not stated'],
  ])('%j → %s', (cost, expected) => {
    expect(formatCostWithReference(cost)).toBe(expected);
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it.each([
    ['2026-12-03T08:00:00Z', 'today'],
    ['2026-12-02T08:00:00Z', 'yesterday'],
    ['2026-11-30T08:00:00Z', '3 days ago'],
    ['2026-06-03T08:00:00Z', '6 months ago'],
  ])('%s → %s', (at, expected) => {
    expect(formatAge(at, now)).toBe(expected);
  });
});
