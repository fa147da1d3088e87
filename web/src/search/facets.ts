import type { Facet, FacetName } from '../api.ts';
import { el } from '../dom.ts';
import { chosen } from './url-state.ts';

/**
 * A facet as buttons that can be pressed together (`mode=online,blended`); each count is what the search would
 * find with that value too, since the API counts a facet without its own choices.
 */
export function facetList(
  list: HTMLElement,
  facet: Facet,
  name: FacetName,
  toggle: (name: FacetName, value: string) => void,
  labelOf: (value: string) => string = (value) => value,
) {
  const button = (value: string, label: string, count: string | null, pressed: boolean) => {
    const pressable = el(
      'button',
      { type: 'button', class: 'facet-value', 'aria-pressed': String(pressed), 'data-value': value },
      el('span', {}, label),
      count === null ? '' : el('span', { class: 'count' }, count),
    );
    pressable.addEventListener('click', () => toggle(name, value));
    return el('li', {}, pressable);
  };
  // the list is drawn anew after each search: a keyboard user's focus stays on the value they pressed
  const focused = list.contains(document.activeElement)
    ? (document.activeElement as HTMLElement).dataset.value
    : undefined;
  // a choice this search lists no value for (a narrower field, one no course here has) can still be undone
  const unlisted = chosen(name).filter((one) => !facet.values.some((listed) => listed.value === one));
  list.replaceChildren(
    ...unlisted.map((value) => button(value, labelOf(value), null, true)),
    ...facet.values.map((value) =>
      button(value.value, value.label, value.count.toLocaleString('en'), value.selected),
    ),
  );
  if (focused !== undefined)
    list.querySelector<HTMLElement>(`[data-value="${CSS.escape(focused)}"]`)?.focus();
  if (facet.more)
    list.append(el('li', { class: 'facet-more' }, 'More values: narrow the search to see them'));
  list.closest('section')?.toggleAttribute('hidden', facet.values.length === 0 && unlisted.length === 0);
}
