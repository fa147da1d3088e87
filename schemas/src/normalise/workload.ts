import type { Range } from '../course.ts';
import { Memo } from './memo.ts';
import { LETTER, matchesOf, parseQuantity, QUANTITY, round2, tidy } from './quantity.ts';

export interface NormalisedWorkload {
  hoursPerWeek: Range | null;
  totalHours: Range | null;
}

export interface WorkloadOptions {
  /** what an hour figure with no "per …" means in this source, e.g. a feed field documented as weekly effort */
  per?: 'week' | 'total';
}

// 1 ECTS credit = 25–30 hours of notional learning (ECTS Users' Guide 2015), so n ECTS = 25n–30n hours.
const ECTS_HOURS = { min: 25, max: 30 };
// 1 UK credit (CATS, SCQF) = 10 notional learning hours.
const UK_CREDIT_HOURS = 10;
// A study day without a stated number of days a week is taken as part of a five-day week.
const DAYS_PER_WEEK = 5;
const WEEKS_PER_MONTH = 52 / 12;

const HOUR_UNIT = '(?:hours?|hrs?|h|heures?|horas?|stunden?|std\\.?|ore|uur)';
const MINUTE_UNIT = '(?:minutes?|mins?|minutos?|minuten)';
const SEPARATOR = '(?:-|to|a|à|bis|até|or|ou|oder|and|y|et|und)';
// "120 guided learning hours", "40 contact hours"; US "credit hours" are credits, not hours, so not listed.
const KIND_OF_HOURS =
  '(?:(?:guided|self|independent|directed|total|notional|nominal|approx\\.?)[- ]?)?(?:(?:learning|study|studying|contact|clock|teaching|instructional|tuition|cpd|classroom|lecture|training|practice|practical|lab|student|video|class|learner|effort|work)[- ]){0,2}';
const MENTION = new RegExp(
  `(${QUANTITY})(?:\\s*${SEPARATOR}\\s*(${QUANTITY}))?\\s*(\\+)?\\s*-?\\s*${KIND_OF_HOURS}(?:(${HOUR_UNIT})(?:\\s*(?:and\\s*)?(\\d{1,2})\\s*(?:${MINUTE_UNIT}|m)(?![${LETTER}])|(\\d{2})(?!\\d))?|(${MINUTE_UNIT}))(?![${LETTER}\\d])`,
  'gi',
);
// "Hours per week: 5", "Total hours: 40": the number comes after the label.
const LABELLED = new RegExp(
  `\\b(?:(?:study |learning |contact )?hours?|hrs|effort|workload|time commitment)\\s*(per week|a week|\\/\\s*week|weekly|per month|per day|total|in total)?\\s*:\\s*(${QUANTITY})(?:\\s*${SEPARATOR}\\s*(${QUANTITY}))?`,
  'gi',
);
const SIMPLE_WEEKLY =
  /^\s*(\d{1,3}(?:[.,]\d{1,2})?)(?:\s*[-\u2013]\s*(\d{1,3}(?:[.,]\d{1,2})?))?\s*(?:hours?|hrs?|h)\s*(?:per|a|\/)\s*(?:week|wk)\s*$/i;
const ISO_TIME =
  /\bP(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:\d+(?:[.,]\d+)?S)?|(?=\d)(?:\d+[YMWD])+(?:T(?:\d+[HMS])+)?)\b/g;
const ECTS = new RegExp(
  `(${QUANTITY})\\s*(?:ects|european credits?)|\\bects(?: credits?| points?)?\\s*:?\\s*(${QUANTITY})|(${QUANTITY})\\s*(?:credits?|credit points|cp)\\s*\\(?\\s*ects`,
  'i',
);
const CREDIT_HINT = /ects|european credit|cats|scqf|credit/i;
const UK_CREDITS = new RegExp(
  `(${QUANTITY})\\s*(?:(?:cats|scqf|uk)\\s*credits?|credits?\\s*\\(?\\s*(?:cats|scqf))`,
  'i',
);

const PER_WEEK_AFTER =
  /^[^\d;|()]{0,30}?(?:(?:\bper|\ba|\ban|\beach|\bevery|\bpor|\bpar|\bpro|\bla|\bal|\bin der|\bin the)\s*|\s*\/\s*|\bp\/?)(?:week|wk|w|semana|semaine|woche)\b|^[^\d;|()]{0,30}?\b(?:weekly|hebdomadaires?|semanales|semanais|wöchentlich|pw|hpw)\b/i;
