import './style.css';
import { getJson, type CourseDetail } from './api.ts';
import { byId, el } from './dom.ts';
import { capitalise, formatCost, formatLanguage, formatMode, formatMoney, formatWeeks } from './format.ts';

function row(label: string, value: string | null | undefined, original?: string | null) {
  if (!value)
    return el('div', { class: 'fact-row missing' }, el('dt', {}, label), el('dd', {}, 'Not stated'));
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
    ),
  );
}

const hours = (range: { min: number; max: number } | null, unit: string) =>
  range ? `${range.min === range.max ? range.min : `${range.min}–${range.max}`} ${unit}` : null;

function render(course: CourseDetail) {
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
    el('p', { class: 'provider' }, course.provider?.name ?? ''),
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
      row('Cost', cost, course.cost.text),
      row(
        'Duration',
        formatWeeks(course.duration.minWeeks, course.duration.maxWeeks) ??
          (course.duration.selfPaced ? 'Self-paced' : null),
        course.duration.text,
      ),
      row('Workload', workload, course.workload.text),
      row('Delivery', formatMode(course.delivery.mode), course.delivery.text),
      row('Level', level, course.level.text),
      row('Credential', course.credential.text),
      row('Credit', course.credit.text),
      row('Assessment', course.assessment),
      row('Start dates', course.startDates.join(', ')),
      row('Language', course.languages.map(formatLanguage).join(', ')),
      row(
        'Field of education',
        course.fields.map((code) => `${course.fieldNames[code] ?? code} (${code})`).join(', '),
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
    render(await getJson<CourseDetail>(`/v1/courses/${encodeURIComponent(id)}`));
  } catch (error) {
    main.replaceChildren(
      el('p', { class: 'summary' }, (error as Error).message),
      el('a', { href: '/' }, 'Back to search'),
    );
  }
}

void load();
