/** How comparisons and exports write amounts and ranges for people. */

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount); // prettier-ignore
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "6 weeks", "6–8 weeks", "1 hour". */
export function quantity(min: number | null, max: number | null, unit: string): string | null {
  const low = min ?? max;
  const high = max ?? min;
  if (low === null || high === null) return null;
  const plural = high === 1 ? unit : `${unit}s`;
  return low === high
    ? `${number.format(high)} ${plural}`
    : `${number.format(low)}–${number.format(high)} ${plural}`;
}
