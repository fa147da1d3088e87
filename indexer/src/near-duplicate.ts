import type { Course } from '@shortlist/schemas';

/** A title reduced to what identifies it: case, accents, punctuation and spacing ignored. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A URL reduced to what identifies a page: scheme, `www.`, trailing slash and tracking parameters ignored. */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()])
      if (/^utm_|^fbclid$|^gclid$/i.test(name)) parsed.searchParams.delete(name);
    const host = parsed.host.toLowerCase().replace(/^www\./, '');
    return `${host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

function similar(a: number | null, b: number | null, tolerance: (a: number, b: number) => number): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance(a, b);
}

/** Same provider and title (checked by the caller), similar duration and similar cost. */
export function isNearDuplicate(a: Course, b: Course): boolean {
  const sameWeeks = similar(a.duration.maxWeeks, b.duration.maxWeeks, () => 1);
  const costA = a.cost.reference?.amount ?? a.cost.amount;
  const costB = b.cost.reference?.amount ?? b.cost.amount;
  const sameCost = similar(costA, costB, (x, y) => Math.max(1, 0.05 * Math.max(x, y)));
  return sameWeeks && sameCost;
}
