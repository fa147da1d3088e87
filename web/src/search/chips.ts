import { FACET_NAMES, type FacetName, type SearchResponse } from '../api.ts';
import { el } from '../dom.ts';
import { formatDate } from '../format.ts';
import { chosen, toggled, type Changes, type Param } from './url-state.ts';

export interface ActiveFilter {
  label: string;
  /** what removing this filter changes in the state */
  removal: Changes;
}

const RANGE_LABELS: Partial<Record<Param, (value: string, state: URLSearchParams) => string>> = {
  minWeeks: (value) => `At least ${value} weeks`,
  maxWeeks: (value) => `At most ${value} weeks`,
  minCost: (value, state) => `Costs at least ${value} ${state.get('currency') ?? 'EUR'}`,
  maxCost: (value, state) => `Costs at most ${value} ${state.get('currency') ?? 'EUR'}`,
  minHoursPerWeek: (value) => `At least ${value} h/week`,
  maxHoursPerWeek: (value) => `At most ${value} h/week`,
  minTotalHours: (value) => `At least ${value} hours in all`,
  maxTotalHours: (value) => `At most ${value} hours in all`,
  startsAfter: (value) => `Starts from ${formatDate(value)}`,
  startsBefore: (value) => `Starts by ${formatDate(value)}`,
  minCompleteness: (value) => `At least ${value}% complete`,
  free: () => 'Free to study',
};

/** Every filter in force, named for people, with what removing it takes away. */
export function activeFilters(
  state: URLSearchParams,
  response: SearchResponse | null,
  fieldNames: Map<string, string> = new Map(),
): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  const q = state.get('q');
  if (q) filters.push({ label: `“${q}”`, removal: { q: null } });
  for (const name of FACET_NAMES as readonly FacetName[]) {
    for (const value of chosen(name, state)) {
      const label =
        response?.facets[name]?.values.find((listed) => listed.value === value)?.label ??
        (name === 'field' ? fieldNames.get(value) : undefined) ??
        value;
      filters.push({ label, removal: { [name]: toggled(name, value, state) } });
    }
  }
  for (const [name, describe] of Object.entries(RANGE_LABELS) as [
    Param,
    (v: string, s: URLSearchParams) => string,
  ][]) {
    const value = state.get(name);
    if (value) filters.push({ label: describe(value, state), removal: { [name]: null } });
  }
  return filters;
}

/** The filters in force as chips: one click (or Enter) takes one away. */
export function filterChips(
  filters: ActiveFilter[],
  apply: (changes: Changes) => Promise<void>,
): HTMLElement[] {
  return filters.map((filter, at) => {
    const chip = el(
      'button',
      { type: 'button', class: 'chip' },
      filter.label,
      el('span', { 'aria-hidden': 'true' }, ' ×'),
      el('span', { class: 'visually-hidden' }, ' (remove this filter)'),
    );
    chip.addEventListener('click', () => {
      // focus moves to the chip that takes this one's place, or to the search box when none is left
      void apply(filter.removal).then(() => {
        const chips = document.querySelectorAll<HTMLElement>('#chips .chip');
        (chips[Math.min(at, chips.length - 1)] ?? document.getElementById('q'))?.focus();
      });
    });
    return el('li', {}, chip);
  });
}
