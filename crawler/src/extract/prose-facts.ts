import { normaliseCost, normaliseMode } from '@shortlist/schemas';

/** A fact read from a phrase in running text rather than from a label. */
export interface ProseFact {
  field: 'duration' | 'workload' | 'mode' | 'cost';
  /** the phrase, as the normalisers read it */
  value: string;
  /** the sentence it is in */
  evidence: string;
  /** lower is stronger: a length named with the course ("3-day Online Event") beats one in a sentence */
  strength: number;
  /** a length given only in hours ("this 3-hour summit"): a workload when a longer length is stated too */
  hoursOnly?: true;
}

const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty';
const QTY = `(?:\\d{1,3}(?:[.,]\\d{1,2})?|${NUMBER_WORD}|un|una|dos|tres|cuatro|cinco|seis|ocho|diez|doce)`;
const RANGE = `${QTY}(?:\\s*(?:-|–|to|a)\\s*${QTY})?`;
const UNIT =
  '(?:hours?|hrs?|h|days?|weeks?|months?|years?|semesters?|terms?|trimesters?|quarters?|horas?|d[ií]as?|semanas?|meses|mes|a[ñn]os?|heures?|jours?|semaines?|mois|ans?|stunden|tage?n?|wochen|monate?n?|jahre?n?)';
const EVENT_WORDS =
  'course|courses|event|program|programme|class|workshop|bootcamp|summit|seminar|webinar|certificate|certification|training|intensive|module|institute|academy|curso|taller|programa|diplomado|seminario|formation|cours|kurs|lehrgang';
const EVENT = `(?:${EVENT_WORDS})`;
const STYLE =
  '(?:online|live|in[- ]person|intensive|self[- ]paced|part[- ]time|full[- ]time|virtual|hybrid|blended|interactive|hands[- ]on|professional|certificate|residential)';

const DURATION_PATTERNS: [RegExp, number][] = [
  // "3-day Online Event", "8-week online course", "a two-semester certificate", "12-month program"
  [new RegExp(`\\b${RANGE}[\\s-]+${UNIT}(?:[\\s-]+long)?(?:[\\s-]+${STYLE}){0,2}[\\s-]+${EVENT}\\b`, 'i'), 1],
  // "12 weeks long", "6 months in length"
  [
    new RegExp(
      `\\b${RANGE}\\s*-?\\s*${UNIT}\\s+(?:long|in length|of (?:study|instruction|learning|training))\\b`,
      'i',
    ),
    2,
  ],
  // "runs for 8 weeks", "most graduates finish within 30 months", "complete it in as little as 6 months"
  [
    new RegExp(
      `\\b(?:lasts?(?: for)?|runs?(?: for| over)?|takes?|spans?|delivered over|taught over|over the course of|(?:finish|complete|graduate)[sd]?(?: (?:it|the (?:course|program(?:me)?)))?(?: with)?in|in as little as|in just|duraci[oó]n de|dura)\\s+(?:just |only |about |approximately |around |roughly )?${RANGE}\\s*-?\\s*${UNIT}\\b`,
      'i',
    ),
    3,
  ],
  // "curso de 20 horas", "6 semanas de duración"
  [
    new RegExp(
      `\\b(?:curso|taller|programa|diplomado) de ${RANGE}\\s*${UNIT}\\b|\\b${RANGE}\\s*${UNIT} de duraci[oó]n\\b`,
      'i',
    ),
    2,
  ],
];
const HOURS_UNIT = /^(?:hours?|hrs?|h|horas?|heures?|stunden)$/i;
const NOT_A_LENGTH =
  /\b(?:access|subscription|membership|trial|refund|guarantee|valid|pay(?:ment|able)?s?|instal(?:l)?ments?|financing|interest|warranty|support|ago|every|per)\b[^.]{0,25}$/i;

const WORKLOAD_PATTERNS: RegExp[] = [
  // "6-18 hours a week", "10 hours per week", "5 horas semanales"
  new RegExp(
    `\\b${RANGE}\\s*(?:hours?|hrs?|h|horas?|heures?|stunden)\\s*(?:a|per|\\/|each|every|por|par|pro)\\s*(?:week|wk|semana|semaine|woche)\\b|\\b${RANGE}\\s*(?:hours?|hrs?|horas?)\\s+(?:weekly|semanales)\\b`,
    'i',
  ),
  // "17 hours worth of material", "20 hours of video"
  new RegExp(
    `\\b${RANGE}\\s*(?:hours?|hrs?|horas?)\\s+(?:worth of (?:material|content|learning|video|study)|of (?:video|content|material|instruction|learning|lectures?|training|study|teaching|classes)|in total|total|de (?:clase|formaci[oó]n|contenido|video))\\b`,
    'i',
  ),
];

