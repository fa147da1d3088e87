import './style.css';
import { getJson, type Comparison, type CourseComparison } from './api.ts';
import { compareUrl, mountTray, toggleInTray, trayItems, type TrayKind } from './compare-tray.ts';
import { byId, el } from './dom.ts';
import { formatMoney } from './format.ts';

const main = byId('compare');
const NOUN: Record<TrayKind, string> = { courses: 'courses', providers: 'providers' };

/** The ids to compare: from the URL (a shared comparison), or else from the tray. */
function chosen(): { kind: TrayKind; ids: string[] } {
  const params = new URLSearchParams(location.search);
  for (const kind of ['courses', 'providers'] as const) {
    const ids = params.get(kind)?.split(',').filter(Boolean);
    if (ids?.length) return { kind, ids };
  }
  const courses = trayItems('courses');
  if (courses.length >= 2) return { kind: 'courses', ids: courses.map((item) => item.id) };
  return { kind: 'providers', ids: trayItems('providers').map((item) => item.id) };
}

const notStated = () => el('span', { class: 'not-stated' }, 'Not stated');

function cell(value: { value: string | null; said: string | null }) {
  if (value.value === null) return el('td', {}, notStated());
  return el(
    'td',
    {},
    value.value,
    value.said && value.said !== value.value
      ? el('span', { class: 'provenance' }, `Provider says: “${value.said}”`)
      : '',
  );
}

function ratio(amount: { amount: number; currency: string; per: string } | null) {
  return amount ? `${formatMoney(amount.amount, amount.currency)} per ${amount.per}` : null;
}

/** The columns holding the lowest of the stated amounts, when at least two are stated and they are not all equal. */
function lowestOf(amounts: (number | null)[]): Set<number> {
  const stated = amounts.filter((amount) => amount !== null);
  if (stated.length < 2 || new Set(stated).size < 2) return new Set();
  const lowest = Math.min(...stated);
  return new Set(amounts.flatMap((amount, column) => (amount === lowest ? [column] : [])));
}

/**
 * Rows only a course comparison has: cost per hour and per credit in one currency (the lowest marked, as the
 * amounts compare like with like), and what each leaves out.
 */
function courseRows(comparison: CourseComparison): HTMLElement[] {
  const row = (label: string, values: (string | null)[], amounts: (number | null)[] = []) => {
    const lowest = lowestOf(amounts);
    return el(
      'tr',
      { class: new Set(values).size > 1 ? 'differs' : '' },
      el('th', { scope: 'row' }, label),
      ...values.map((value, column) =>
        value === null
          ? el('td', {}, notStated())
          : lowest.has(column)
            ? el('td', { class: 'lowest' }, value, el('span', { class: 'lowest-badge' }, 'Lowest'))
            : el('td', {}, value),
      ),
    );
  };
  const { referenceCurrency } = comparison.rates;
  const { courses } = comparison;
  return [
    row(`Cost per hour of work (${referenceCurrency})`, courses.map((course) => ratio(course.costPerHour)), courses.map((course) => course.costPerHour?.amount ?? null)), // prettier-ignore
    row(`Cost per credit (${referenceCurrency})`, courses.map((course) => ratio(course.costPerCredit)), courses.map((course) => course.costPerCredit?.amount ?? null)), // prettier-ignore
    row(
      'Information given',
      courses.map((course) => `${course.completeness.score}% complete`),
    ),
    row(
      'Does not state',
      courses.map((course) => course.completeness.missing.join(', ') || 'States every critical fact'),
    ),
  ];
}

