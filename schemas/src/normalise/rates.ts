// A fixed, dated exchange-rate table shipped with the code so that costs compare across currencies
// without a network call. It is a snapshot, not a feed: refresh the numbers and RATES_DATE together
// (e.g. from the ECB euro reference rates) when they drift, and the API and UI show the date.
export const REFERENCE_CURRENCY = 'EUR';
export const RATES_DATE = '2026-11-01';

/** Units of each currency per 1 EUR on RATES_DATE. */
export const RATES_PER_EUR: Readonly<Record<string, number>> = Object.freeze({
  EUR: 1,
  USD: 1.16,
  GBP: 0.875,
  CHF: 0.935,
  JPY: 176.2,
  CNY: 8.28,
  AUD: 1.77,
  NZD: 2.02,
  CAD: 1.62,
  HKD: 9.03,
  SGD: 1.505,
  TWD: 35.6,
  KRW: 1655,
  INR: 102.5,
  PKR: 327,
  IDR: 19350,
  MYR: 4.88,
  THB: 37.6,
  PHP: 67.8,
  VND: 30600,
  SEK: 10.98,
  NOK: 11.72,
  DKK: 7.462,
  ISK: 143.5,
  PLN: 4.255,
  CZK: 24.35,
  HUF: 388,
  RON: 5.09,
  TRY: 50.2,
  ILS: 3.88,
  AED: 4.26,
  SAR: 4.35,
  EGP: 56.3,
  ZAR: 20.45,
  NGN: 1720,
  KES: 150,
  BRL: 6.28,
  MXN: 21.4,
  CLP: 1095,
  COP: 4620,
  PEN: 4.0,
  // Currencies replaced by the euro convert at their irrevocable rates, for old price lists.
  BGN: 1.95583,
  HRK: 7.5345,
});

export interface ReferenceAmount {
  amount: number;
  currency: string;
  rateDate: string;
}

/** An amount in the reference currency (EUR) using the shipped table; null for a currency it does not hold. */
export function toReferenceCurrency(amount: number, currency: string): ReferenceAmount | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || typeof currency !== 'string')
    return null;
  const code = currency.trim().toUpperCase();
  if (!Object.hasOwn(RATES_PER_EUR, code)) return null;
  const rate = RATES_PER_EUR[code]!;
  return {
    amount: Math.round((amount / rate) * 100) / 100,
    currency: REFERENCE_CURRENCY,
    rateDate: RATES_DATE,
  };
}
