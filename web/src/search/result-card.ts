import type { SearchHit } from '../api.ts';
import { trayButton } from '../compare-tray.ts';
import { el } from '../dom.ts';
import {
  capitalise,
  formatCostWithReference,
  formatDate,
  formatDuration,
  formatMode,
  nextStart,
} from '../format.ts';
import { marked } from './highlight.ts';

function completenessBadge(score: number, missing: string[]) {
  const tone = score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
  return el(
    'span',
    { class: `completeness ${tone}` },
    `${score}% complete`,
    missing.length ? el('span', { class: 'visually-hidden' }, `; does not state ${missing.join(', ')}`) : '',
  );
}

function startFact(hit: SearchHit): string | null {
  const next = nextStart(hit.startDates);
  if (next) return `Next start ${formatDate(next)}`;
  return hit.pacing === 'self_paced' ? 'Start any time' : null;
}

/** One result: the facts in the provider's own terms (its unit, its currency) and the words matched. */
export function resultCard(hit: SearchHit): HTMLElement {
  const facts = [
    formatMode(hit.deliveryMode),
    formatDuration(hit.duration),
    hit.workload.hoursPerWeekMax !== null ? `up to ${hit.workload.hoursPerWeekMax} h/week` : null,
    hit.level.label ? capitalise(hit.level.label) : hit.level.eqf ? `EQF ${hit.level.eqf}` : null,
    startFact(hit),
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
    el(
      'p',
      { class: 'provider' },
      el('a', { href: `/provider.html?id=${encodeURIComponent(hit.provider.id)}` }, hit.provider.name),
    ),
    hit.summary && el('p', { class: 'result-summary' }, ...marked(hit.summary, hit.highlights.summary)),
    el(
      'p',
      { class: 'facts' },
      ...facts.map((fact) => el('span', { class: 'fact' }, fact)),
      el('span', { class: 'fact cost' }, formatCostWithReference(hit.cost)),
      completenessBadge(hit.completeness.score, hit.completeness.missing),
    ),
    trayButton('courses', { id: hit.id, name: hit.title }),
  );
}
