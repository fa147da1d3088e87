const MODES: Record<string, string> = { online: 'Online', in_person: 'In person', blended: 'Blended' };

export const formatMode = (mode: string | null) => (mode ? (MODES[mode] ?? mode) : null);

const round = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function formatWeeks(min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min === null || max === null || min === max) return `${round((min ?? max)!)} weeks`;
  return `${round(min)}–${round(max)} weeks`;
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      maximumFractionDigits: amount % 1 ? 2 : 0,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatCost(cost: {
  amount: number | null;
  currency: string | null;
  freeClass: string;
}): string {
  if (cost.freeClass === 'free') return 'Free';
  if (cost.freeClass === 'free-audit-paid-certificate') {
    return cost.amount !== null && cost.currency
      ? `Free; certificate ${formatMoney(cost.amount, cost.currency)}`
      : 'Free to audit';
  }
  if (cost.amount !== null && cost.currency) return formatMoney(cost.amount, cost.currency);
  return 'Cost not stated';
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
export const formatLanguage = (code: string) => languageNames.of(code) ?? code;

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
