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

// made when first needed: building Intl's name tables as a page starts would delay its first results
let languageNames: Intl.DisplayNames | undefined;
export function formatLanguage(code: string): string {
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const UNITS: Record<string, [string, string]> = {
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  term: ['term', 'terms'],
  semester: ['semester', 'semesters'],
  year: ['year', 'years'],
};

/** A length in the provider's own unit ("4 months", "6–8 weeks"); weeks only when the provider gave none. */
export function formatDuration(duration: {
  minWeeks: number | null;
  maxWeeks: number | null;
  stated?: { value: number; max: number | null; unit: string } | null;
}): string | null {
  const { stated } = duration;
  if (!stated) return formatWeeks(duration.minWeeks, duration.maxWeeks);
  const [one, many] = UNITS[stated.unit] ?? [stated.unit, stated.unit];
  if (stated.max !== null && stated.max !== stated.value)
    return `${round(stated.value)}–${round(stated.max)} ${many}`;
  return `${round(stated.value)} ${stated.value === 1 ? one : many}`;
}

/** An amount in its own currency, and in the reference currency beside it when that differs. */
export function formatCostWithReference(cost: {
  amount: number | null;
  currency: string | null;
  freeClass: string;
  reference: { amount: number; currency: string } | null;
}): string {
  const own = formatCost(cost);
  const { reference } = cost;
  if (!reference || cost.amount === null || cost.amount === 0 || reference.currency === cost.currency)
    return own;
  return `${own} (≈ ${formatMoney(reference.amount, reference.currency)})`;
}

/** Today as YYYY-MM-DD in UTC, as the API's dates are. */
export const today = () => new Date().toISOString().slice(0, 10);

export function formatDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The first start date from today on, or null. */
export function nextStart(startDates: string[]): string | null {
  const from = today();
  return [...startDates].sort().find((date) => date.slice(0, 10) >= from) ?? null;
}

/** "3 days ago", "today": how old a fact is. */
export function formatAge(iso: string, now = Date.now()): string {
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  if (!Number.isFinite(days)) return 'at an unknown time';
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return `${Math.round(days / 30)} months ago`;
}
