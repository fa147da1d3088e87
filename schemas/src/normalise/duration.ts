import type { DurationUnit, StatedDuration } from '../course.ts';
import { Memo } from './memo.ts';
import { LETTER, matchesOf, parseQuantity, QUANTITY, round2, tidy } from './quantity.ts';

export interface NormalisedDuration {
  minWeeks: number | null;
  maxWeeks: number | null;
  selfPaced: boolean;
  /** the provider hedged: "approx.", "about", "~" */
  approximate?: true;
  /** the length in the provider's own unit, from the first length the text states */
  stated?: StatedDuration;
}

const DAY = 1 / 7;
// Weeks to a tenth (under a day) is as precise as a listing's length ever is.
const round1 = (value: number) => Math.round(value * 10) / 10;
// A term or trimester is taken as 12 weeks and a semester as 16, the common teaching-plus-exam lengths.
/** The unit a rank in UNIT_WEEKS stands for; minutes are stated as hours. */
const RANK_UNIT: readonly DurationUnit[] = ['hour', 'day', 'week', 'month', 'term', 'semester', 'year'];
const UNIT_WEEKS: [RegExp, number, number][] = [
  [/^(?:h|hrs?|hours?|heures?|horas?|stunden?|std|ore)$/, 1 / 168, 0],
  [/^(?:mins?|minutes?|minutos?|minuten)$/, 1 / 10080, 0],
  [/^(?:days?|jours?|d[ií]as?|tage?n?|giorn[oi])$/, DAY, 1],
  [/^(?:weeks?|wks?|semaines?|semanas?|wochen?|settiman[ae])$/, 1, 2],
  [/^(?:months?|mos?|mths?|mois|mes|meses|monate?n?|mes[ei])$/, 52 / 12, 3],
  [/^(?:terms?|trimesters?|trimestres?|quarters?)$/, 12, 4],
  [/^(?:semesters?|semestres?)$/, 16, 5],
  [/^(?:years?|yrs?|ans?|ann[ée]es?|a[nñ]os?|jahre?n?|ann[oi])$/, 52, 6],
];
const UNIT =
  '(?:hours?|hrs?|h|heures?|horas?|stunden?|std|ore|minutes?|mins?|minutos?|minuten|days?|jours?|d[ií]as?|tage?n?|giorn[oi]|weeks?|wks?|semaines?|semanas?|wochen?|settiman[ae]|months?|mths?|mos?|mois|meses|mes|monate?n?|mes[ei]|terms?|trimesters?|trimestres?|quarters?|semesters?|semestres?|years?|yrs?|ann[ée]es?|ans?|a[nñ]os?|jahre?n?|ann[oi])';
const SEPARATOR = '(?:-|to|a|à|bis|até|or|ou|oder|o|and|y|et|und|e)';

const MENTION = new RegExp(
  `(${QUANTITY})(?:\\s*${SEPARATOR}\\s*(${QUANTITY}))?\\s*(\\+)?\\s*-?\\s*(${UNIT})(?![${LETTER}\\d])`,
  'gi',
);
const ISO =
  /\bP(?=\d|T\d)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:\d+(?:[.,]\d+)?S)?)?\b/g;

const SIMPLE = new RegExp(`^\\s*(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*-?\\s*(${UNIT})\\s*$`, 'i');
const FULL_DAY = /\bfull[- ]day\b/i;
const FULL_DAY_ALL = /\bfull[- ]day\b/gi;
const SELF_PACED =
  /self[- ]?paced|self[- ]directed|(?:at|learn at) your own pace|own pace|\brolling\b|on[- ]demand|start (?:any ?time|whenever)|à votre rythme|a (?:tu|su) (?:propio )?ritmo|autoguiado|no seu (?:próprio )?ritmo|im eigenen tempo|selbstlernkurs/i;
// "3 hours a week", "2 days per week": a frequency, not a length.
const PER_PERIOD =
  /^\s*(?:per|a|an|each|every|\/|por|par|pro|la|al|à la|in der|in the)\s*(?:week|wk|w|month|mth|day|semana|semaine|woche|mes|mois|monat|jour|tag)\b|^\s*(?:weekly|monthly|daily|hebdomadaires?|semanales|wöchentlich)/i;
