import './style.css';
import { getJson, type ProviderList, type ProviderPage, type ProviderStatistics } from './api.ts';
import { mountTray, trayButton } from './compare-tray.ts';
import { byId, el } from './dom.ts';
import { fieldNames } from './field-tree.ts';
import { capitalise, formatMoney } from './format.ts';
import { resultCard } from './search/result-card.ts';

const main = byId('provider');
const params = () => new URLSearchParams(location.search);
const percent = (share: number) => `${Math.round(share * 100)}%`;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const country = (code: string) => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};
const typeName = (type: string) => capitalise(type.replaceAll('_', ' '));

function stat(label: string, value: string) {
  return el('div', {}, el('dt', {}, label), el('dd', {}, value));
}

/** "Online 12, Blended 3": counts by value, the most first. */
function counts(values: Record<string, number>, name: (key: string) => string = typeName) {
  const entries = Object.entries(values).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([key, n]) => `${name(key)} ${n}`).join(', ') : 'None stated';
}

function statistics(provider: ProviderStatistics, fieldNames: Map<string, string>) {
  return [
    el(
      'dl',
      { class: 'stats' },
      stat('Courses', provider.courseCount.toLocaleString('en')),
      stat(
        'Median cost',
        provider.medianCost === null ? 'Not known' : formatMoney(provider.medianCost, 'EUR'),
      ),
      stat('Courses priced', provider.pricedCourses.toLocaleString('en')),
      stat(
        'Median information given',
        provider.completeness === null ? 'Not known' : `${provider.completeness}%`,
      ),
    ),
    el(
      'dl',
      { class: 'fact-sheet' },
      ...[
        ['Fields of education', counts(provider.fields, (code) => fieldNames.get(code) ?? code)],
        ['Delivery', counts(provider.modes)],
        ['Levels', counts(provider.levels)],
        ...provider.criticalFacts.map((fact) => [`States ${fact.name}`, `${percent(fact.share)} of courses`]),
      ].map(([label, value]) => el('div', { class: 'fact-row' }, el('dt', {}, label), el('dd', {}, value))),
    ),
  ];
}

async function showProvider(id: string) {
  const page = Number(params().get('page') ?? '1') || 1;
  const [provider, names] = await Promise.all([
    getJson<ProviderPage>(`/v1/providers/${encodeURIComponent(id)}?page=${page}`),
    fieldNames(),
  ]);
  document.title = `${provider.name} — Shortlist`;
  const pages = Math.ceil(provider.courses.total / provider.courses.perPage);
  const link = (to: number, label: string) =>
    el('a', { class: 'page-link', href: `?id=${encodeURIComponent(id)}&page=${to}` }, label);
  main.replaceChildren(
    el('p', { class: 'back' }, el('a', { href: '/provider.html' }, '← All providers')),
    el('h1', {}, provider.name),
    el('p', { class: 'provider' }, `${typeName(provider.type)} in ${country(provider.country)} · `, el('a', { href: provider.url, rel: 'noopener nofollow' }, 'Their website')), // prettier-ignore
    trayButton('providers', { id: provider.id, name: provider.name }),
    el('h2', {}, 'Their catalogue'),
    ...statistics(provider, names),
    el('h2', { id: 'courses-heading' }, `Courses (${provider.courses.total.toLocaleString('en')})`),
    el('ol', { class: 'result-list' }, ...provider.courses.hits.map(resultCard)),
    el(
      'nav',
      { class: 'pager', 'aria-label': 'Pages' },
      page > 1 ? link(page - 1, '← Previous') : '',
      pages > 1 ? el('span', {}, `Page ${page} of ${pages}`) : '',
      page < pages ? link(page + 1, 'Next →') : '',
    ),
  );
}

async function showDirectory() {
  const sort = params().get('sort') ?? 'name';
  const { providers, total } = await getJson<ProviderList>(`/v1/providers?sort=${encodeURIComponent(sort)}`);
  const select = el(
    'select',
    { id: 'provider-sort' },
    ...[
      ['name', 'Name'],
      ['courseCount:desc', 'Most courses'],
      ['medianCost:asc', 'Lowest median cost'],
      ['completeness:desc', 'Most information given'],
    ].map(([value, label]) =>
      el('option', { value: value!, ...(value === sort ? { selected: '' } : {}) }, label),
    ),
  );
  select.addEventListener('change', () => {
    history.pushState(null, '', `?sort=${encodeURIComponent(select.value)}`);
    void load();
  });
  main.replaceChildren(
    el('h1', {}, 'Providers'),
    el(
      'p',
      { class: 'summary', role: 'status' },
      `${total} providers. Add 2 to 4 to compare them side by side.`,
    ),
    el('p', {}, el('label', { for: 'provider-sort' }, 'Sort by '), select),
    el(
      'ul',
      { class: 'result-list' },
      ...providers.map((provider) =>
        el(
          'li',
          { class: 'result' },
          el('h2', { class: 'card-title' }, el('a', { href: `/provider.html?id=${encodeURIComponent(provider.id)}` }, provider.name)), // prettier-ignore
          el('p', { class: 'provider' }, `${typeName(provider.type)} in ${country(provider.country)} · ${provider.courseCount} courses · median ${provider.medianCost === null ? 'cost not known' : formatMoney(provider.medianCost, 'EUR')} · ${provider.completeness ?? '–'}% information given`), // prettier-ignore
          trayButton('providers', { id: provider.id, name: provider.name }),
        ),
      ),
    ),
  );
}

async function load() {
  const id = params().get('id');
  try {
    await (id ? showProvider(id) : showDirectory());
  } catch (error) {
    main.replaceChildren(el('h1', {}, 'Provider'), el('p', { role: 'alert' }, (error as Error).message), el('a', { href: '/provider.html' }, 'All providers')); // prettier-ignore
  }
}

window.addEventListener('popstate', () => void load());
mountTray();
void load();
