import './style.css';
import { getJson, type CourseDetail } from './api.ts';
import { mountTray, trayButton } from './compare-tray.ts';
import { byId, el } from './dom.ts';
import {
  capitalise,
  formatAge,
  formatCost,
  formatDate,
  formatDuration,
  formatLanguage,
  formatMode,
  formatMoney,
} from './format.ts';

/** Where a fact was read, in words: "from the provider's feed", "read from the page's text". */
function extractorWords(extractor: string): string {
  if (extractor === 'feed') return 'from the provider’s feed';
  if (extractor === 'text') return 'read from the page’s text';
  if (extractor === 'selector') return 'read from a labelled part of the page';
  if (extractor === 'embedded') return 'from data embedded in the page';
  if (extractor.startsWith('preset:')) return `read from the page by the ${extractor.slice(7)} preset`;
  return 'from the page’s structured data';
}

let course: CourseDetail;

/** The provenance of one fact (its source field in the record): how it was read, and how long ago. */
function provenance(field: string | undefined): string | null {
  const extractor = field ? course.provenance[field] : undefined;
  if (!extractor) return null;
  const confidence = course.evidence?.[field!]?.confidence;
  return `${capitalise(extractorWords(extractor))}, ${formatAge(course.fetchedAt)}${confidence === 'low' ? ' (low confidence)' : ''}`; // prettier-ignore
}

/** A fact the provider gave, with its own words and where it was read; or "Not stated". */
function row(label: string, value: string | null | undefined, original?: string | null, field?: string) {
  if (!value)
    return el('div', { class: 'fact-row missing' }, el('dt', {}, label), el('dd', {}, 'Not stated'));
  // the field of education is Shortlist's classification, not something the provider stated
  const source =
    field === 'fields' ? 'Classified by Shortlist from the title and subjects' : provenance(field);
  return el(
    'div',
    { class: 'fact-row' },
    el('dt', {}, label),
    el(
      'dd',
      {},
      value,
      original && original !== value
        ? el('span', { class: 'original' }, `Provider says: “${original}”`)
        : null,
      source ? el('span', { class: 'provenance' }, source) : null,
    ),
  );
}

const hours = (range: { min: number; max: number } | null, unit: string) =>
  range ? `${range.min === range.max ? range.min : `${range.min}–${range.max}`} ${unit}` : null;

function priceHistory(): HTMLElement {
  const points = course.priceHistory;
  const price = (point: CourseDetail['priceHistory'][number]) => formatCost({ ...point });
  if (points.length <= 1)
    return el('p', {}, points[0] ? `No change recorded since ${formatDate(points[0].at)} (${price(points[0])}).` : 'No price recorded yet.'); // prettier-ignore
  return el(
    'table',
    { class: 'compare-table price-history' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Since'), el('th', { scope: 'col' }, 'Price'))),
    el('tbody', {}, ...points.map((point) => el('tr', {}, el('td', {}, formatDate(point.at)), el('td', {}, price(point))))), // prettier-ignore
  );
}

function render() {
  document.title = `${course.title} — Shortlist`;
  const cost =
    course.cost.freeClass === 'unknown' && course.cost.amount === null
      ? null
      : formatCost(course.cost) +
        (course.cost.reference && course.cost.currency !== course.cost.reference.currency
          ? ` (≈ ${formatMoney(course.cost.reference.amount, course.cost.reference.currency)} at ${course.cost.reference.rateDate} rates)`
          : '');
  const level = [
    course.level.eqf ? `EQF ${course.level.eqf}` : null,
    course.level.label && capitalise(course.level.label),
  ]
    .filter(Boolean)
    .join(', ');
  const workload = [
    hours(course.workload.hoursPerWeek, 'hours per week'),
    hours(
      course.workload.totalHours,
      course.workload.totalDerived ? 'hours in total (estimated)' : 'hours in total',
    ),
  ]
    .filter(Boolean)
    .join('; ');

  byId('course').replaceChildren(
    el('p', { class: 'back' }, el('a', { href: '/' }, '← Back to search')),
    el('h1', {}, course.title),
    el(
      'p',
      { class: 'provider' },
      course.provider
        ? el(
            'a',
            { href: `/provider.html?id=${encodeURIComponent(course.provider.id)}` },
            course.provider.name,
          )
        : '',
    ),
    el(
      'p',
      { class: 'actions' },
      el('a', { class: 'button', href: course.enrolmentUrl ?? course.url, rel: 'noopener nofollow' }, 'Enrol on the provider’s site →'), // prettier-ignore
      ' ',
      trayButton('courses', { id: course.id, name: course.title }),
    ),
    el(
      'section',
      { class: 'completeness-panel' },
      el('strong', {}, `Critical information: ${course.completeness.score}% complete`),
      course.completeness.missing.length
        ? el('p', {}, `Not stated by the provider: ${course.completeness.missing.join(', ')}`)
        : '',
    ),
    course.summary ? el('p', { class: 'lead' }, course.summary) : '',
    el(
      'dl',
      { class: 'fact-sheet' },
      row('Cost', cost, course.cost.text, 'cost'),
      row(
        'Duration',
        formatDuration(course.duration) ?? (course.duration.selfPaced ? 'Self-paced' : null),
        course.duration.text,
        'duration',
      ),
      row('Workload', workload, course.workload.text, 'workload'),
      row('Delivery', formatMode(course.delivery.mode), course.delivery.text, 'mode'),
      row('Level', level, course.level.text, 'level'),
      row('Credential', course.credential.text, null, 'credential'),
      row('Credit', course.credit.text, null, 'credit'),
      row('Assessment', course.assessment, null, 'assessment'),
      row('Start dates', course.startDates.map(formatDate).join(', '), null, 'startDates'),
      row('Language', course.languages.map(formatLanguage).join(', '), null, 'languages'),
      row(
        'Field of education',
        course.fields.map((code) => `${course.fieldNames[code] ?? code} (${code})`).join(', '),
        null,
        'fields',
      ),
    ),
    course.description
      ? el(
          'section',
          {},
          el('h2', {}, 'About this course'),
          el('p', { class: 'description' }, course.description),
        )
      : '',
    course.learningOutcomes.length > 0
      ? el(
          'section',
          {},
          el('h2', {}, 'What you will learn'),
          el('ul', {}, ...course.learningOutcomes.map((outcome) => el('li', {}, outcome))),
        )
      : '',
    el('h2', {}, 'Price history'),
    priceHistory(),
    el(
      'p',
      {},
      el(
        'a',
        { class: 'provider-link', href: course.url, rel: 'noopener nofollow' },
        'View on the provider’s site →',
      ),
    ),
  );
}

async function load() {
  const id = new URLSearchParams(location.search).get('id');
  const main = byId('course');
  if (!id) {
    main.replaceChildren(el('p', {}, 'No course was chosen. '), el('a', { href: '/' }, 'Search courses'));
    return;
  }
  try {
    course = await getJson<CourseDetail>(`/v1/courses/${encodeURIComponent(id)}`);
    render();
  } catch (error) {
    main.replaceChildren(
      el('p', { class: 'summary' }, (error as Error).message),
      el('a', { href: '/' }, 'Back to search'),
    );
  }
}

mountTray();
void load();