function heading(kind: TrayKind, comparison: Comparison, ids: string[]): HTMLElement[] {
  const items =
    comparison.kind === 'courses'
      ? comparison.courses.map((course) => ({ id: course.id, name: course.title, href: `/course.html?id=${encodeURIComponent(course.id)}`, by: course.provider.name })) // prettier-ignore
      : comparison.providers.map((provider) => ({ id: provider.id, name: provider.name, href: `/provider.html?id=${encodeURIComponent(provider.id)}`, by: provider.country })); // prettier-ignore
  return items.map((item) => {
    const remove = el('button', { type: 'button', class: 'loosen' }, 'Remove', el('span', { class: 'visually-hidden' }, ` ${item.name}`)); // prettier-ignore
    remove.addEventListener('click', () => {
      if (trayItems(kind).some((one) => one.id === item.id)) toggleInTray(kind, item);
      const rest = ids.filter((id) => id !== item.id);
      history.pushState(null, '', rest.length ? compareUrl(kind, rest) : '/compare.html');
      void load().then(() => main.querySelector('h1')?.focus());
    });
    return el('th', { scope: 'col' }, el('a', { href: item.href }, item.name), el('span', { class: 'provenance' }, item.by), remove); // prettier-ignore
  });
}

function render(kind: TrayKind, ids: string[], comparison: Comparison) {
  const table = el(
    'table',
    { class: 'compare-table' },
    el(
      'caption',
      { class: 'visually-hidden' },
      `The ${NOUN[kind]} side by side; ≠ marks a fact that differs`,
    ),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Fact'), ...heading(kind, comparison, ids))),
    el(
      'tbody',
      {},
      ...comparison.facts.map((fact) =>
        el(
          'tr',
          { class: fact.differs ? 'differs' : '' },
          el('th', { scope: 'row' }, fact.label, fact.differs ? el('span', { class: 'visually-hidden' }, ' (differs)') : ''), // prettier-ignore
          ...fact.values.map(cell),
        ),
      ),
      ...(comparison.kind === 'courses' ? courseRows(comparison) : []),
    ),
  );
  const onlyDifferences = el('input', { type: 'checkbox', id: 'only-differences' });
  onlyDifferences.addEventListener('change', () => {
    for (const row of table.querySelectorAll('tbody tr:not(.differs)'))
      row.toggleAttribute('hidden', onlyDifferences.checked);
  });
  const share = new URL(compareUrl(kind, ids), location.origin).href;
  const csv = `/v1/compare?${kind}=${ids.map(encodeURIComponent).join(',')}&format=csv`;
  document.title = `Comparing ${ids.length} ${NOUN[kind]} — Shortlist`;
  main.replaceChildren(
    el('h1', { tabindex: '-1' }, `Comparing ${ids.length} ${NOUN[kind]}`),
    el('p', { class: 'summary', role: 'status' }, `${table.querySelectorAll('tbody tr.differs').length} facts differ. Amounts in ${comparison.rates.referenceCurrency} use the exchange rates of ${comparison.rates.date}.`), // prettier-ignore
    el(
      'div',
      { class: 'alerts' },
      el('label', { class: 'check' }, onlyDifferences, ' Show only the facts that differ'),
      el('a', { id: 'compare-csv', href: csv, download: '' }, 'Download as CSV'),
    ),
    el('p', {}, el('label', { for: 'share' }, 'Link to this comparison '), el('input', { id: 'share', readonly: '', value: share })), // prettier-ignore
    el('div', { class: 'compare-scroll', tabindex: '0', role: 'region', 'aria-label': 'Comparison table' }, table), // prettier-ignore
  );
}

async function load() {
  const { kind, ids } = chosen();
  if (ids.length < 2) {
    main.replaceChildren(
      el('h1', { tabindex: '-1' }, 'Compare'),
      el('p', { role: 'status' }, 'Choose 2 to 4 courses to compare: press “Add to compare” on search results or a course page. Advisers can compare providers from the providers page.'), // prettier-ignore
      el(
        'p',
        {},
        el('a', { href: '/' }, 'Search courses'),
        ' · ',
        el('a', { href: '/provider.html' }, 'Providers'),
      ),
    );
    return;
  }
  try {
    render(
      kind,
      ids,
      await getJson<Comparison>(`/v1/compare?${kind}=${ids.map(encodeURIComponent).join(',')}`),
    );
  } catch (error) {
    main.replaceChildren(el('h1', {}, 'Compare'), el('p', { role: 'alert' }, (error as Error).message));
  }
}

window.addEventListener('popstate', () => void load());
mountTray();
void load();
