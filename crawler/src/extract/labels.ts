import type { CourseField } from './course-record.ts';

// Labels a provider writes next to a fact ("Duration: 6 weeks", "Duración: 6h", "Time to complete"), matched
// against the whole label after accents are dropped and case is folded. English, Spanish, French, German,
// Portuguese and Italian spellings.
const LABELS: readonly [RegExp, CourseField][] = [
  [
    /^(?:(?:course |programme |program |total |estimated |typical )?(?:duration|length)(?: of (?:the )?(?:course|programme|program|study))?|time to (?:complete|completion|finish)|completion time|duracion(?: del curso| total)?|duree(?: de la formation| du cours)?|(?:kurs|lehrgangs)?dauer|duracao(?: do curso)?|durata(?: del corso)?)$/,
    'duration',
  ],
  [
    /^(?:(?:course |tuition |programme |program |total |registration |enrolment |enrollment |participation )?(?:cost|fees?|price|tuition)(?: and fees| & fees)?(?: \([^)]*\))?|total (?:cost|fees|price|tuition)(?: of (?:the )?(?:course|programme|program))?|(?:tuition|price|cost|fee) (?:for|of) (?:this|the) (?:course|programme|program)(?: only)?|investment|precio(?: del curso| (?:solo )?para este curso| regular)?|costo(?: del curso| total)?|coste|inversion|valor(?: del curso)?|prix(?: de la formation)?|tarif|cout(?: de la formation)?|frais(?: de formation)?|preis|kosten|(?:kurs|teilnahme)?gebuhr(?:en)?|preco|investimento|prezzo|quota(?: di iscrizione)?)$/,
    'cost',
  ],
  [
    /^(?:workload|(?:estimated )?effort|(?:time )?commitment|study (?:time|load|hours)|hours per week|weekly (?:study|hours|effort|commitment)|dedicacion(?: semanal)?|carga horaria|horas semanales|charge de travail|(?:arbeits)?aufwand|carga horaria semanal|impegno)$/,
    'workload',
  ],
  [
    /^(?:delivery(?: mode| method| format)?|mode(?: of (?:study|delivery|attendance))?|study mode|format|attendance|instructional method|learning (?:format|mode)|course format|study format|modalidad|modalite|modalidade|modalita|lernform|unterrichtsform|studienform)$/,
    'mode',
  ],
  [/^(?:pace|pacing|ritmo|rythme)$/, 'pacing'],
  [/^(?:(?:course |study )?level|nivel|niveau|livello)$/, 'level'],
  [
    /^(?:cpd ?\/ ?)?(?:credits?|credit points|credit (?:value|hours)|ects(?: credits)?|cats points|cpd points|creditos|credits ects|leistungspunkte|crediti)$/,
    'credit',
  ],
  [
    /^(?:starts?|starting|(?:next |further |upcoming )?(?:start dates?|intakes?|cohorts?|dates)|inicio|fecha de inicio|debut|date de debut|beginn|kursbeginn|inizio|data de inicio)$/,
    'startDates',
  ],
  [/^(?:location|venue|campus|city|where|lugar|sede|lieu|ort|veranstaltungsort|local)$/, 'city'],
  [/^(?:languages?|taught in|language of instruction|idioma|langue|sprache|lingua)$/, 'languages'],
  [
    /^(?:award|awarded|credential|qualification|certification|certificado|certificat|zertifikat|abschluss|certificazione)$/,
    'credential',
  ],
  [
    /^(?:prerequisites?|(?:entry |admission )?requirements?|admission|requisitos|prerequis|voraussetzungen|prerequisiti)$/,
    'prerequisites',
  ],
  [/^(?:assessment|assessed by|assessment method|evaluacion|evaluation|prufung)$/, 'assessment'],
];

export const MAX_LABEL_LENGTH = 48;

/** Every label above starts with one of these: most lines of a page are ruled out by this one test. */
const LABEL_START =
  /^\s*(?:course|programme|program|tuition|duration|length|cost|fee|price|workload|estimated|effort|time|commitment|study|hours|delivery|mode|format|attendance|pac|level|cpd|credit|ects|cats|start|next|further|upcoming|intake|cohort|dates|location|venue|campus|city|where|language|taught|award|credential|qualification|certification|prerequisite|entry|admission|requirement|assessment|assessed|total|registration|enrol|participation|typical|completion|investment|weekly|instructional|learning|dur|prec|pre[cç]|cost|coste|invers|valor|prix|tarif|co[uû]t|frais|preis|kosten|kurs|teilnahm|geb|investim|prezz|quota|dedica|carga|horas|charge|arbeit|aufwand|impegno|modal|lernform|unterricht|studienform|ritmo|rythme|niv|livello|cr[eé]dit|leistung|inicio|inizio|fecha|d[eé]but|date|beginn|data|lugar|sede|lieu|ort|veranstalt|local|idioma|langue|sprache|lingua|certific|zertifikat|abschluss|requisit|pr[eé]requis|voraussetz|evalua|pr[uü]fung|lehrgang)/i;

const MARKS = /[\u0300-\u036f]/g;

/** The field a label names, or undefined; "Duración:" and "DURATION" read alike. */
export function fieldForLabel(label: string): CourseField | undefined {
  if (label.length > MAX_LABEL_LENGTH || !LABEL_START.test(label)) return undefined;
  const cleaned = label
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return LABELS.find(([pattern]) => pattern.test(cleaned))?.[1];
}
