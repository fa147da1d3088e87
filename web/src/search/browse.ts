import { getJson, type FieldTree, type SearchResponse } from '../api.ts';
import { fieldTree } from '../field-tree.ts';
import { el } from '../dom.ts';
import { today } from '../format.ts';

const count = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'course' : 'courses'}`;

function endOfMonth(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/** Ready-made searches a newcomer can start from; each says how many courses it holds. */
function entryPoints(): { label: string; search: string }[] {
  const day = today();
  return [
    { label: 'Free to study', search: 'free=true' },
    { label: '8 weeks or shorter', search: 'maxWeeks=8' },
    { label: 'Online and self-paced', search: 'mode=online&pacing=self_paced' },
    { label: 'Starting this month', search: `startsAfter=${day}&startsBefore=${endOfMonth(day)}` },
  ];
}

async function entryList(): Promise<HTMLElement> {
  const items = await Promise.all(
    entryPoints().map(async ({ label, search }) => {
      const { total, totalIsLowerBound } = await getJson<SearchResponse>(`/v1/search?${search}&perPage=1`);
      return el(
        'li',
        {},
        el('a', { href: `/?${search}` }, el('strong', {}, label), el('span', { class: 'count' }, `${count(total)}${totalIsLowerBound ? '+' : ''}`)), // prettier-ignore
      );
    }),
  );
  return el('ul', { class: 'entry-points' }, ...items);
}

/** The ISCED-F tree: each broad field a search, its narrower fields inside it. */
function fieldList(tree: FieldTree): HTMLElement {
  return el(
    'ul',
    { class: 'field-tree' },
    ...tree.fields
      .filter((broad) => broad.count > 0)
      .map((broad) => {
        const narrow = broad.narrow.filter((field) => field.count > 0);
        return el(
          'li',
          {},
          el('a', { href: `/?field=${broad.code}` }, broad.name, el('span', { class: 'count' }, count(broad.count))), // prettier-ignore
          narrow.length > 1
            ? el(
                'ul',
                {},
                ...narrow.map(
                  (field) =>
                  el('li', {}, el('a', { href: `/?field=${field.code}` }, field.name, el('span', { class: 'count' }, count(field.count)))), // prettier-ignore
                ),
              )
            : '',
        );
      }),
  );
}

/** The landing view: ways in for those who browse rather than search. */
export async function browseView(): Promise<HTMLElement[]> {
  const [tree, entries] = await Promise.all([fieldTree(), entryList()]);
  return [
    el('h2', { id: 'browse-start' }, 'Start here'),
    entries,
    el('h2', {}, 'Browse by field of education'),
    fieldList(tree),
  ];
}