const ACCESS_AFTER =
  /^\s*(?:'s\s+)?(?:of\s+)?(?:access|subscription|support|membership|free|trial|money[- ]back|to (?:access|enrol|enroll|register|apply))/i;
const ACCESS_BEFORE =
  /(?:access|subscription|membership|trial|enrol(?:l)? within|valid|guarantee|refund)\s*(?:period|for|of|:|is)?\s*(?:up to|at least)?\s*$/i;
const SESSIONS_AFTER = /^\s*(?:sessions|classes|lessons|lectures|workshops|webinars|modules)\b/i;
const MULTIPLIER_BEFORE = /\d\s*[x×]\s*$/i;
const UP_TO =
  /(?:up ?to|max(?:imum)?\.?|at most|no more than|less than|under|within|not exceeding|hasta|jusqu'à|bis zu|até)\s*$/i;
const AT_LEAST =
  /(?:min(?:imum)?\.?|at least|from|starting at|more than|in as little as|as little as|a partir de|desde|mindestens|au moins)\s*$/i;
const APPROX =
  /(?:\bapprox(?:imately|\.)?|\babout|\baround|\broughly|\bcirca|\bca\.?|\bc\.|~|≈|\best(?:imated)?\.?|\btypically|\busually|\benviron|\baprox(?:imadamente|\.)?|\betwa|\bcerca de)\s*$/i;
const APPROX_AFTER = /^\s*\(?\s*(?:approx|estimated|est\.|average)/i;
const DEADLINE_AFTER = /^\s*(?:to (?:complete|finish)|maximum|max\.?)/i;
const ARTICLE_CONTEXT =
  /(?:^|\b(?:for|over|in|about|around|approximately|approx\.?|lasts?|takes?|than|to|within|just|only|runs?|one|up|is|:|-|\())\s*$/i;
const SUMMABLE_GAP = /^\s*(?:and|&|\+)?\s*$/i;

interface Mention {
  min: number;
  max: number;
  rank: number;
  /** as written, in the unit of `rank` */
  stated: StatedDuration;
  start: number;
  end: number;
  hours: boolean;
  upTo: boolean;
  atLeast: boolean;
  approx: boolean;
}

/** How long a course runs, in weeks. `null` when the text states neither a length nor self-pacing. */
export function normaliseDuration(text: string | null | undefined): NormalisedDuration | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  const duration = DURATIONS.get(text, () => durationOf(text));
  // a copy, so a caller changing the result cannot change what the next caller gets
  return duration && { ...duration };
}

const DURATIONS = new Memo<NormalisedDuration | null>();

function durationOf(text: string): NormalisedDuration | null {
  const simple = SIMPLE.exec(text);
  if (simple) {
    // "6 weeks", "4 Months", "12 Wochen": one number and one unit longer than an hour.
    const unit = unitOf(simple[2]!);
    const value = Number(simple[1]!.replace(',', '.'));
    if (unit && unit[1] > 0 && value > 0) {
      const weeks = round1(value * unit[0]);
      const stated = { value, max: null, unit: RANK_UNIT[unit[1]]! };
      return { minWeeks: weeks, maxWeeks: weeks, selfPaced: false, stated };
    }
  }
  let source = tidy(text, 600);
  if (FULL_DAY.test(source)) source = source.replace(FULL_DAY_ALL, '1-day');
  const selfPaced = SELF_PACED.test(source);
  const mentions: Mention[] = [];

  if (source.includes('P')) {
    source = source.replace(
      ISO,
      (
        match: string,
        y: string | undefined,
        mo: string | undefined,
        w: string | undefined,
        d: string | undefined,
        h: string | undefined,
        mi: string | undefined,
        offset: number,
      ) => {
        const weeks = num(y) * 52 + (num(mo) * 52) / 12 + num(w) + num(d) * DAY;
        const hours = num(h) + num(mi) / 60;
        const end = offset + match.length;
        if (weeks > 0)
          mentions.push(mention(weeks, weeks, 3, offset, end, false, isoStated(y, mo, w, d, weeks)));
        else if (hours > 0)
          mentions.push(
            mention(hours / 168, hours / 168, 0, offset, end, true, stated(round2(hours), null, 0)),
          );
        return ' '.repeat(match.length);
      },
    );
  }

  for (const match of matchesOf(MENTION, source)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = source.slice(Math.max(0, start - 40), start);
    const after = source.slice(end, end + 40);
    const first = match[1]!;
    if (/^an?$/i.test(first) && !ARTICLE_CONTEXT.test(before)) continue;
    if (PER_PERIOD.test(after) || ACCESS_AFTER.test(after) || ACCESS_BEFORE.test(before)) continue;
    const unit = unitOf(match[4]!);
    if (!unit) continue;
    const [factor, rank] = unit;
    if (rank === 0 && (SESSIONS_AFTER.test(after) || MULTIPLIER_BEFORE.test(before))) continue;
    const low = parseQuantity(first);
    const high = match[2] ? parseQuantity(match[2]) : low;
    if (!(low > 0) || !(high > 0) || high > 1000 || low > 1000) continue;
    // minutes are stated as hours
    const asStated = (value: number) => round2(rank === 0 ? value * factor * 168 : value);
    const item = mention(
      Math.min(low, high) * factor,
      Math.max(low, high) * factor,
      rank,
      start,
      end,
      rank === 0,
      stated(asStated(Math.min(low, high)), low === high ? null : asStated(Math.max(low, high)), rank),
    );
    const range = Boolean(match[2]);
    item.upTo = !range && (UP_TO.test(before) || DEADLINE_AFTER.test(after));
    item.atLeast = Boolean(match[3]) || (!range && AT_LEAST.test(before));
    item.approx = APPROX.test(before) || APPROX_AFTER.test(after);
    mentions.push(item);
  }
  mentions.sort((a, b) => a.start - b.start);
  return combine(sumCompound(mentions, source), selfPaced);
}

function mention(
  min: number,
  max: number,
  rank: number,
  start: number,
  end: number,
  hours: boolean,
  stated: StatedDuration,
): Mention {
  return { min, max, rank, stated, start, end, hours, upTo: false, atLeast: false, approx: false };
}

function stated(value: number, max: number | null, rank: number): StatedDuration {
  return { value, max, unit: RANK_UNIT[rank]! };
}

/** "P6W" is 6 weeks and "P3M" 3 months as stated; a period in two units ("P1Y6M") is stated in weeks. */
function isoStated(
  ...parts: [string | undefined, string | undefined, string | undefined, string | undefined, number]
): StatedDuration {
  const [y, mo, w, d, weeks] = parts;
  const given = [
    [y, 6],
    [mo, 3],
    [w, 2],
    [d, 1],
  ].filter(([value]) => value !== undefined) as [string, number][];
  if (given.length === 1) return stated(num(given[0]![0]), null, given[0]![1]);
  return stated(round2(weeks), null, 2);
}

const UNITS = new Map<string, [number, number] | undefined>();
/** weeks per unit and its rank, remembered per spelling (a closed set: the UNIT alternatives) */
function unitOf(word: string): [number, number] | undefined {
  const lower = word.toLowerCase();
  if (!UNITS.has(lower)) {
    const found = UNIT_WEEKS.find(([pattern]) => pattern.test(lower));
    UNITS.set(lower, found && [found[1], found[2]]);
  }
  return UNITS.get(lower);
}

const num = (value: string | undefined) => (value ? Number(value.replace(',', '.')) : 0);

/** "1 year and 6 months", "2 weeks 3 days": one length written in two units. */
function sumCompound(mentions: Mention[], source: string): Mention[] {
  const result: Mention[] = [];
  for (const item of mentions) {
    const previous = result[result.length - 1];
    if (
      previous &&
      !previous.hours &&
      !item.hours &&
      previous.rank > item.rank &&
      previous.min === previous.max &&
      item.min === item.max &&
      SUMMABLE_GAP.test(source.slice(previous.end, item.start))
    ) {
      previous.min += item.min;
      previous.max += item.max;
      previous.end = item.end;
      // "1 year and 6 months" is stated as 18 months
      const perUnit = item.min / item.stated.value;
      previous.stated = stated(round2(previous.min / perUnit), null, item.rank);
      previous.rank = item.rank;
      continue;
    }
    result.push(item);
  }
  return result;
}

function combine(mentions: Mention[], selfPaced: boolean): NormalisedDuration | null {
  const lengths = mentions.filter((item) => !item.hours);
  // A course given only in hours is a length when it fits in one day ("3-hour workshop"); longer, it is a workload.
  const hours = mentions.filter((item) => item.hours);
  if (!lengths.length && !selfPaced && hours.length && hours.every((item) => item.max * 168 <= 8)) {
    const result: NormalisedDuration = { minWeeks: round1(DAY), maxWeeks: round1(DAY), selfPaced };
    if (hours.some((item) => item.approx)) result.approximate = true;
    result.stated = hours[0]!.stated;
    return result;
  }
  if (!lengths.length) return selfPaced ? { minWeeks: null, maxWeeks: null, selfPaced } : null;
  let min: number | null = null;
  let max: number | null = null;
  for (const item of lengths) {
    if (!item.upTo) min = min === null ? item.min : Math.min(min, item.min);
    if (!item.atLeast) max = max === null ? item.max : Math.max(max, item.max);
  }
  const result: NormalisedDuration = {
    minWeeks: min === null ? null : round1(min),
    maxWeeks: max === null ? null : round1(max),
    selfPaced,
  };
  if (lengths.some((item) => item.approx)) result.approximate = true;
  result.stated = lengths[0]!.stated;
  return result;
}
