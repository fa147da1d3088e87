import { Memo } from './memo.ts';

type LevelLabel = 'introductory' | 'intermediate' | 'advanced';

export interface NormalisedLevel {
  /** European Qualifications Framework level 1–8 */
  eqf?: number;
  label?: LevelLabel;
}

export interface LevelOptions {
  /** the provider's ISO 3166-1 country: tells which national framework a bare "Level 5" belongs to */
  country?: string;
}

type Framework = 'eqf' | 'rqf' | 'aqf' | 'scqf' | 'nfq';

// National frameworks mapped to EQF by each country's published referencing report.
const TO_EQF: Record<Framework, (number | undefined)[]> = {
  eqf: [undefined, 1, 2, 3, 4, 5, 6, 7, 8],
  // England/Northern Ireland RQF (and the older NQF, QCF, FHEQ): 1→2, 2→3, 3→4, 4 and 5→5, 6→6, 7→7, 8→8.
  rqf: [undefined, 2, 3, 4, 5, 5, 6, 7, 8],
  // AQF (Australia) and NZQF: Cert I–III→2–4, Cert IV→4, Diploma/Adv. Diploma→5, Bachelor→6, Grad Cert/Dip & Honours→7, Masters→7, Doctorate→8.
  aqf: [undefined, 2, 3, 4, 4, 5, 5, 6, 7, 7, 8],
  // Scottish SCQF 1–12: SCQF 7–8 (HNC/HND) → 5, 9–10 (degree) → 6, 11 → 7, 12 → 8.
  scqf: [undefined, 1, 1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 8],
  // Irish NFQ 1–10 (also used for other 10-level frameworks such as South Africa's NQF): 4–5→4, 6→5, 7–8→6, 9→7, 10→8.
  nfq: [undefined, 1, 2, 3, 4, 4, 5, 6, 6, 7, 8],
};
const FRAMEWORK_NAMES: [RegExp, Framework][] = [
  [/^(?:eqf|eqr|cec|mec|mecu|qeq|dqr|ekr|eqf-mec)$/, 'eqf'],
  [/^(?:rqf|qcf|fheq|nqf|cqfw|ofqual)$/, 'rqf'],
  [/^(?:aqf|nzqf|nzqa)$/, 'aqf'],
  [/^scqf$/, 'scqf'],
  [/^(?:nfq|qqi|saqa)$/, 'nfq'],
];
const COUNTRY_FRAMEWORK: Record<string, Framework> = {
  GB: 'rqf',
  UK: 'rqf',
  AU: 'aqf',
  NZ: 'aqf',
  IE: 'nfq',
  ZA: 'nfq',
};

const FRAMEWORK =
  'eqf-mec|eqf|eqr|cec|mecu|mec|qeq|dqr|ekr|rqf|qcf|fheq|nqf|cqfw|ofqual|aqf|nzqf|nzqa|scqf|nfq|qqi|saqa';
const LEVEL_WORD = '(?:level|niveau|nivel|nível|stufe|livello|lvl|l)';
const FRAMEWORK_FIRST = new RegExp(
  `\\b(${FRAMEWORK})\\s*[-:]?\\s*(?:${LEVEL_WORD}\\.?)?\\s*[-:]?\\s*(\\d{1,2})\\b`,
  'i',
);
const LEVEL_FIRST = new RegExp(
  `\\b${LEVEL_WORD}\\.?\\s*[-:]?\\s*(\\d{1,2})\\b(?:\\s*(?:\\(|on the|of the|in the|-)?\\s*(${FRAMEWORK})\\b)?`,
  'i',
);
const AQF_CERTIFICATE = /\bcert(?:ificate|\.)?\s+(iv|iii|ii|i)\b(?!\s*[-:]?\s*\d)/i;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ENTRY_LEVEL = /\bentry level\s*[1-3]\b/i;

