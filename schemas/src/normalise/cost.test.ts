import { describe, expect, it } from 'vitest';
import { normaliseCost, parseAmount, type NormalisedCost } from './cost.ts';

const paid = (
  amount: number,
  currency: string | null,
  extra: Partial<NormalisedCost> = {},
): NormalisedCost => ({
  amount,
  currency,
  freeClass: 'paid',
  basis: 'total',
  ...extra,
});
const free = (currency: string | null = null): NormalisedCost => ({
  amount: 0,
  currency,
  freeClass: 'free',
  basis: 'total',
});
const certificate = (
  amount: number | null,
  currency: string | null,
  extra: Partial<NormalisedCost> = {},
): NormalisedCost => ({
  amount,
  currency,
  freeClass: 'free-audit-paid-certificate',
  basis: amount === null ? 'unknown' : 'total',
  ...extra,
});
const lowest = { lowestOfRange: true } as const;

/** [text, provider country, expected] */
const rows: [string, string | undefined, NormalisedCost | null][] = [
  // symbols and codes
  ['£1,250', undefined, paid(1250, 'GBP')],
  ['€450', undefined, paid(450, 'EUR')],
  ['$995', 'US', paid(995, 'USD')],
  ['AUD 495', undefined, paid(495, 'AUD')],
  ['A$495', undefined, paid(495, 'AUD')],
  ['AU$495', undefined, paid(495, 'AUD')],
  ['$495 AUD', 'US', paid(495, 'AUD')],
  ['US$1,200', 'AU', paid(1200, 'USD')],
  ['CA$750', undefined, paid(750, 'CAD')],
  ['C$750', undefined, paid(750, 'CAD')],
  ['NZ$1,100', undefined, paid(1100, 'NZD')],
  ['S$800', undefined, paid(800, 'SGD')],
  ['HK$3,000', undefined, paid(3000, 'HKD')],
  ['₹4,999', undefined, paid(4999, 'INR')],
  ['Rs. 4,999', undefined, paid(4999, 'INR')],
  ['₹1,25,000', undefined, paid(125000, 'INR')],
  ['¥50,000', undefined, paid(50000, 'JPY')],
  ['¥500', 'CN', paid(500, 'CNY')],
  ['RMB 2,000', undefined, paid(2000, 'CNY')],
  ['CHF 1,200', undefined, paid(1200, 'CHF')],
  ["CHF 1'200.–", undefined, paid(1200, 'CHF')],
  ['R$ 1.200,00', undefined, paid(1200, 'BRL')],
  ['kr 4 500', 'SE', paid(4500, 'SEK')],
  ['4 500 kr', 'NO', paid(4500, 'NOK')],
  ['1 200 zł', undefined, paid(1200, 'PLN')],
  ['12 000 Kč', undefined, paid(12000, 'CZK')],
  ['R 2 500', 'ZA', paid(2500, 'ZAR', { currencyInferred: true })],
  ['ZAR 2,500', undefined, paid(2500, 'ZAR')],
  ['USD 49', undefined, paid(49, 'USD')],
  ['49 USD', undefined, paid(49, 'USD')],
  ['usd 49', undefined, paid(49, 'USD')],
  ['$49 USD', 'AU', paid(49, 'USD')],
  ['USD $49', undefined, paid(49, 'USD')],
  ['49 US Dollar', undefined, paid(49, 'USD')],
  ['49 US dollars', undefined, paid(49, 'USD')],
  ['295 Australian dollars', undefined, paid(295, 'AUD')],
  ['1.500 euros', undefined, paid(1500, 'EUR')],
  ['950 euro', undefined, paid(950, 'EUR')],
  ['500 pounds', undefined, paid(500, 'GBP')],
  ['300 dollars', 'CA', paid(300, 'CAD')],
  // a bare "$" follows the provider's country
  ['$1,250', 'AU', paid(1250, 'AUD')],
  ['$1,250', 'CA', paid(1250, 'CAD')],
  ['$1,250', 'NZ', paid(1250, 'NZD')],
  ['$1,250', 'US', paid(1250, 'USD')],
  ['$1,250', 'DE', paid(1250, 'USD')],
  ['$1,250', undefined, paid(1250, 'USD')],
  // thousands and decimals, US and European
  ['$1,250.50', undefined, paid(1250.5, 'USD')],
  ['1,250.00 GBP', undefined, paid(1250, 'GBP')],
  ['1.250,00 €', undefined, paid(1250, 'EUR')],
  ['1 250 €', undefined, paid(1250, 'EUR')],
  ['1 250,50 €', undefined, paid(1250.5, 'EUR')],
  ['€1.250', undefined, paid(1250, 'EUR')],
  ['€12,50', undefined, paid(12.5, 'EUR')],
  ['€49,-', undefined, paid(49, 'EUR')],
  ['EUR 1.250,-', undefined, paid(1250, 'EUR')],
  ['€1,250,000', undefined, paid(1250000, 'EUR')],
  ['€1.250.000,00', undefined, paid(1250000, 'EUR')],
  ['£1.2k', undefined, paid(1200, 'GBP')],
  ['$2K', undefined, paid(2000, 'USD')],
  // buildCourse appends a separate priceCurrency
  ['1250 GBP', undefined, paid(1250, 'GBP')],
  ['1250.00 EUR', undefined, paid(1250, 'EUR')],
  ['0 EUR', undefined, free('EUR')],
  ['Free EUR', undefined, free('EUR')],
  ['1250 per year EUR', undefined, paid(1250, 'EUR', { basis: 'per-year' })],
  // no currency written
  ['495', 'AU', paid(495, 'AUD', { currencyInferred: true })],
  ['495', undefined, paid(495, null)],
  ['Cost: 1,200', 'GB', paid(1200, 'GBP', { currencyInferred: true })],
  // tax notes
  ['£1,250 inc. VAT', undefined, paid(1250, 'GBP', { tax: 'included' })],
  ['£1,250 (incl. VAT)', undefined, paid(1250, 'GBP', { tax: 'included' })],
  ['£1,041.67 + VAT', undefined, paid(1041.67, 'GBP', { tax: 'excluded' })],
  ['£1,041.67 ex VAT', undefined, paid(1041.67, 'GBP', { tax: 'excluded' })],
  ['$495 incl. GST', 'AU', paid(495, 'AUD', { tax: 'included' })],
  ['1 250 € TTC', undefined, paid(1250, 'EUR', { tax: 'included' })],
  ['1.250 € zzgl. MwSt.', undefined, paid(1250, 'EUR', { tax: 'excluded' })],
  ['990 € inkl. MwSt.', undefined, paid(990, 'EUR', { tax: 'included' })],
  ['GST-free: $495', 'AU', paid(495, 'AUD')],
  // bases
  ['from $99/month', undefined, paid(99, 'USD', { basis: 'per-month', ...lowest })],
  ['$49/month', undefined, paid(49, 'USD', { basis: 'per-month' })],
  ['$49 per month', undefined, paid(49, 'USD', { basis: 'per-month' })],
  ['£30 a month', undefined, paid(30, 'GBP', { basis: 'per-month' })],
  ['£30 pcm', undefined, paid(30, 'GBP', { basis: 'per-month' })],
  ['Monthly subscription: $39', undefined, paid(39, 'USD', { basis: 'per-month' })],
  ['$25/week', undefined, paid(25, 'USD', { basis: 'per-week' })],
  ['$12,000 per year', undefined, paid(12000, 'USD', { basis: 'per-year' })],
  ['€9,000 p.a.', undefined, paid(9000, 'EUR', { basis: 'per-year' })],
  ['$399 annually', undefined, paid(399, 'USD', { basis: 'per-year' })],
  ['$49 per credit hour', undefined, paid(49, 'USD', { basis: 'per-credit' })],
  ['€300 per ECTS', undefined, paid(300, 'EUR', { basis: 'per-credit' })],
  ['£150 per module', undefined, paid(150, 'GBP', { basis: 'per-unit' })],
  ['$250 per unit', 'AU', paid(250, 'AUD', { basis: 'per-unit' })],
  ['£30 per session', undefined, paid(30, 'GBP', { basis: 'per-unit' })],
  ['£450 per person', undefined, paid(450, 'GBP')],
  ['$150 per course', undefined, paid(150, 'USD')],
  ['€2,000 per semester', undefined, paid(2000, 'EUR', { basis: 'per-term' })],
  ['$3,575 per 6-month term', undefined, paid(3575, 'USD', { basis: 'per-term' })],
  ['Per term: $4,125', undefined, paid(4125, 'USD', { basis: 'per-term' })],
  ['Precio: S/250.00', undefined, paid(250, 'PEN')],
  ['S/. 1,200 por semestre', undefined, paid(1200, 'PEN', { basis: 'per-term' })],
  ['$49/month or $399/year', undefined, paid(49, 'USD', { basis: 'per-month' })],
  // ranges and "from": the lowest, flagged
  ['$500–$1,200', undefined, paid(500, 'USD', lowest)],
  ['$500–1,200', undefined, paid(500, 'USD', lowest)],
  ['$500 to $1,200', undefined, paid(500, 'USD', lowest)],
  ['1,000 - 1,500 GBP', undefined, paid(1000, 'GBP', lowest)],
  ['Between $500 and $800', undefined, paid(500, 'USD', lowest)],
  ['From £450', undefined, paid(450, 'GBP', lowest)],
  ['Starting at $299', undefined, paid(299, 'USD', lowest)],
  ['ab 990 €', undefined, paid(990, 'EUR', lowest)],
  ['à partir de 1 200 €', undefined, paid(1200, 'EUR', lowest)],
  ['Early bird £899, standard £999', undefined, paid(899, 'GBP', lowest)],
  ['Members £450, non-members £550', undefined, paid(450, 'GBP', lowest)],
  ['Price: $49 $39', undefined, paid(39, 'USD', lowest)],
  ['Domestic $2,000; international $4,500', 'AU', paid(2000, 'AUD', lowest)],
  // instalments next to totals
  ['£1,250 or 3 instalments of £450', undefined, paid(1250, 'GBP')],
  ['£1,250 (or pay £450 per month for 3 months)', undefined, paid(1250, 'GBP')],
  ['Pay in full $2,400 or 12 monthly payments of $210', undefined, paid(2400, 'USD')],
  ['$2,500. Payment plans from $250/month', undefined, paid(2500, 'USD')],
  ['£1,250 or 10 interest-free monthly instalments of £125', undefined, paid(1250, 'GBP')],
  ['Pay monthly: 12 x £99', undefined, paid(1188, 'GBP')],
  ['3 payments of $99', undefined, paid(297, 'USD')],
  ['Three instalments of £450', undefined, paid(1350, 'GBP')],
  ['£99 x 12', undefined, paid(1188, 'GBP')],
  ['Interest-free instalments available: £1,250', undefined, paid(1250, 'GBP')],
  // salaries, loans, scholarships, savings, other programmes: not the course price
  ['Graduates earn $85,000. Course fee: $2,500', undefined, paid(2500, 'USD')],
  ['Course fee: $2,500. Graduates earn an average of $85,000', undefined, paid(2500, 'USD')],
  ['Average salary: $85,000 | Tuition: $3,200', undefined, paid(3200, 'USD')],
  ['$85k average salary; course $1,999', undefined, paid(1999, 'USD')],
  ['Boost your salary with this course for just $299', undefined, paid(299, 'USD')],
  ['$85k salary', undefined, null],
  ['Free course – graduates earn $85,000', undefined, free()],
  ['Scholarships of up to $1,000 available. Tuition $4,500', undefined, paid(4500, 'USD')],
  ['Course fee $1,200 (VET Student Loans available)', 'AU', paid(1200, 'AUD')],
  ['Eligible for a £5,000 Advanced Learner Loan; fee £3,200', undefined, paid(3200, 'GBP')],
  ['$5,000 student loan', undefined, null],
  ['Save $200! Now $999', undefined, paid(999, 'USD')],
  ['$999 (save $200 when you book early)', undefined, paid(999, 'USD')],
  ['$200 off: now $799', undefined, paid(799, 'USD')],
  ['Was £1,500, now £1,250', undefined, paid(1250, 'GBP')],
  ['RRP £1,500 – now only £1,250', undefined, paid(1250, 'GBP')],
  ['$150 USD per course, $1,350 for the full program', undefined, paid(150, 'USD')],
  ['Full program price $1,350; this course $150', undefined, paid(150, 'USD')],
  ['$300 (credit towards the $12,000 MSc)', undefined, paid(300, 'USD')],
  ['Application fee $50; tuition $2,000', undefined, paid(2000, 'USD')],
  ['$2,000 + $150 materials fee', undefined, paid(2000, 'USD')],
  ['£200 deposit, balance £1,050', undefined, null],
  ['US$1,200 (approx. £950)', undefined, paid(1200, 'USD')],
  ['2026 intake: £1,250', undefined, paid(1250, 'GBP')],
  // free, and free next to a paid certificate
  ['Free', undefined, free()],
  ['FREE', undefined, free()],
  ['Free of charge', undefined, free()],
  ['No cost', undefined, free()],
  ['$0', undefined, free('USD')],
  ['£0.00', undefined, free('GBP')],
  ['Gratuit', undefined, free()],
  ['Gratuito', undefined, free()],
  ['Kostenlos', undefined, free()],
  ['Fee-Free TAFE', 'AU', free()],
  ['Fully funded', undefined, free()],
  ['Free (normally £250)', undefined, free()],
  ['Free for a limited time – regular price $99', undefined, free()],
  ['FREE-Add a Verified Certificate for $49 USD', undefined, certificate(49, 'USD')],
  ['Free to audit; certificate $49', undefined, certificate(49, 'USD')],
  ['Free, $49 for a certificate', undefined, certificate(49, 'USD')],
  ['Free with optional $49 certificate', undefined, certificate(49, 'USD')],
  ['Enrol for free. Certificate: £39', undefined, certificate(39, 'GBP')],
  ['Audit: Free | Verified: $99', undefined, certificate(99, 'USD')],
  ['Audit for $0 · Verified certificate $149', undefined, certificate(149, 'USD')],
  ['Free. Optional certificate: £29. Premium: £99/month', undefined, certificate(29, 'GBP')],
  ['Free – upgrade for $59 to get a certificate', undefined, certificate(59, 'USD')],
  // free to take, the certificate's price not given: the course itself costs nothing
  ['Free (certificate available for a fee)', undefined, certificate(0, null)],
  ['Free to audit', undefined, certificate(0, null)],
  ['Free Online Course (Audit)', undefined, certificate(0, null)],
  ['Certificate: $49', undefined, paid(49, 'USD')],
  ['Paid Course', undefined, { amount: null, currency: null, freeClass: 'paid', basis: 'unknown' }],
  ['Paid certificate available', undefined, null],
  ['Free for NHS staff, £500 for others', undefined, paid(500, 'GBP')],
  ['7-day free trial, then $39/month', undefined, paid(39, 'USD', { basis: 'per-month' })],
  ['Coursera Plus: $59/month (7-day free trial)', undefined, paid(59, 'USD', { basis: 'per-month' })],
  ['£200 including free certificate', undefined, paid(200, 'GBP')],
  ['Tax-free: £300', undefined, paid(300, 'GBP')],
  // nothing to read
  ['', undefined, null],
  ['   ', undefined, null],
  ['Contact us for pricing', undefined, null],
  ['Fees vary', undefined, null],
  ['TBC', undefined, null],
  ['50% off', undefined, null],
  ['Level 5, 3 credits', undefined, null],
  ['Cost: 2026 intake', undefined, null],
  ['EUR', undefined, null],
];

describe('normaliseCost', () => {
  it.each(rows)('%j (country %s)', (text, country, expected) => {
    expect(normaliseCost(text, { country })).toEqual(expected);
  });

  it('never throws and stays fast on hostile input', () => {
    const inputs = [
      '$'.repeat(5000),
      '1,'.repeat(5000),
      `${'€ 1 '.repeat(3000)}`,
      'free '.repeat(4000),
      '\u0000\uFFFF',
    ];
    for (const input of inputs) {
      const started = performance.now();
      expect(() => normaliseCost(input)).not.toThrow();
      expect(performance.now() - started).toBeLessThan(500);
    }
    expect(normaliseCost(null)).toBeNull();
    expect(normaliseCost(12 as unknown as string)).toBeNull();
    expect(normaliseCost('$10', { country: 5 as unknown as string })).toEqual(paid(10, 'USD'));
  });
});

describe('parseAmount', () => {
  it.each([
    ['1,250.00', 1250],
    ['1.250,00', 1250],
    ['1 250', 1250],
    ["1'250", 1250],
    ['1,25,000', 125000],
    ['49,-', 49],
    ['49,99', 49.99],
    ['0.500', 0.5],
    ['1,5', 1.5],
  ])('%s → %d', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });
});