const MODE_PATTERNS: RegExp[] = [
  // "100% online", "fully online", "taught entirely online"
  /\b(?:100\s*%|fully|entirely|completely|totally|exclusively|wholly)\s+(?:online|virtual|remote|in[- ]person|on[- ]campus|face[- ]to[- ]face|en l[ií]nea|presencial)\b/i,
  new RegExp(
    `\\b(?:online|virtual|remote|in[- ]person|on[- ]campus|campus[- ]based|face[- ]to[- ]face|classroom[- ]based|blended|hybrid|live online|distance)(?:[\\s-]+(?:learning|self[- ]paced|live|interactive|instructor[- ]led))?[\\s-]+(?:${EVENT_WORDS}|learning|degree|session|sessions|classes|format|delivery|study|mooc|moocs)\\b`,
    'i',
  ),
  // "taught entirely online", "classes can be done online and offline"
  /\b(?:taught|delivered|offered|held|run|conducted|takes place|is available|(?:can|will) be (?:done|taken|attended|followed))\s+(?:both\s+)?(?:entirely |fully |completely |exclusively )?(?:online|in[- ]person|on campus|offline|face[- ]to[- ]face|in the classroom)(?:\s+(?:and|or|&)\s+(?:online|offline|in[- ]person|on campus|face[- ]to[- ]face))?\b/i,
  /\b(?:cursos?|clases?|talleres?|programas?|formaci[oó]n|modalidad|formato)\s+(?:100\s*%\s+)?(?:online|virtual(?:es)?|en l[ií]nea|presencial(?:es)?|semipresencial(?:es)?|a distancia)\b/i,
];

const CURRENCY_HINT =
  /[$€£¥₹₩₺₱₦₪฿₫]|S\/|\b(?:USD|EUR|GBP|AUD|CAD|NZD|INR|PEN|MXN|BRL|CHF|SGD|HKD|ZAR|Rs\.?|R\$|kr)\b|\b(?:dollars?|euros?|pounds?|soles)\b/;
const FREE_OR_PAID =
  /^(?:free|gratis|gratuito|gratuit|kostenlos|paid)(?: online)?(?: course| class| program(?:me)?| curso)?(?: \([^)]*\))?$|\bfree online course\b|\bfree (?:to (?:audit|enrol|enroll|join|take))\b|\b(?:no cost|free of charge|tuition[- ]free)\b/i;
/** Amounts that are not what this course costs: pay, grants, deposits, other fees, subscriptions, extensions. */
const NOT_TUITION =
  /\b(?:salar(?:y|ies)|earn(?:s|ings)?|income|wages?|scholarships?|bursar(?:y|ies)|grants?|stipends?|financial aid|deposit|application fee|registration deposit|membership|membres[ií]as?|subscription|suscripci[oó]n|extension|extend|late fee|resit|cart|carrito|sub ?total|shipping|gift card)\b/i;
const PRICE_WORD = /\b(?:fee|fees|price|cost|tuition|precio|costo|prix|tarif|preis|kosten|preço|prezzo)\b/i;
/** A number written as money: "500,000", "1.250,00", "49.99". */
const MONEY = /\b\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?\b|\b\d+[.,]\d{2}\b/;
const SENTENCE = /(?<=[.!?])\s+(?=[A-Z¿¡])/;
const MAX_SENTENCE = 400;

/** Phrases are read from the first lines of a page: its facts come early, its long tail is comments and links. */
const MAX_LINES = 400;

/** Facts stated in phrases ("3-day Online Event", "12 weeks long", "100% online", "Total fees: $350"). */
export function readProseFacts(lines: readonly string[]): ProseFact[] {
  const facts: ProseFact[] = [];
  let previous = '';
  for (const line of lines.length > MAX_LINES ? lines.slice(0, MAX_LINES) : lines) {
    const cues = cuesOf(line);
    if (cues && line.length <= MAX_SENTENCE) readSentence(line, previous, facts, cues);
    else if (cues) for (const sentence of line.split(SENTENCE)) readSentence(sentence.slice(0, MAX_SENTENCE * 2), previous, facts); // prettier-ignore
    previous = line;
  }
  return facts;
}

// One cheap scan first: most sentences of a page name no unit, no mode and no price, and the patterns are costly.
const CUES = new RegExp(
  `(\\d\\s*-?\\s*${UNIT}\\b|\\b${UNIT}\\b|\\b(?:${NUMBER_WORD})\\b)|(online|virtual|remote|person|campus|face|classroom|blended|hybrid|distance|presencial|l[ií]nea|offline|taught|delivered|held)|([$€£¥₹₩₺₱₦₪฿₫]|S\\/|\\b(?:free|gratis|gratuit|kostenlos|paid|fees?|price|cost|tuition|precio|costo|prix|tarif|preis|kosten|prezzo|USD|EUR|GBP|AUD|CAD|NZD|INR|PEN|Rs|dollars?|euros?|pounds?|soles|no cost)\\b)`,
  'gi',
);

