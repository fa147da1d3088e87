import './style.css';
import {
  FACET_NAMES,
  getJson,
  type Facet,
  type FacetName,
  type SearchHit,
  type SearchResponse,
} from './api.ts';
import { byId, el } from './dom.ts';
import { capitalise, formatCost, formatMode, formatWeeks } from './format.ts';

const SELECTS = ['maxWeeks', 'maxHoursPerWeek', 'minCompleteness'] as const;
const FILTERS = ['q', ...FACET_NAMES, ...SELECTS, 'maxCost', 'currency', 'free', 'page'] as const;
type Filter = (typeof FILTERS)[number];

const form = byId<HTMLFormElement>('search-form');
const query = byId<HTMLInputElement>('q');
const maxCost = byId<HTMLInputElement>('maxCost');
const currency = byId<HTMLSelectElement>('currency');
const free = byId<HTMLInputElement>('free');

function state(): URLSearchParams {
  return new URLSearchParams(location.search);
}

function update(changes: Partial<Record<Filter, string | null>>) {
  const params = state();
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  if (!('page' in changes)) params.delete('page');
  history.pushState(null, '', `?${params.toString()}`);
  void search();
}

/** The values chosen in a facet: several may be, comma-separated (`mode=online,blended`). */
const chosen = (name: FacetName) => (state().get(name) ?? '').split(',').filter(Boolean);

/** Adds a value to a facet's choices, or takes it away. */
function toggle(name: FacetName, value: string) {
  const values = chosen(name);
  const next = values.includes(value) ? values.filter((other) => other !== value) : [...values, value];
  update({ [name]: next.join(',') || null });
}

function facetList(list: HTMLElement, facet: Facet, name: FacetName) {
  list.replaceChildren(
    ...facet.values.map((value) => {
      const button = el(
        'button',
        {
          type: 'button',
          class: value.selected ? 'facet-value active' : 'facet-value',
          'aria-pressed': String(value.selected),
          'data-value': value.value,
        },
        el('span', {}, value.label),
        el('span', { class: 'count' }, value.count.toLocaleString('en')),
      );
      button.addEventListener('click', () => toggle(name, value.value));
      return el('li', {}, button);
    }),
  );
  if (facet.more)
    list.append(el('li', { class: 'facet-more' }, 'More values: narrow the search to see them'));
  // a choice this search lists no value for (a narrower field, one no course here has) can still be undone
  for (const value of chosen(name).filter((one) => !facet.values.some((listed) => listed.value === one))) {
    const clear = el('button', { type: 'button', class: 'facet-value active', 'aria-pressed': 'true' }, `Clear ${value}`); // prettier-ignore
    clear.addEventListener('click', () => toggle(name, value));
    list.prepend(el('li', {}, clear));
  }
}

/** Text with the words searched for in <mark>, built as text nodes: the text is never parsed as HTML. */
function marked(text: string, ranges: [number, number][]): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(text.slice(at, start), el('mark', {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.filter((part) => part !== '');
}

function completenessBadge(score: number, missing: string[]) {
  const tone = score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
  return el(
    'span',
    {
      class: `completeness ${tone}`,
      title: missing.length ? `Missing: ${missing.join(', ')}` : 'All critical information present',
    },
    `${score}% complete`,
  );
}

function resultCard(hit: SearchHit) {
  const facts = [
    formatMode(hit.deliveryMode),
    formatWeeks(hit.duration.minWeeks, hit.duration.maxWeeks),
    hit.workload.hoursPerWeekMax !== null ? `up to ${hit.workload.hoursPerWeekMax} h/week` : null,
    hit.level.label ? capitalise(hit.level.label) : hit.level.eqf ? `EQF ${hit.level.eqf}` : null,
  ].filter((fact): fact is string => Boolean(fact));
  return el(
    'li',
    { class: 'result' },
    el(
      'h3',
      {},
      el(
        'a',
        { href: `/course.html?id=${encodeURIComponent(hit.id)}` },
        ...marked(hit.title, hit.highlights.title),
      ),
    ),
    el('p', { class: 'provider' }, hit.provider.name),
    hit.summary && el('p', { class: 'result-summary' }, ...marked(hit.summary, hit.highlights.summary)),
    el(
      'p',
      { class: 'facts' },
      ...facts.map((fact) => el('span', { class: 'fact' }, fact)),
      el('span', { class: 'fact cost' }, formatCost(hit.cost)),
      completenessBadge(hit.completeness.score, hit.completeness.missing),
    ),
  );
}

function pager(response: SearchResponse) {
  const { pages } = response;
  const nav = byId('pager');
  nav.replaceChildren();
  if (pages <= 1) return;
  const go = (page: number, label: string) => {
    const button = el('button', { type: 'button' }, label);
    button.addEventListener('click', () => update({ page: String(page) }));
    return button;
  };
  if (response.page > 1) nav.append(go(response.page - 1, '← Previous'));
  nav.append(el('span', {}, `Page ${response.page} of ${pages}`));
  if (response.page < pages) nav.append(go(response.page + 1, 'Next →'));
}

let latest = 0;
async function search() {
  const params = state();
  query.value = params.get('q') ?? '';
  for (const name of SELECTS) byId<HTMLSelectElement>(name).value = params.get(name) ?? '';
  maxCost.value = params.get('maxCost') ?? '';
  currency.value = params.get('currency') ?? 'EUR';
  free.checked = params.get('free') === 'true';
  const apiParams = new URLSearchParams(
    [...params].filter(([name]) => (FILTERS as readonly string[]).includes(name)),
  );
  if (!apiParams.get('maxCost')) apiParams.delete('currency');

  const request = ++latest;
  const summary = byId('summary');
  // busy until the results shown are those of the latest search: screen readers wait, and so can tests
  const region = byId('results-region');
  region.setAttribute('aria-busy', 'true');
  try {
    const response = await getJson<SearchResponse>(`/v1/search?${apiParams.toString()}`);
    if (request !== latest) return;
    // a total past what the index counts exactly is shown as "10,000+"
    const total = `${response.total.toLocaleString('en')}${response.totalIsLowerBound ? '+' : ''}`;
    summary.textContent = `${total} ${response.total === 1 && !response.totalIsLowerBound ? 'course' : 'courses'} found`;
    byId('results').replaceChildren(...response.hits.map(resultCard));
    for (const name of FACET_NAMES) facetList(byId(`facet-${name}`), response.facets[name], name);
    pager(response);
  } catch (error) {
    if (request !== latest) return;
    summary.textContent = `Search failed: ${(error as Error).message}`;
  }
  region.setAttribute('aria-busy', 'false');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  update({ q: query.value.trim() || null });
});
let typing: number | undefined;
query.addEventListener('input', () => {
  clearTimeout(typing);
  typing = window.setTimeout(() => update({ q: query.value.trim() || null }), 250);
});
for (const name of SELECTS) {
  const select = byId<HTMLSelectElement>(name);
  select.addEventListener('change', () => update({ [name]: select.value || null }));
}
maxCost.addEventListener('change', () =>
  update({ maxCost: maxCost.value || null, currency: maxCost.value ? currency.value : null }),
);
currency.addEventListener('change', () => update({ currency: maxCost.value ? currency.value : null }));
free.addEventListener('change', () => update({ free: free.checked ? 'true' : null }));
window.addEventListener('popstate', () => void search());

void search();
