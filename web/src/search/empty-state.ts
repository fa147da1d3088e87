import { getJson, type SearchResponse } from '../api.ts';
import { el } from '../dom.ts';
import type { ActiveFilter } from './chips.ts';
import { apiParams, changed, type Changes } from './url-state.ts';

/**
 * When nothing matches: each filter in force with how many courses the search finds without it, the most first,
 * so the learner sees which one to loosen.
 */
export async function emptyState(
  filters: ActiveFilter[],
  apply: (changes: Changes) => void,
): Promise<HTMLElement> {
  const counted = await Promise.all(
    filters.slice(0, 8).map(async (filter) => {
      const params = apiParams(changed(filter.removal));
      params.set('perPage', '1');
      try {
        const { total } = await getJson<SearchResponse>(`/v1/search?${params.toString()}`);
        return { filter, total };
      } catch {
        return { filter, total: 0 };
      }
    }),
  );
  const helpful = counted.filter(({ total }) => total > 0).sort((a, b) => b.total - a.total);
  if (helpful.length === 0)
    return el(
      'div',
      { class: 'empty' },
      el('p', {}, 'No course matches. Try other words, or clear the filters.'),
    );
  return el(
    'div',
    { class: 'empty' },
    el('p', {}, 'No course matches all of this. Loosen one filter:'),
    el(
      'ul',
      {},
      ...helpful.map(({ filter, total }) => {
        const loosen = el('button', { type: 'button', class: 'loosen' }, `Remove ${filter.label}: ${total.toLocaleString('en')} ${total === 1 ? 'course' : 'courses'}`); // prettier-ignore
        loosen.addEventListener('click', () => apply(filter.removal));
        return el('li', {}, loosen);
      }),
    ),
  );
}
