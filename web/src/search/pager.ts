import type { SearchResponse } from '../api.ts';
import { el } from '../dom.ts';

/** Previous and next, and the pages around this one; a link per page, so each page has its own URL. */
export function pager(response: SearchResponse, href: (page: number) => string): HTMLElement[] {
  const { page, pages } = response;
  if (pages <= 1) return [];
  const link = (to: number, label: string, name?: string) =>
    el('a', { href: href(to), class: 'page-link', ...(name ? { 'aria-label': name } : {}) }, label);
  const around = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages);
  const items: HTMLElement[] = [];
  if (page > 1) items.push(link(page - 1, '← Previous', 'Previous page'));
  around.forEach((n, at) => {
    if (at > 0 && n - around[at - 1]! > 1) items.push(el('span', { class: 'gap' }, '…'));
    items.push(
      n === page
        ? el('span', { class: 'page-link current', 'aria-current': 'page' }, `Page ${n} of ${pages}`)
        : link(n, String(n), `Page ${n}`),
    );
  });
  if (page < pages) items.push(link(page + 1, 'Next →', 'Next page'));
  return items;
}