interface Cues {
  length: boolean;
  mode: boolean;
  price: boolean;
}

/** The same words in one pattern with one leading boundary: most lines fail it fast. */
const ANY_CUE = new RegExp(
  `\\b(?:\\d+\\s*-?\\s*${UNIT}|${UNIT}|${NUMBER_WORD}|online|virtual|remote|person|campus|face|classroom|blended|hybrid|distance|presencial|l[ií]nea|offline|taught|delivered|held|free|gratis|gratuit|kostenlos|paid|fees?|price|cost|tuition|precio|costo|prix|tarif|preis|kosten|prezzo|usd|eur|gbp|aud|cad|nzd|inr|pen|rs|dollars?|euros?|pounds?|soles)\\b|[$€£¥₹₩₺₱₦₪฿₫]|S\\/|\\d\\s*-?\\s*${UNIT}\\b`,
  'i',
);

function cuesOf(sentence: string): Cues | null {
  if (!ANY_CUE.test(sentence)) return null;
  let cues: Cues | null = null;
  CUES.lastIndex = 0;
  for (let match = CUES.exec(sentence); match; match = CUES.exec(sentence)) {
    cues ??= { length: false, mode: false, price: false };
    if (match[1]) cues.length = true;
    else if (match[2]) cues.mode = true;
    else cues.price = true;
  }
  return cues;
}

const UNIT_PATTERN = new RegExp(UNIT, 'i');
const LEADING_QUANTITY = new RegExp(`^\\D*${RANGE}\\s*-?\\s*`, 'i');

function readSentence(sentence: string, previous: string, facts: ProseFact[], known?: Cues): void {
  const cues = known ?? cuesOf(sentence);
  if (!cues) return;
  const evidence = sentence.length > 200 ? sentence.slice(0, 200) : sentence;
  if (cues.length) {
    for (const [pattern, strength] of DURATION_PATTERNS) {
      const match = pattern.exec(sentence);
      if (!match || NOT_A_LENGTH.test(sentence.slice(Math.max(0, match.index - 30), match.index))) continue;
      const unit = UNIT_PATTERN.exec(match[0].replace(LEADING_QUANTITY, ''));
      const fact: ProseFact = { field: 'duration', value: match[0], evidence, strength };
      if (unit && HOURS_UNIT.test(unit[0])) fact.hoursOnly = true;
      facts.push(fact);
      break;
    }
    const workload = WORKLOAD_PATTERNS.map((pattern) => pattern.exec(sentence)).find(Boolean);
    if (workload) facts.push({ field: 'workload', value: workload[0], evidence, strength: 2 });
  }
  if (cues.mode) {
    for (const [index, pattern] of MODE_PATTERNS.entries()) {
      const match = pattern.exec(sentence);
      if (match && normaliseMode(match[0])) {
        facts.push({ field: 'mode', value: match[0], evidence, strength: index === 0 ? 1 : 2 });
        break;
      }
    }
  }
  if (cues.price) readPrice(sentence, previous, evidence, facts);
}

function readPrice(sentence: string, previous: string, evidence: string, facts: ProseFact[]): void {
  const freeOrPaid = FREE_OR_PAID.exec(sentence);
  // an amount in a currency not known here ("Le 500,000") still reads as a price beside a price word
  const priced =
    /\d/.test(sentence) &&
    (CURRENCY_HINT.test(sentence) || (PRICE_WORD.test(sentence) && MONEY.test(sentence)));
  if (!priced && !freeOrPaid) return;
  // what the line before says governs a bare amount under it ("Membership" above "S/ 180.00")
  const context = sentence.length < 40 ? `${previous} ${sentence}` : sentence;
  if (NOT_TUITION.test(context)) return;
  const value = priced ? sentence : freeOrPaid![0];
  const cost = normaliseCost(value);
  if (!cost) return;
  // an amount of 0 with no "free" is an empty cart or a placeholder, not a free course
  if (
    cost.amount === 0 &&
    cost.freeClass === 'free' &&
    !freeOrPaid &&
    !/\bfree|gratis|gratuit/i.test(sentence)
  )
    return;
  facts.push({
    field: 'cost',
    value: value.length > 200 ? value.slice(0, 200) : value,
    evidence,
    strength: 3,
  });
}
