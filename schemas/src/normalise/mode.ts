import type { DeliveryMode } from '../course.ts';
import { Memo } from './memo.ts';

type Pacing = 'self_paced' | 'scheduled';

// Matched against words with accents removed, lower-cased and separated by single spaces, so
// "https://schema.org/OnlineOnly", "deliveryType:InPerson" and "Präsenz-" read as "online only", "in person", "prasenz".
const BLENDED =
  / (?:blended|hybrid|hybride|hibrido|hibrida|mixed mode|mixedmode|mixed|mixte|misto|mixto|semi ?presencial|semipresencial|bimodal|comodal|multi ?modal|multimodal|blend|teilprasenz|partially (?:at a distance|online|remote)|partly online) /;
const ONLINE =
  / (?:online|on line|en ligne|en linea|remote|remotely|remoto|remota|virtual|virtuel|virtuelle|virtuell|distance|a distancia|distancia|ead|fernstudium|fernunterricht|fernlehre|distanciel|e learning|elearning|web based|internet|zoom|webinar|webinars|live stream|livestream|teletraining|telepresencial|a distanza|mooc|moocs) /;
const IN_PERSON =
  / (?:in person|inperson|face to face|f2f|on campus|campus|campus based|on site|onsite|classroom|classroom based|class room|presentiel|en presence|presencial|prasenz\w*|vor ort|sur site|sur place|in presenza|attendance|residential|in class|offline|venue|workplace|work based|on the job|variable site|in situ|traditional (?:instructional method|delivery|classroom|face to face)|instructional method traditional) /;
// Phrases whose parts would otherwise read as both modes.
const ONLINE_PHRASES = / (?:virtual|online) (?:classroom|campus|class|venue)s? /g;
const NEGATED =
  / (?:no|not|without|non|nicht|sans|sin|sem|never) (?:an? |any |required )?(?:online|in person|face to face|on campus|campus|classroom|presencial|presentiel|prasenz|virtual|attendance)(?: attendance| visits?| sessions?| components?| classes| required| needed)* /g;

/** Form of participation: online, in person or blended. A course offered both ways ("online or on campus") reads as blended. */
export function normaliseMode(text: string | null | undefined): DeliveryMode | null {
  return typeof text === 'string' ? MODES.get(text, () => singleMode(text)) : null;
}

const MODES = new Memo<DeliveryMode | null>();
const PACINGS = new Memo<Pacing | null>();

function singleMode(text: string): DeliveryMode | null {
  const modes = normaliseModes(text);
  if (modes.includes('blended') || (modes.includes('online') && modes.includes('in_person')))
    return 'blended';
  return modes[0] ?? null;
}

/** Every delivery mode the text names, in the order online, in person, blended. */
export function normaliseModes(text: string | null | undefined): DeliveryMode[] {
  const words = toWords(text);
  if (!words) return [];
  const cleaned = words.replace(NEGATED, ' ').replace(ONLINE_PHRASES, ' online ');
  const modes: DeliveryMode[] = [];
  if (ONLINE.test(cleaned)) modes.push('online');
  if (IN_PERSON.test(cleaned)) modes.push('in_person');
  if (BLENDED.test(cleaned)) modes.push('blended');
  return modes;
}

const SELF_PACED =
  / (?:self paced|selfpaced|self directed|self study|self guided|at your own pace|own pace|your own pace|on demand|start any ?time|anytime|learn anytime|rolling enrolment|rolling enrollment|no fixed (?:schedule|dates|start)|flexible (?:schedule|timing|start)|no set (?:times|schedule|dates)|no deadlines|a votre rythme|a ton rythme|a tu ritmo|a su ritmo|a tu propio ritmo|autoguiado|autoformation|no seu ritmo|no seu proprio ritmo|autoinstrucional|im eigenen tempo|selbstlernkurs|selbstgesteuert|selbststudium) /;
const SCHEDULED =
  / (?:instructor led|instructor paced|tutor led|teacher led|trainer led|educator led|facilitator led|facilitated|scheduled|schedule|course schedule|cohort|cohort based|fixed (?:start )?dates?|set dates|live sessions?|live classes|live online|live|synchronous|synchron|timetabled|timetable|term dates|class times|dirigido por (?:un )?instructor|con tutor|tutorado|tutorizado|avec formateur|mit trainer|agenda fixa) /;

/** Self-paced or scheduled where the text says so; when it says both, the first phrase wins. */
export function normalisePacing(text: string | null | undefined): Pacing | null {
  return typeof text === 'string' ? PACINGS.get(text, () => pacingOf(text)) : null;
}

function pacingOf(text: string): Pacing | null {
  const words = toWords(text);
  if (!words) return null;
  const self = SELF_PACED.exec(words);
  const scheduled = SCHEDULED.exec(words);
  if (self && scheduled) return self.index <= scheduled.index ? 'self_paced' : 'scheduled';
  return self ? 'self_paced' : scheduled ? 'scheduled' : null;
}

const URI = /\bhttps?:\/\/[^\s,;]*\/([^\s/,;]+)\/?/g;
const CAMEL_CASE = /([a-z])([A-Z][a-z])/g;
const NOT_ASCII = /[\u0080-\uFFFF]/;
const MARKS = /[\u0300-\u036F]/g;
const SEPARATORS = /[^a-z0-9]+/g;

function toWords(text: string | null | undefined): string | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  let words = text.length > 500 ? text.slice(0, 500) : text;
  // only the last segment of a vocabulary URI names the concept
  if (words.includes('://')) words = words.replace(URI, '$1');
  words = words.replace(CAMEL_CASE, '$1 $2');
  // accents removed ("Präsenz" → "prasenz"); letters outside Latin become separators, which no phrase needs
  if (NOT_ASCII.test(words)) words = words.normalize('NFD').replace(MARKS, '');
  words = words.toLowerCase().replace(SEPARATORS, ' ').trim();
  return words ? ` ${words} ` : null;
}
