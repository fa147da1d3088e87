// Placeholder: replaced by the dated rate table (issue 3).
export const REFERENCE_CURRENCY = 'EUR';
export const RATES_DATE = '2026-11-01';
const PER_EUR: Record<string, number> = { EUR: 1, GBP: 0.85, USD: 1.08, AUD: 1.65, CAD: 1.5, NZD: 1.8 };

export function toReferenceCurrency(amount: number, currency: string): { amount: number; currency: string; rateDate: string } | null {
  const rate = PER_EUR[currency];
  if (rate === undefined) return null;
  return { amount: Math.round((amount / rate) * 100) / 100, currency: REFERENCE_CURRENCY, rateDate: RATES_DATE };
}
