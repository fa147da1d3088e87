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
      `\\b(?:lasts?|runs?(?: for| over)?|takes?|spans?|delivered over|taught over|over the course of|(?:finish|complete|graduate)[sd]?(?: (?:it|the (?:course|program(?:me)?)))?(?: with)?in|in as little as|in just|duraci[oó]n de|dura)\\s+(?:just |only |about |approximately |around |roughly )?${RANGE}\\s*-?\\s*${UNIT}\\b`,
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
  /\b(?:taught|delivered|offered|held|run|conducted|takes place|is available)\s+(?:entirely |fully |completely |exclusively )?(?:online|in[- ]person|on campus|face[- ]to[- ]face|in the classroom)\b/i,
  /\b(?:cursos?|clases?|talleres?|programas?|formaci[oó]n|modalidad|formato)\s+(?:100\s*%\s+)?(?:online|virtual(?:es)?|en l[ií]nea|presencial(?:es)?|semipresencial(?:es)?|a distancia)\b/i,
  /\bMOOCs?\b|\bmassive open online/i,
];

const CURRENCY_HINT =
  /[$€£¥₹₩₺₱₦₪฿₫]|S\/|\b(?:USD|EUR|GBP|AUD|CAD|NZD|INR|PEN|MXN|BRL|CHF|SGD|HKD|ZAR|Rs\.?|R\$|kr)\b|\b(?:dollars?|euros?|pounds?|soles)\b/;
const FREE_OR_PAID =
  /^(?:free|gratis|gratuito|gratuit|kostenlos|paid)(?: online)?(?: course| class| program(?:me)?| curso)?(?: \([^)]*\))?$|\bfree online course\b|\bfree (?:to (?:audit|enrol|enroll|join|take))\b|\b(?:no cost|free of charge|tuition[- ]free)\b/i;
/** Amounts that are not what this course costs: pay, grants, deposits, other fees, subscriptions, extensions. */
const NOT_TUITION =
  /\b(?:salar(?:y|ies)|earn(?:s|ings)?|income|wages?|scholarships?|bursar(?:y|ies)|grants?|stipends?|financial aid|deposit|application fee|registration deposit|membership|membres[ií]as?|subscription|suscripci[oó]n|extension|extend|late fee|resit|cart|carrito|sub ?total|shipping|gift card)\b/i;
const QUICK =
  /\d|free|gratis|gratuit|kostenlos|paid|online|virtual|person|campus|face|hybrid|blended|mooc|presencial|l[ií]nea|distance/i;
const SENTENCE = /(?<=[.!?])\s+(?=[A-Z¿¡])/;
const MAX_SENTENCE = 400;

/** Facts stated in phrases ("3-day Online Event", "12 weeks long", "100% online", "Total fees: $350"). */
export function readProseFacts(lines: readonly string[]): ProseFact[] {
  const facts: ProseFact[] = [];
  let previous = '';
  for (const line of lines) {
    if (QUICK.test(line)) {
      const sentences = line.length > MAX_SENTENCE ? line.split(SENTENCE) : [line];
      for (const sentence of sentences) readSentence(sentence.slice(0, MAX_SENTENCE * 2), previous, facts);
    }
    previous = line;
  }
  return facts;
}

function readSentence(sentence: string, previous: string, facts: ProseFact[]): void {
  const evidence = sentence.length > 200 ? sentence.slice(0, 200) : sentence;
  for (const [pattern, strength] of DURATION_PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match || NOT_A_LENGTH.test(sentence.slice(Math.max(0, match.index - 30), match.index))) continue;
    const unit = new RegExp(UNIT, 'i').exec(match[0].replace(new RegExp(`^\\D*${RANGE}\\s*-?\\s*`, 'i'), ''));
    const fact: ProseFact = { field: 'duration', value: match[0], evidence, strength };
    if (unit && HOURS_UNIT.test(unit[0])) fact.hoursOnly = true;
    facts.push(fact);
    break;
  }
  for (const pattern of WORKLOAD_PATTERNS) {
    const match = pattern.exec(sentence);
    if (match) {
      facts.push({ field: 'workload', value: match[0], evidence, strength: 2 });
      break;
    }
  }
  for (const [index, pattern] of MODE_PATTERNS.entries()) {
    const match = pattern.exec(sentence);
    if (match && normaliseMode(match[0])) {
      facts.push({ field: 'mode', value: match[0], evidence, strength: index === 0 ? 1 : 2 });
      break;
    }
  }
  readPrice(sentence, previous, evidence, facts);
}

function readPrice(sentence: string, previous: string, evidence: string, facts: ProseFact[]): void {
  const freeOrPaid = FREE_OR_PAID.exec(sentence);
  const priced = /\d/.test(sentence) && CURRENCY_HINT.test(sentence);
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