const PER_DAY_AFTER =
  /^[^\d;|()]{0,20}?(?:(?:\bper|\ba|\beach|\bevery|\bpor|\bpar|\bpro|\bal)\s*|\s*\/\s*)(?:day|d|día|dia|jour|tag)\b|^[^\d;|()]{0,20}?\b(?:daily|diarias|täglich)\b/i;
const PER_MONTH_AFTER =
  /^[^\d;|()]{0,20}?(?:(?:\bper|\ba|\beach|\bevery|\bpor|\bpar|\bpro|\bal)\s*|\s*\/\s*)(?:month|mo|mth|mes|mois|monat)\b|^[^\d;|()]{0,20}?\b(?:monthly|mensuales|monatlich)\b/i;
const PER_SESSION_AFTER =
  /^[^\d;|()]{0,20}?(?:\bper|\ba|\beach|\bevery)\s*(?:session|class|lesson|lecture|workshop|seminar)\b/i;
const PER_WEEK_BEFORE = /\b(?:weekly|per week|a week|each week|every week|\/\s*week)\b[^\d;|,]{0,25}$/i;
const TOTAL_BEFORE = /\b(?:total|overall|in all|tqt|notional)\b[^\d;|]{0,25}$/i;
const TOTAL_AFTER = /^\s*\(?\s*(?:total|in total|overall|altogether|of (?:total|notional)|tqt)\b/i;
const DAYS_AFTER = /^[^\d;|]{0,20}?\b(?:for|over|across)\s+(\d+)\s*days?\b/i;
const DAYS_PER_WEEK_TEXT = /(\d)\s*days?\s*(?:per|a|each|\/)\s*week/i;
const NOT_WORKLOAD_BEFORE =
  /(?:within|in under|response|respond|reply|turnaround|access(?: for)?|available|open|support|every|after|before)\s*$/i;
const NOT_WORKLOAD_AFTER =
  /^\s*(?:access|turnaround|response|support|of video|video|notice|before|after|ago)\b/i;
const UNIT_FOLLOWS = new RegExp(`^\\s*(?:[-.,]?\\d|${HOUR_UNIT}(?![${LETTER}])|${MINUTE_UNIT})`, 'i');
const MULTIPLIER_BEFORE = /(\d+)\s*[x×]\s*$/i;

interface Found {
  min: number;
  max: number;
  labelledTotal: boolean;
}

/** Study effort: hours per week and total hours, as stated (a total is not derived here from a length). */
export function normaliseWorkload(
  text: string | null | undefined,
  options: WorkloadOptions = {},
): NormalisedWorkload | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  const workload = WORKLOADS.get(`${options.per ?? ''} ${text}`, () => workloadOf(text, options));
  // a copy, so a caller changing the result cannot change what the next caller gets
  return (
    workload && {
      hoursPerWeek: workload.hoursPerWeek && { ...workload.hoursPerWeek },
      totalHours: workload.totalHours && { ...workload.totalHours },
    }
  );
}

const WORKLOADS = new Memo<NormalisedWorkload | null>();

