import './style.css';
import { ApiError, FACET_NAMES, getJson, type FacetName, type SearchResponse } from './api.ts';
import { mountTray } from './compare-tray.ts';
import { byId } from './dom.ts';
import { fieldNames } from './field-tree.ts';
import { browseView } from './search/browse.ts';
import { activeFilters, filterChips } from './search/chips.ts';
import { emptyState } from './search/empty-state.ts';
import { facetList } from './search/facets.ts';
import { wireDrawer } from './search/filter-drawer.ts';
import { pager } from './search/pager.ts';
import { resultCard } from './search/result-card.ts';
import {
  apiParams,
  changed,
  isLanding,
  RANGES,
  searchState,
  toggled,
  type Changes,
} from './search/url-state.ts';

const form = byId<HTMLFormElement>('search-form');
const query = byId<HTMLInputElement>('q');
const sort = byId<HTMLSelectElement>('sort');
const currency = byId<HTMLSelectElement>('currency');
const free = byId<HTMLInputElement>('free');
const minCompleteness = byId<HTMLSelectElement>('minCompleteness');
const region = byId('results-region');
const summary = byId('summary');

/** While typing, one history entry per search, not one per letter. */
let typing = false;

/** Changes the state in the URL (a new history entry, so back undoes it) and searches. */
function apply(changes: Changes, { replace = false } = {}): Promise<void> {
  const url = `?${changed(changes).toString()}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  return search();
}

const toggle = (name: FacetName, value: string) => void apply({ [name]: toggled(name, value) });

/** The controls show the state in the URL, also after back and forward. */
function showState(state: URLSearchParams) {
  if (document.activeElement !== query) query.value = state.get('q') ?? '';
  sort.value = state.get('sort') ?? '';
  for (const name of RANGES) byId<HTMLInputElement>(name).value = state.get(name) ?? '';
  currency.value = state.get('currency') ?? 'EUR';
  free.checked = state.get('free') === 'true';
  minCompleteness.value = state.get('minCompleteness') ?? '';
}

const countText = (response: SearchResponse) => {
  // a total past what the index counts exactly is shown as "10,000+"
  const total = `${response.total.toLocaleString('en')}${response.totalIsLowerBound ? '+' : ''}`;
  return `${total} ${response.total === 1 && !response.totalIsLowerBound ? 'course' : 'courses'} found`;
};

function showLinks(params: URLSearchParams) {
  const search = params.toString();
  const atom = `/v1/search.atom${search ? `?${search}` : ''}`;
  byId<HTMLAnchorElement>('follow').href = atom;
  byId<HTMLLinkElement>('atom-alternate').href = atom;
  byId<HTMLAnchorElement>('export-csv').href = `/v1/export?${new URLSearchParams([...params, ['format', 'csv']]).toString()}`; // prettier-ignore
  byId<HTMLAnchorElement>('export-json').href = `/v1/export?${new URLSearchParams([...params, ['format', 'json']]).toString()}`; // prettier-ignore
}

let browseShown = false;
/** The browse view is loaded after the first results, so it never delays them. */
async function showBrowse(landing: boolean) {
  if (!landing || browseShown) return;
  browseShown = true;
  try {
    byId('browse').replaceChildren(...(await browseView()));
  } catch {
    browseShown = false;
  }
}

let latest = 0;
let inFlight: AbortController | undefined;
let firstResults = true;

async function search() {
  const state = searchState();
  showState(state);
  const landing = isLanding(state);
  byId('browse').hidden = !landing;
  const params = apiParams(state);
  const request = ++latest;
  inFlight?.abort();
  const controller = (inFlight = new AbortController());
  // busy until the results shown are those of the latest search: screen readers wait, and so can tests
  region.setAttribute('aria-busy', 'true');
  try {
    // a chosen field is named in its chip, which needs the tree's names
    const [response, names] = await Promise.all([
      getJson<SearchResponse>(`/v1/search?${params.toString()}`, controller.signal),
      state.has('field') ? fieldNames() : new Map<string, string>(),
    ]);
    // a slower answer to an older search never replaces a newer one
    if (request !== latest) return;
    await render(state, params, response, names);
    void showBrowse(landing);
    if (request !== latest) return;
  } catch (error) {
    if (request !== latest) return;
    summary.textContent =
      error instanceof ApiError
        ? `Search failed: ${error.message}`
        : 'Search failed: the server did not answer';
  }
  region.setAttribute('aria-busy', 'false');
}

async function render(
  state: URLSearchParams,
  params: URLSearchParams,
  response: SearchResponse,
  names: Map<string, string>,
) {
  const filters = activeFilters(state, response, names);
  summary.textContent = countText(response);
  byId('results').replaceChildren(...response.hits.map(resultCard));
  if (firstResults) {
    firstResults = false;
    performance.mark('shortlist:first-results');
  }
  for (const name of FACET_NAMES)
    facetList(
      byId(`facet-${name}`),
      response.facets[name],
      name,
      toggle,
      (value) => names.get(value) ?? value,
    );
  byId('chips').replaceChildren(...filterChips(filters, apply));
  byId('filter-count').textContent = filters.length ? `(${filters.length})` : '';
  byId('pager').replaceChildren(...pager(response, (page) => `?${changed({ page: String(page) }, state).toString()}`)); // prettier-ignore
  showLinks(params);
  const empty = byId('empty');
  empty.replaceChildren();
  if (response.total === 0 && filters.length > 0) empty.append(await emptyState(filters, (changes) => void apply(changes))); // prettier-ignore
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  void apply({ q: query.value.trim() || null }, { replace: typing });
  typing = false;
});
let typingTimer: number | undefined;
query.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => {
    void apply({ q: query.value.trim() || null }, { replace: typing });
    typing = true;
  }, 200);
});
query.addEventListener('blur', () => (typing = false));
sort.addEventListener('change', () => void apply({ sort: sort.value || null }));
for (const name of RANGES) {
  const input = byId<HTMLInputElement>(name);
  input.addEventListener('change', () => void apply({ [name]: input.value || null }));
}
currency.addEventListener(
  'change',
  () => void apply({ currency: currency.value === 'EUR' ? null : currency.value }),
);
free.addEventListener('change', () => void apply({ free: free.checked ? 'true' : null }));
minCompleteness.addEventListener(
  'change',
  () => void apply({ minCompleteness: minCompleteness.value || null }),
);
byId('pager').addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  // keyboard users land on the new page's results, not at the foot of the old one
  void search().then(() => byId('results-heading').focus());
});
window.addEventListener('popstate', () => void search());
wireDrawer();
mountTray();

void search();