// Cycle words name a level without a number: postgraduate study is EQF 7 (the EHEA second cycle).
const CYCLES: [RegExp, number][] = [
  [/\b(?:doctoral|doctorate|phd|third cycle)\b/, 8],
  [
    /\b(?:postgraduate|post-graduate|graduate (?:certificate|diploma)|master'?s?(?: level)?|msc|mba|second cycle)\b/,
    7,
  ],
  [/\b(?:undergraduate|bachelor'?s?(?: level)?|degree level|first cycle|honours)\b/, 6],
  [/\b(?:short cycle|foundation degree|associate degree|hnd|hnc|higher national)\b/, 5],
  [/\b(?:a[- ]levels?|advanced highers?)\b/, 4],
  [/\bgcses?\b/, 3],
];

// Difficulty words in English, French, Spanish, German and Portuguese (accents removed); CEFR A/B/C as well.
const LABELS: [RegExp, LevelLabel][] = [
  [
    /\b(?:beginners?|novices?|foundations?|foundational|entry(?:[- ]level)?|introductory|introduction|intro|basics?|fundamentals?|elementary|starters?|no (?:prior )?(?:experience|knowledge)(?: (?:required|needed|necessary))?|absolute beginners?|debutants?|initiation|principiantes?|basico|inicial|iniciantes?|anfanger|einsteiger|grundlagen|grundstufe|101|cefr a[12]|[a][12])\b/,
    'introductory',
  ],
  [
    /\b(?:intermediate|upper[- ]intermediate|intermedio|intermediaire|intermediario|mittelstufe|improvers?|some (?:prior )?(?:experience|knowledge)|mid[- ]level|medium|cefr b[12]|[b][12])\b/,
    'intermediate',
  ],
  [
    /\b(?:advanced|experts?|avance|avanzado|avancado|fortgeschrittene?n?|experte?n?|mastery|cefr c[12]|[c][12])\b/,
    'advanced',
  ],
];
const MARKS = /[\u0300-\u036F]/g;
const NO_LABEL = /\b(?:all levels|any level|todos los niveles|tous niveaux|alle niveaus|foundation degree)\b/;

/** EQF level and/or difficulty label; `null` when the text names neither. */
export function normaliseLevel(
  text: string | null | undefined,
  options: LevelOptions = {},
): NormalisedLevel | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  const country = typeof options.country === 'string' ? options.country.toUpperCase() : undefined;
  const level = LEVELS.get(`${country ?? ''} ${text}`, () => levelOf(text, country));
  // a copy, so a caller changing the result cannot change what the next caller gets
  return level && { ...level };
}

const LEVELS = new Memo<NormalisedLevel | null>();

function levelOf(text: string, country: string | undefined): NormalisedLevel | null {
  const source = text.slice(0, 300);
  const plain = source.normalize('NFD').replace(MARKS, '').toLowerCase();
  const result: NormalisedLevel = {};
  const eqf = eqfLevel(source, plain, country);
  if (eqf !== undefined) result.eqf = eqf;
  const label = NO_LABEL.test(plain) ? undefined : difficulty(plain);
  if (label) result.label = label;
  return result.eqf !== undefined || result.label ? result : null;
}

function eqfLevel(source: string, plain: string, country: string | undefined): number | undefined {
  // UK Entry Levels 1–3 sit below RQF level 1.
  if (ENTRY_LEVEL.test(plain)) return 1;
  const named = FRAMEWORK_FIRST.exec(source);
  if (named) return mapLevel(frameworkOf(named[1]!), Number(named[2]));
  const level = LEVEL_FIRST.exec(source);
  if (level) {
    const framework = level[2]
      ? frameworkOf(level[2])
      : ((country ? COUNTRY_FRAMEWORK[country] : undefined) ?? 'eqf');
    return mapLevel(framework, Number(level[1]));
  }
  const certificate = AQF_CERTIFICATE.exec(source);
  if (certificate) return mapLevel('aqf', ROMAN[certificate[1]!.toLowerCase()]!);
  for (const [pattern, value] of CYCLES) if (pattern.test(plain)) return value;
  return undefined;
}

function frameworkOf(name: string): Framework {
  const lower = name.toLowerCase();
  return FRAMEWORK_NAMES.find(([pattern]) => pattern.test(lower))?.[1] ?? 'eqf';
}

const mapLevel = (framework: Framework, level: number) => TO_EQF[framework][level];

/** The lowest difficulty named, since "beginner to intermediate" welcomes beginners. */
function difficulty(plain: string): LevelLabel | undefined {
  for (const [pattern, label] of LABELS) if (pattern.test(plain)) return label;
  return undefined;
}