function workloadOf(text: string, options: WorkloadOptions): NormalisedWorkload | null {
  const simple = SIMPLE_WEEKLY.exec(text);
  if (simple && options.per === undefined) {
    // "5 hours per week", "2-4 hrs/week": one weekly figure and nothing else.
    const low = Number(simple[1]!.replace(',', '.'));
    const high = simple[2] ? Number(simple[2].replace(',', '.')) : low;
    if (low > 0 && high > 0 && high <= 168)
      return { hoursPerWeek: { min: Math.min(low, high), max: Math.max(low, high) }, totalHours: null };
  }
  const tidied = tidy(text, 600);
  const source = tidied.includes('P') ? tidied.replace(ISO_TIME, isoAsHours) : tidied;
  const perWeek: Found[] = [];
  const totals: Found[] = [];
  const daysPerWeek = Number(DAYS_PER_WEEK_TEXT.exec(source)?.[1] ?? DAYS_PER_WEEK);

  for (const match of matchesOf(MENTION, source)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = source.slice(Math.max(0, start - 40), start);
    const after = source.slice(end, end + 40);
    if (/^an?$/i.test(match[1]!) && /\d\s*$/.test(before)) continue;
    if (NOT_WORKLOAD_BEFORE.test(before) || NOT_WORKLOAD_AFTER.test(after) || PER_SESSION_AFTER.test(after))
      continue;
    const minutes = Boolean(match[7]);
    const extra = match[5] ? Number(match[5]) / 60 : match[6] ? Number(match[6]) / 60 : 0;
    const scale = (minutes ? 1 / 60 : 1) * Number(MULTIPLIER_BEFORE.exec(before)?.[1] ?? 1);
    const low = parseQuantity(match[1]!);
    const high = match[2] ? parseQuantity(match[2]) : low;
    if (!(low > 0) || !(high > 0)) continue;
    const range = { min: (Math.min(low, high) + extra) * scale, max: (Math.max(low, high) + extra) * scale };
    if (PER_DAY_AFTER.test(after)) {
      if (range.max > 16) continue;
      const days = Number(DAYS_AFTER.exec(after)?.[1] ?? 0);
      if (days > 0) totals.push({ min: range.min * days, max: range.max * days, labelledTotal: true });
      perWeek.push({ min: range.min * daysPerWeek, max: range.max * daysPerWeek, labelledTotal: false });
    } else if (PER_MONTH_AFTER.test(after)) {
      perWeek.push({
        min: range.min / WEEKS_PER_MONTH,
        max: range.max / WEEKS_PER_MONTH,
        labelledTotal: false,
      });
    } else if (PER_WEEK_AFTER.test(after)) {
      perWeek.push({ ...range, labelledTotal: false });
    } else if (TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(after)) {
      totals.push({ ...range, labelledTotal: true });
    } else if (PER_WEEK_BEFORE.test(before) || options.per === 'week') {
      perWeek.push({ ...range, labelledTotal: false });
    } else {
      totals.push({ ...range, labelledTotal: false });
    }
  }

  for (const match of source.includes(':') ? matchesOf(LABELLED, source) : []) {
    if (UNIT_FOLLOWS.test(source.slice(match.index + match[0].length))) continue;
    const low = parseQuantity(match[2]!);
    const high = match[3] ? parseQuantity(match[3]) : low;
    if (!(low > 0) || !(high > 0)) continue;
    const range = { min: Math.min(low, high), max: Math.max(low, high) };
    const label = (match[1] ?? '').toLowerCase();
    if (label.includes('month'))
      perWeek.push({
        min: range.min / WEEKS_PER_MONTH,
        max: range.max / WEEKS_PER_MONTH,
        labelledTotal: false,
      });
    else if (label.includes('day'))
      perWeek.push({ min: range.min * daysPerWeek, max: range.max * daysPerWeek, labelledTotal: false });
    else if (label.includes('week') || (!label && options.per === 'week'))
      perWeek.push({ ...range, labelledTotal: false });
    else totals.push({ ...range, labelledTotal: Boolean(label) });
  }

  if (!totals.length) {
    const credits = creditHours(source);
    if (credits) totals.push({ ...credits, labelledTotal: false });
  }

  const hoursPerWeek = merge(perWeek.filter((item) => item.max <= 168));
  const totalHours = pickTotal(totals.filter((item) => item.max <= 20000));
  return hoursPerWeek || totalHours ? { hoursPerWeek, totalHours } : null;
}

/** "PT1H30M" → "1.5 hours", so the phrases around it ("per week") read as usual; day/week ISO periods are lengths, not workload. */
function isoAsHours(match: string, hours?: string, minutes?: string): string {
  const value = num(hours) + num(minutes) / 60;
  return value > 0 ? `${round2(value)} hours` : ' '.repeat(match.length);
}

const num = (value: string | undefined) => (value ? Number(value.replace(',', '.')) : 0);

function creditHours(source: string): Range | null {
  if (!CREDIT_HINT.test(source)) return null;
  const ects = ECTS.exec(source);
  if (ects) {
    const value = parseQuantity(ects[1] ?? ects[2] ?? ects[3] ?? '');
    return value > 0 && value <= 240
      ? { min: round2(value * ECTS_HOURS.min), max: round2(value * ECTS_HOURS.max) }
      : null;
  }
  const uk = UK_CREDITS.exec(source);
  const value = uk ? parseQuantity(uk[1]!) : 0;
  return value > 0 && value <= 480 ? { min: value * UK_CREDIT_HOURS, max: value * UK_CREDIT_HOURS } : null;
}

/** Several weekly figures ("3–5 hours a week, up to 8 in exam weeks") span one range. */
function merge(items: Found[]): Range | null {
  if (!items.length) return null;
  let min = Infinity;
  let max = 0;
  for (const item of items) {
    min = Math.min(min, item.min);
    max = Math.max(max, item.max);
  }
  return { min: round2(min), max: round2(max) };
}

/** A total labelled as such wins; otherwise the largest, since contact hours are part of the whole. */
function pickTotal(items: Found[]): Range | null {
  if (!items.length) return null;
  const pool = items.some((item) => item.labelledTotal) ? items.filter((item) => item.labelledTotal) : items;
  let best = pool[0]!;
  for (const item of pool) if (item.max > best.max) best = item;
  return { min: round2(best.min), max: round2(best.max) };
}
