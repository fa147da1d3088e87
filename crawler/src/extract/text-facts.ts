import { normaliseCost, normaliseMode, type RawCourse } from '@shortlist/schemas';
import { putField, type CourseField } from './course-record.ts';
import type { DomElement, DomNode } from './dom.ts';
import { noteCandidate } from './evidence.ts';
import type { Sourced } from './page-outline.ts';
import { readProseFacts, type ProseFact } from './prose-facts.ts';
import { firstLabelled, readLabelled, type LabelledFact } from './text-heuristics.ts';
import { visibleLines } from './visible-text.ts';

/** What the reader knows about the course before reading its text. */
export interface TextContext {
  title?: Sourced | null;
  otherTitles?: readonly Sourced[];
  url?: string;
}

/** A label that names this course's whole price ("Total cost", "Precio sólo para este curso"). */
const TOTAL_LABEL = /^(?:total\b|.*\b(?:this|este|ce|diesen?) (?:course|curso|cours|kurs)\b)/i;
const TOTAL_PROSE = /\btotal (?:cost|fees?|price|tuition)\b|\b(?:costo|precio) total\b/i;
/** Another kind of programme than the course, named beside an amount ("our MBA costs $30,000"). */
const OTHER_PROGRAMME =
  /\b(?:MBA|master'?s(?: degree)?|bachelor'?s(?: degree)?|doctorate|ph\.?d|associate degree|degree programs?|another (?:course|program(?:me)?)|other (?:courses|program(?:me)?s)|compared (?:to|with))\b/i;
const NOT_TUITION_LABEL =
  /\b(?:application|membership|membres[ií]a|subscription|deposit|extension|shipping|exam|materials?)\b/i;

interface CostCandidate {
  value: string;
  evidence: string;
  rank: number;
}

/**
 * The course facts one stretch of a page states in visible text: its labelled facts, then what its phrases say,
 * then what the site says of all its courses. Prices compete: a label naming this course's total wins, then any
 * price label, then a price in a sentence; amounts for other things (salaries, grants, deposits, subscriptions,
 * other programmes, empty carts) never compete.
 */
export function readTextFacts(
  scope: DomNode,
  skip: ReadonlySet<DomElement> | undefined,
  known: TextContext = {},
): RawCourse {
  const lines = visibleLines(scope, skip);
  const labelled = readLabelled(scope, lines, skip);
  const prose = readProseFacts(lines);
  const record = firstLabelled(labelled.filter((fact) => fact.field !== 'cost'));
  const title = known.title;
  if (title) {
    putField(record, 'title', title.value, 'text', { evidence: title.evidence });
    for (const other of known.otherTitles ?? [])
      noteCandidate(record, 'title', { extractor: 'text', value: other.value, text: other.evidence }, 'the page heading names the course'); // prettier-ignore
  }
  if (known.url) putField(record, 'url', known.url, 'text', { evidence: `link of "${title?.value ?? ''}"` });

  chooseCost(record, labelled, prose, title?.value ?? '');
  chooseFromProse(
    record,
    'duration',
    prose.filter((fact) => fact.field === 'duration'),
  );
  const hoursOnly = prose.find((fact) => fact.field === 'duration' && fact.hoursOnly);
  if (record.duration && hoursOnly && record.duration !== hoursOnly.value && record.workload === undefined)
    putField(record, 'workload', hoursOnly.value, 'text', { evidence: hoursOnly.evidence, confidence: 'low', reason: 'hours stated beside a longer length are the total time' }); // prettier-ignore
  chooseFromProse(
    record,
    'workload',
    prose.filter((fact) => fact.field === 'workload'),
  );
  chooseFromProse(
    record,
    'mode',
    prose.filter((fact) => fact.field === 'mode'),
  );
  return record;
}

/** The mode the site or listing gives all its courses, for a course that states none; read with low confidence. */
export function applyContextMode(record: RawCourse, context: readonly Sourced[]): void {
  for (const said of context) {
    if (record.mode !== undefined || !normaliseMode(said.value)) continue;
    putField(record, 'mode', said.value, 'text', { evidence: said.evidence, confidence: 'low', reason: 'the course says nothing of its mode; the site says this of all its courses' }); // prettier-ignore
  }
}

/** A phrase fills a field no label gave, the strongest first; the others are noted beside it. */
function chooseFromProse(record: RawCourse, field: CourseField, facts: ProseFact[]): void {
  const ranked = facts
    .filter((fact) => !(field === 'duration' && fact.hoursOnly && facts.some((other) => !other.hoursOnly)))
    .sort((a, b) => a.strength - b.strength);
  const [first, ...rest] = ranked;
  if (!first) return;
  if (record[field] === undefined)
    putField(record, field, first.value, 'text', { evidence: first.evidence, confidence: 'low' });
  else noteCandidate(record, field, { extractor: 'text', value: first.value, text: first.evidence }, 'a label states it'); // prettier-ignore
  for (const other of rest)
    noteCandidate(record, field, { extractor: 'text', value: other.value, text: other.evidence }, 'stated more directly or first on the page'); // prettier-ignore
}

function chooseCost(record: RawCourse, labelled: LabelledFact[], prose: ProseFact[], title: string): void {
  const candidates: CostCandidate[] = [];
  const otherProgramme = (text: string) => {
    const named = OTHER_PROGRAMME.exec(text);
    return named !== null && !title.toLowerCase().includes(named[0].toLowerCase());
  };
  for (const fact of labelled) {
    if (fact.field !== 'cost' || NOT_TUITION_LABEL.test(fact.evidence)) continue;
    const cost = normaliseCost(fact.value);
    // an amount of 0 with no "free" beside it is an empty cart or a placeholder
    if (cost?.amount === 0 && cost.freeClass === 'free' && !/free|gratis|gratuit|no cost/i.test(fact.value))
      continue;
    const label = fact.evidence.slice(0, fact.evidence.length - fact.value.length);
    candidates.push({
      value: fact.value,
      evidence: fact.evidence,
      rank: (TOTAL_LABEL.test(label) ? 0 : 1) + (cost ? 0 : 3),
    });
  }
  for (const fact of prose) {
    if (fact.field !== 'cost' || otherProgramme(fact.evidence)) continue;
    candidates.push({
      value: fact.value,
      evidence: fact.evidence,
      rank: TOTAL_PROSE.test(fact.evidence) ? 1.5 : 2,
    });
  }
  const [best, ...rest] = candidates.sort((a, b) => a.rank - b.rank);
  if (!best) return;
  const reason =
    best.rank === 0
      ? "labelled as this course's total cost"
      : best.rank < 2
        ? 'labelled as the price'
        : 'the first price stated';
  putField(record, 'cost', best.value, 'text', { evidence: best.evidence, confidence: best.rank < 2 ? 'medium' : 'low', reason }); // prettier-ignore
  for (const other of rest) noteCandidate(record, 'cost', { extractor: 'text', value: other.value, text: other.evidence }, reason); // prettier-ignore
}
