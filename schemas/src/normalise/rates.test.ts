import { describe, expect, it } from 'vitest';
import { COUNTRY_CURRENCY } from './currency.ts';
import { RATES_DATE, RATES_PER_EUR, REFERENCE_CURRENCY, toReferenceCurrency } from './rates.ts';

describe('toReferenceCurrency', () => {
  it.each([
    [100, 'EUR', 100],
    [116, 'USD', 100],
    [87.5, 'GBP', 100],
    [177, 'AUD', 100],
    [49, 'USD', 42.24],
    [1250, 'GBP', 1428.57],
    [0, 'JPY', 0],
    [100, 'usd', 86.21],
    [1955.83, 'BGN', 1000],
  ])('%d %s → %d EUR', (amount, currency, expected) => {
    expect(toReferenceCurrency(amount, currency)).toEqual({
      amount: expected,
      currency: 'EUR',
      rateDate: RATES_DATE,
    });
  });

  it.each([
    [100, 'XYZ'],
    [100, ''],
    [-5, 'USD'],
    [Number.NaN, 'USD'],
    [Number.POSITIVE_INFINITY, 'USD'],
    [100, 'constructor'],
    [100, '__proto__'],
  ])('has no reference amount for %d %j', (amount, currency) => {
    expect(toReferenceCurrency(amount, currency)).toBeNull();
  });

  it('is a dated table of about thirty currencies in EUR', () => {
    expect(REFERENCE_CURRENCY).toBe('EUR');
    expect(RATES_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(RATES_PER_EUR).length).toBeGreaterThanOrEqual(30);
    for (const [code, rate] of Object.entries(RATES_PER_EUR)) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(rate).toBeGreaterThan(0);
    }
  });

  it('converts every country currency the cost normaliser can infer', () => {
    for (const currency of COUNTRY_CURRENCY.values())
      expect(toReferenceCurrency(1, currency), currency).not.toBeNull();
  });
});
